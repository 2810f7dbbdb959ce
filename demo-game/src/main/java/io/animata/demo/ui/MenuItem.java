package io.animata.demo.ui;

/** The entries of the pause menu, top to bottom; the toggles show their state ({@link #label}). */
public enum MenuItem {
    RESUME("Resume", null),
    NEW_DUNGEON("New dungeon", null),
    PLAYTEST("Playtest overlay", "F2"),
    BOT_VISION("Bot vision", "V"),
    AUTOPILOT("Autopilot", "P"),
    QUIT("Quit", null);

    private final String plain;
    private final String on;
    private final String off;

    MenuItem(String text, String key) {
        this.plain = text;
        this.on = key == null ? text : text + ": on";
        this.off = key == null ? text : text + ": off";
    }

    /** @return whether the entry switches something on and off */
    public boolean isToggle() {
        return on != plain;
    }

    /**
     * The text shown for the entry (constant strings: nothing is allocated per frame).
     *
     * @param controls the switches' current state
     * @return e.g. "Resume" or "Bot vision: on"
     */
    public String label(DemoControls controls) {
        return switch (this) {
            case PLAYTEST -> controls.isPlaytest() ? on : off;
            case BOT_VISION -> controls.isBotVision() ? on : off;
            case AUTOPILOT -> controls.isAutopilot() ? on : off;
            default -> plain;
        };
    }
}
