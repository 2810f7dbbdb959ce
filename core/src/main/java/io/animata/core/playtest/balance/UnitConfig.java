package io.animata.core.playtest.balance;

import io.animata.runtime.AnimataException;
import java.util.List;
import java.util.Locale;

/**
 * One configuration of the arena game: a side's army, all of one unit type, and how it is controlled. Balance
 * testing plays configurations against each other.
 *
 * <p>Threading: immutable.
 *
 * @param name the configuration's name in reports
 * @param units units on the side, 1 to {@value #MAX_UNITS}
 * @param hp hit points of each unit
 * @param damage damage of one attack (each attack draws 75 % to 125 % of it)
 * @param range attack reach from edge to edge, metres
 * @param speed top speed, metres per second
 * @param cooldown seconds between a unit's attacks
 * @param controller {@value #CHARGE} (close in on the nearest enemy), {@value #KITE} (keep the nearest enemy at the
 *     edge of range, backing off when it comes close) or {@value #FOCUS} (go for the weakest enemy)
 */
public record UnitConfig(String name, int units, float hp, float damage, float range, float speed, float cooldown,
        String controller) {
    /** Controller: close in on the nearest enemy and hit it. */
    public static final String CHARGE = "charge";
    /** Controller: keep the nearest enemy at the edge of range, back off when it comes close. */
    public static final String KITE = "kite";
    /** Controller: go for the enemy with the fewest hit points. */
    public static final String FOCUS = "focus";
    /** Most units on a side. */
    public static final int MAX_UNITS = 64;
    private static final List<String> CONTROLLERS = List.of(CHARGE, KITE, FOCUS);

    /** @throws AnimataException naming the configuration and the field that is out of range */
    public UnitConfig {
        if (name == null || name.isBlank()) {
            throw new AnimataException("a balance configuration needs a \"name\"");
        }
        check(name, "units", units >= 1 && units <= MAX_UNITS, "between 1 and " + MAX_UNITS, units);
        check(name, "hp", hp > 0 && hp < 1e6, "positive", hp);
        check(name, "damage", damage >= 0 && damage < 1e6, "zero or more", damage);
        check(name, "range", range > 0 && range <= 50, "in (0, 50] metres", range);
        check(name, "speed", speed > 0 && speed <= 20, "in (0, 20] m/s", speed);
        check(name, "cooldown", cooldown >= 0.1f && cooldown <= 60, "in [0.1, 60] seconds", cooldown);
        controller = controller == null ? CHARGE : controller.toLowerCase(Locale.ROOT);
        if (!CONTROLLERS.contains(controller)) {
            throw new AnimataException("configuration '" + name + "': unknown controller '" + controller + "'; use "
                    + String.join(", ", CONTROLLERS));
        }
    }

    private static void check(String name, String field, boolean ok, String what, Object value) {
        if (!ok) {
            throw new AnimataException("configuration '" + name + "': \"" + field + "\" must be " + what + ", was "
                    + value);
        }
    }
}
