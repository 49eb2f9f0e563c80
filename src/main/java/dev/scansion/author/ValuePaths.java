package dev.scansion.author;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.script.ast.XmlElement;

/**
 * Where a value stands in a stanza, in the form the matcher's differences name it
 * ({@code /presence/x{muc#user}/item[2]/@role}, {@code .../body/text()}), so that a replay's
 * difference finds the value the generaliser wrote. The form is the matcher's (its {@code Paths}
 * and {@code Correspondence.path}); {@code GeneraliserTest} checks the two agree on a real mismatch.
 */
final class ValuePaths {
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private ValuePaths() {
    }

    /** Something found while walking a stanza's values. */
    interface Visitor {
        /**
         * @param elementPath Clark names from the stanza down to the element
         * @param path        the value's path ({@code .../@name} or {@code .../text()})
         * @param attribute   the attribute, or null for the element's text
         * @param value       the attribute's value, or the element's direct text joined
         */
        void value(List<String> elementPath, String path, StanzaTree.Attribute attribute, String value);
    }

    /** Every attribute and every non-blank text of the tree, in document order. */
    static void walk(StanzaTree.Element root, Visitor visitor) {
        walk(root, rootSegment(root), new ArrayList<>(), visitor);
    }

    private static void walk(StanzaTree.Element e, String path, List<String> clarks, Visitor visitor) {
        clarks.add(e.clark());
        List<String> here = List.copyOf(clarks);
        for (StanzaTree.Attribute a : e.attributes()) visitor.value(here, path + "/" + attribute(a), a, a.value());
        String text = e.text();
        if (!text.isBlank()) visitor.value(here, path + "/text()", null, text);
        for (StanzaTree.Element c : e.elements()) walk(c, child(e, c, path), clarks, visitor);
        clarks.remove(clarks.size() - 1);
    }

    static String rootSegment(StanzaTree.Element root) {
        return "/" + segment(root.namespace(), root.localName(), XmlElement.JABBER_CLIENT, 0);
    }

    /** The path of {@code child} of {@code parent} (whose path is {@code parentPath}). */
    static String child(StanzaTree.Element parent, StanzaTree.Element child, String parentPath) {
        int same = 0;
        int index = 0;
        for (StanzaTree.Element c : parent.elements()) {
            if (!c.localName().equals(child.localName()) || !c.namespace().equals(child.namespace())) continue;
            same++;
            if (c == child) index = same;
        }
        return parentPath + "/" + segment(child.namespace(), child.localName(), parent.namespace(), same > 1 ? index : 0);
    }

    static String attribute(StanzaTree.Attribute a) {
        if (a.namespace().isEmpty()) return "@" + a.localName();
        if (a.namespace().equals(XML_NS)) return "@xml:" + a.localName();
        return "@{" + hint(a.namespace()) + "}" + a.localName();
    }

    private static String segment(String ns, String local, String parentNs, int index) {
        String s = ns.equals(parentNs) ? local : local + "{" + hint(ns) + "}";
        return index > 0 ? s + "[" + index + "]" : s;
    }

    /** A short name for a namespace, as the matcher shows it: {@code muc#user}, {@code data}, {@code mam:2}. */
    static String hint(String ns) {
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
}
