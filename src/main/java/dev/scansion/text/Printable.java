package dev.scansion.text;

/**
 * Makes text from scripts and servers safe to print: control characters never reach a terminal or
 * a report raw (an ESC from a server must not move the cursor or change colours), and long text is
 * cut at a stated size with {@code … (N bytes)} saying how long it was.
 *
 * <p>Escapes: {@code \n}, {@code \r} (in {@link #line}), {@code \e} for ESC, {@code \xNN} for the
 * other C0 controls and DEL, a backslash, u and the code in braces (e.g. {@code \\u{202E}}) for C1 controls, bidirectional overrides and
 * isolates, line and paragraph separators, and lone surrogates. Tabs are kept.
 */
public final class Printable {
    private Printable() {
    }

    /** The text on one line: line breaks and every other control character shown escaped. */
    public static String line(String s) {
        return escape(s, false);
    }

    /** The text with its line breaks kept ({@code \n}, and {@code \r\n} as {@code \n}); everything else escaped. */
    public static String text(String s) {
        return escape(s, true);
    }

    /** Whether printing {@code s} as is could not affect a terminal (no character {@link #text} would escape). */
    public static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') continue;
            if (needsEscape(s, i)) return false;
        }
        return true;
    }

    /**
     * At most {@code max} characters of {@code s}; when longer, the first {@code max} followed by
     * {@code "… (N bytes)"}, N being the UTF-8 size of the whole. Never splits a surrogate pair.
     */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : cut(s, max, utf8Length(s));
    }

    /** As {@link #cut(String, int)}, saying {@code bytes} as the size of the whole (of which {@code s} may be a part). */
    public static String cut(String s, int max, long bytes) {
        int end = Math.max(0, Math.min(max, s.length()));
        if (end > 0 && end < s.length() && Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "… (" + bytes + " bytes)";
    }

    /** {@link #line} of {@link #cut}: one line, at most about {@code max} characters of the original. */
    public static String shortLine(String s, int max) {
        return line(cut(s, max));
    }

    /** The UTF-8 size of {@code s}, without encoding it. */
    public static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    private static String escape(String s, boolean keepLines) {
        if (isCleanLine(s, keepLines)) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t') {
                sb.append(c);
            } else if (c == '\n') {
                sb.append(keepLines ? "\n" : "\\n");
            } else if (c == '\r') {
                if (keepLines && i + 1 < s.length() && s.charAt(i + 1) == '\n') continue;
                sb.append("\\r");
            } else if (c == 0x1B) {
                sb.append("\\e");
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02X", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else if (needsEscape(s, i)) {
                sb.append(String.format("\\u{%04X}", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isCleanLine(String s, boolean keepLines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || (keepLines && c == '\n')) continue;
            if (needsEscape(s, i)) return false;
        }
        return true;
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || c == 0x7F) return true;
        if (c >= 0x80 && c <= 0x9F) return true;
        if (c == '\u2028' || c == '\u2029') return true;
        if (c >= '\u202A' && c <= '\u202E') return true; // bidirectional embeddings and overrides
        if (c >= '\u2066' && c <= '\u2069') return true; // bidirectional isolates
        if (Character.isHighSurrogate(c)) return !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)));
        if (Character.isLowSurrogate(c)) return !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
        return false;
    }
}
