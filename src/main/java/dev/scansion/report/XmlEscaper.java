package dev.scansion.report;

/**
 * Escapes text for XML 1.0 reports. Characters XML 1.0 cannot carry at all (most control
 * characters, lone surrogates, U+FFFE/U+FFFF) are removed: a report that does not parse is worse
 * than one missing a character a server should not have sent anyway.
 */
final class XmlEscaper {
    private XmlEscaper() {
    }

    /** Character data: {@code & < >} escaped, CR kept as a reference so it survives parsing. */
    static String text(String s) {
        return escape(s, false);
    }

    /** An attribute value in double quotes: also quotes and whitespace that parsers would normalise. */
    static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
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
        return sb.toString();
    }

    /** XML 1.0 Char production for one UTF-16 unit that is not part of a surrogate pair. */
    private static boolean allowed(char c) {
        if (c == '\t' || c == '\n' || c == '\r') return true;
        if (c < 0x20) return false;
        if (Character.isSurrogate(c)) return false;
        return c != '\uFFFE' && c != '\uFFFF';
    }
}
