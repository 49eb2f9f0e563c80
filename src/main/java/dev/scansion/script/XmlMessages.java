package dev.scansion.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the JDK XML parser's messages into short ones a script author can act on. */
final class XmlMessages {
    private static final Pattern NS_ERROR = Pattern.compile("REC-xml-names-\\d+#(\\w+)\\?(\\S*)");
    /** Wordy JDK messages and their short forms ({@code $1}, {@code $2}: the names they quote). */
    private static final String[][] SHORTER = {
            {"(?i)attribute name \"([^\"]*)\" associated with an element type \"([^\"]*)\" must be followed by the ' = ' character",
                    "attribute '$1' of <$2> has no value"},
            {"(?i)open quote is expected for attribute \"([^\"]*)\" associated with an element type \"([^\"]*)\"",
                    "the value of attribute '$1' of <$2> is not quoted"},
            {"(?i)element type \"([^\"]*)\" must be followed by either attribute specifications, \">\" or \"/>\"",
                    "expected an attribute, '>' or '/>' in the start tag <$1>"},
            {"(?i)JAXP00010002: Element \"([^\"]*)\" has more than \"([^\"]*)\" attributes.*",
                    "element <$1> has more than $2 attributes (the XML parser's limit)"},
            {"(?i)the content of elements must consist of well-formed character data or markup",
                    "not a well-formed tag"},
    };

    private XmlMessages() {
    }

    static String translate(String raw) {
        String m = raw == null ? "" : raw;
        int at = m.indexOf("Message: ");
        if (at >= 0) m = m.substring(at + "Message: ".length());
        m = m.replace('\n', ' ').replaceAll("\\s+", " ").strip();
        Matcher ns = NS_ERROR.matcher(m);
        if (ns.find()) return namespaces(ns.group(1), ns.group(2).split("&"));
        if (m.endsWith(".")) m = m.substring(0, m.length() - 1);
        for (String[] rule : SHORTER) {
            if (m.matches(rule[0])) return m.replaceAll(rule[0], rule[1]);
        }
        if (m.isEmpty()) return "not well-formed";
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String namespaces(String kind, String[] args) {
        String a0 = args.length > 0 ? args[0] : "";
        String a1 = args.length > 1 ? args[1] : "";
        return switch (kind) {
            case "AttributeNotUnique" -> "duplicate attribute '" + a1 + "' on <" + a0 + ">";
            case "AttributeNSNotUnique" -> "duplicate attribute '" + a1 + "' on <" + a0 + "> (same namespace)";
            case "ElementPrefixUnbound" -> "undeclared namespace prefix '" + a0 + "' on <" + a1 + ">";
            case "AttributePrefixUnbound" -> "undeclared namespace prefix in attribute '" + a1 + "' of <" + a0 + ">";
            case "ElementXMLNSPrefix" -> "element <" + a0 + "> cannot use the xmlns prefix";
            default -> "namespace error (" + kind + ")";
        };
    }
}
