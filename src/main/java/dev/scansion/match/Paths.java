package dev.scansion.match;

import dev.scansion.script.ast.XmlElement;

/**
 * Path segments for mismatch reports: {@code /presence/x{muc#user}/item[2]/@role}. An element
 * whose namespace differs from its parent's (the root's "parent" being {@code jabber:client})
 * carries a short namespace hint in braces. Public: the generaliser names the values it writes
 * the same way, so that a replay's difference finds them ({@code author.ValuePaths}).
 */
public final class Paths {
    public static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private Paths() {
    }

    /**
     * A short, readable name for a namespace: the last path segment of a URL
     * ({@code http://jabber.org/protocol/muc#user} gives {@code muc#user}), the last part of
     * a URN ({@code jabber:x:data} gives {@code data}), keeping a trailing version with its
     * name ({@code urn:xmpp:mam:2} gives {@code mam:2}).
     */
    public static String hint(String ns) {
        if (ns.isEmpty()) return "no namespace";
        String s = ns.endsWith("/") ? ns.substring(0, ns.length() - 1) : ns;
        int slash = s.lastIndexOf('/');
        if (slash >= 0 && slash < s.length() - 1) return s.substring(slash + 1);
        int colon = s.lastIndexOf(':');
        if (colon < 0 || colon == s.length() - 1) return s;
        String last = s.substring(colon + 1);
        if (last.chars().allMatch(Character::isDigit)) {
            int before = s.lastIndexOf(':', colon - 1);
            if (before >= 0 && before < colon - 1) return s.substring(before + 1);
        }
        return last;
    }

    /** {@code name}, {@code name{hint}} or {@code name{hint}[index]}; index 0 means "only one". */
    public static String segment(String ns, String local, String parentNs, int index) {
        String s = ns.equals(parentNs) ? local : local + "{" + hint(ns) + "}";
        return index > 0 ? s + "[" + index + "]" : s;
    }

    public static String rootSegment(String ns, String local) {
        return "/" + segment(ns, local, XmlElement.JABBER_CLIENT, 0);
    }

    /** {@code @role}, {@code @xml:lang}, or {@code @{hint}name} for other namespaced attributes. */
    public static String attribute(String ns, String local) {
        if (ns.isEmpty()) return "@" + local;
        if (ns.equals(XML_NS)) return "@xml:" + local;
        return "@{" + hint(ns) + "}" + local;
    }

    /** How an element's identity is shown when names or namespaces differ. */
    static String identity(String ns, String local) {
        return ns.equals(XmlElement.JABBER_CLIENT) ? "<" + local + ">" : "<" + local + " xmlns='" + ns + "'>";
    }
}
