package dev.scansion.exec;

import java.util.HashSet;
import java.util.Set;

import dev.scansion.text.Printable;

/** Turns exceptions into the one-line reasons reports show (never stack traces). */
final class Failures {
    /** The longest reason kept from an exception message. */
    static final int MAX = 300;

    private Failures() {
    }

    /**
     * The most specific message along the cause chain, e.g. "Connection refused". Smack wraps
     * causes several times; the innermost message with text is usually the useful one.
     */
    static String describe(Throwable t) {
        String best = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.isBlank()) best = oneLine(m);
            else if (best == null) best = c.getClass().getSimpleName();
        }
        return best == null ? t.getClass().getSimpleName() : best;
    }

    /**
     * The first line of a message, trimmed, cut at {@link #MAX} and with control characters shown
     * escaped: exception messages can quote what a server sent.
     */
    static String oneLine(String message) {
        String s = message.strip();
        int nl = s.indexOf('\n');
        return Printable.shortLine(nl < 0 ? s : s.substring(0, nl).strip(), MAX);
    }

    /** Whether {@code t} or a cause is of type {@code type}. */
    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }
}
