package dev.scansion.report;

import java.time.Duration;
import java.util.Locale;

/** Small text helpers for reports. */
final class Text {
    private Text() {
    }

    /** "0.42 s", "12 ms". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** Milliseconds with a fraction: {@code 3.21 ms}, {@code 0.042 ms}. */
    static String millis(Duration d) {
        double ms = d.toNanos() / 1e6;
        return String.format(Locale.ROOT, ms < 1 ? "%.3f ms" : ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Replaces control characters (other than tab) so a stanza prints on one line. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 && c != '\t') sb.append('?');
            else sb.append(c);
        }
        return sb.toString();
    }
}
