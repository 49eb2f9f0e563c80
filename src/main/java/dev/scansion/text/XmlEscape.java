package dev.scansion.text;

/**
 * Escapes text for XML 1.0, for reports and for values put into stanzas. Characters XML 1.0
 * cannot carry at all (most control characters, lone surrogates, U+FFFE/U+FFFF) are left out: a
 * document that does not parse is worse than one missing a character nobody should have sent.
 */
public final class XmlEscape {
    private XmlEscape() {
    }

    /** Character data: {@code & < >} escaped, CR kept as a reference so that it survives parsing. */
    public static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        append(sb, s, false);
        return sb.toString();
    }

    /** An attribute value in double quotes: also quotes, and whitespace that parsers would normalise. */
    public static String attribute(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        append(sb, s, true);
        return sb.toString();
    }

    /** Appends {@code s} escaped as character data or as a double-quoted attribute value. */
    public static void append(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if (!allowed(c)) continue;
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> sb.append("&#13;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> sb.append(c);
            }
        }
    }

    /** The XML 1.0 Char production for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c < 0x20) return false;
        if (Character.isSurrogate(c)) return false;
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
