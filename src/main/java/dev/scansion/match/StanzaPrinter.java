package dev.scansion.match;

import java.util.Map;

/**
 * Renders received elements for reports: indented by two spaces, attributes and prefixes as
 * received, single-quoted values, whitespace-only text dropped, other text trimmed. The output
 * is a function of the stanza alone, so reports are stable.
 */
final class StanzaPrinter {
    private StanzaPrinter() {
    }

    static String pretty(ReceivedElement root) {
        StringBuilder sb = new StringBuilder(256);
        element(sb, root, 0);
        sb.setLength(sb.length() - 1); // no trailing newline
        return sb.toString();
    }

    /** The start tag alone, e.g. {@code <item affiliation='owner' role='moderator'>}. */
    static String startTag(ReceivedElement e) {
        StringBuilder sb = new StringBuilder(64);
        openTag(sb, e);
        return sb.append('>').toString();
    }

    private static void element(StringBuilder sb, ReceivedElement e, int depth) {
        indent(sb, depth);
        openTag(sb, e);
        if (e.content().isEmpty()) {
            sb.append("/>\n");
            return;
        }
        if (e.elements().isEmpty()) {
            sb.append('>');
            text(sb, e.text());
        } else {
            sb.append(">\n");
            for (Object child : e.content()) {
                if (child instanceof ReceivedElement c) {
                    element(sb, c, depth + 1);
                } else {
                    indent(sb, depth + 1);
                    text(sb, Texts.strip((String) child));
                    sb.append('\n');
                }
            }
            indent(sb, depth);
        }
        sb.append("</").append(e.qualifiedName()).append(">\n");
    }

    private static void openTag(StringBuilder sb, ReceivedElement e) {
        sb.append('<').append(e.qualifiedName());
        for (Map.Entry<String, String> d : e.namespaceDeclarations().entrySet()) {
            sb.append(d.getKey().isEmpty() ? " xmlns" : " xmlns:" + d.getKey());
            attributeValue(sb, d.getValue());
        }
        for (ReceivedAttribute a : e.attributes()) {
            sb.append(' ').append(a.qualifiedName());
            attributeValue(sb, a.value());
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("  ".repeat(depth));
    }

    static void attributeValue(StringBuilder sb, String v) {
        sb.append("='");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '\'' -> sb.append("&apos;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(c);
            }
        }
        sb.append('\'');
    }

    private static void text(StringBuilder sb, String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
    }
}
