package dev.scansion.text;

/**
 * How many terminal cells a code point takes, so that carets line up under the characters they
 * mark: East Asian wide characters and emoji take two, combining marks, variation selectors and
 * other format characters none. An approximation of wcwidth, enough for script text and
 * status lines.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    public static int of(int cp) {
        if (zero(cp)) return 0;
        return wide(cp) ? 2 : 1;
    }

    /** The cells {@code s} takes (control characters counted as one; print {@link Printable} text). */
    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    /**
     * The longest start of {@code s} that takes at most {@code cells} terminal cells, with
     * {@code …} as its last cell when something was cut off.
     */
    public static String cut(String s, int cells) {
        if (of(s) <= cells) return s;
        if (cells <= 0) return "";
        StringBuilder sb = new StringBuilder();
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = of(cp);
            if (width + w > cells - 1) break;
            sb.appendCodePoint(cp);
            width += w;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    private static boolean zero(int cp) {
        if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x200B) return true;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F680 && cp <= 0x1F6FF)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x1FA70 && cp <= 0x1FAFF)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
