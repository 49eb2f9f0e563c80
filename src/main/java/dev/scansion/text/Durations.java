package dev.scansion.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and read them, the same for every option, setting and message:
 * {@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 2m} or plain seconds in; {@code 500 ms},
 * {@code 5 s}, {@code 2.5 s} out.
 */
public final class Durations {
    /**
     * The longest duration accepted: a wait longer than a day is a typo, and every wait must still
     * add to a clock reading without overflowing.
     */
    public static final Duration MAX = Duration.ofHours(24);

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    private Durations() {
    }

    /**
     * Parses a duration, to whole milliseconds.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a duration or longer than {@link #MAX}
     */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (examples: 5s, 500ms, 2.5)");
        }
        BigDecimal n = new BigDecimal(m.group(1));
        BigDecimal ms = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> n;
            case "m" -> n.multiply(BigDecimal.valueOf(60_000));
            default -> n.multiply(BigDecimal.valueOf(1000));
        };
        // Compared as a decimal, so that a value beyond any long is refused rather than wrapped.
        if (ms.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
            throw new IllegalArgumentException("'" + value + "' is longer than the maximum of " + format(MAX));
        }
        return Duration.ofMillis(ms.longValue());
    }

    /** {@code 500 ms}, {@code 5 s}, {@code 2.5 s}, {@code 90 s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Milliseconds with a fraction, for short measured times: {@code 3.21 ms}, {@code 0.042 ms}. */
    public static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }
}
