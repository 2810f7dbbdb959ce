package io.animata.demo;

/**
 * Number formatting for HUD text that allocates nothing: the HUD is rebuilt every frame into one reused
 * {@link StringBuilder}, and {@code String.format} would allocate.
 *
 * <p>Threading: stateless; any thread.
 *
 * <pre>{@code
 * hud.setLength(0);
 * HudText.appendFixed(hud.append("frame "), frameMillis, 2).append(" ms");
 * }</pre>
 */
public final class HudText {
    private HudText() {
    }

    /** Appends {@code value} with {@code decimals} digits after the point, without allocating. */
    public static StringBuilder appendFixed(StringBuilder sb, double value, int decimals) {
        if (!Double.isFinite(value)) {
            return sb.append('-');
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale);
        if (decimals > 0) {
            sb.append('.');
            long fraction = scaled % scale;
            for (long d = scale / 10; d > 0; d /= 10) {
                sb.append((char) ('0' + (fraction / d) % 10));
            }
        }
        return sb;
    }

    /** Appends {@code value} as 16 lower-case hexadecimal digits (a seed reads better so than as a signed number). */
    public static StringBuilder appendHex(StringBuilder sb, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            sb.append(Character.forDigit((int) (value >>> shift) & 0xf, 16));
        }
        return sb;
    }
}
