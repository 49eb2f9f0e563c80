package dev.scansion.exec;

import java.time.Duration;
import java.util.Locale;

/** Human durations for messages: "500 ms", "5 s", "2.5 s". */
public final class Durations {
    private Durations() {
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return (ms / 1000) + " s";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
