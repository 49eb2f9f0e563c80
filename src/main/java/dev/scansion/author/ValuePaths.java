package dev.scansion.author;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.match.Paths;

/**
 * Where a value stands in a stanza, in the form the matcher's differences name it
 * ({@code /presence/x{muc#user}/item[2]/@role}, {@code .../body/text()}), so that a replay's
 * difference finds the value the generaliser wrote. The segments are the matcher's own
 * ({@link Paths}); {@code GeneraliserTest} checks the two agree on a real mismatch.
 */
final class ValuePaths {
    static final String XML_NS = Paths.XML_NS;

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
        return Paths.rootSegment(root.namespace(), root.localName());
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
        return parentPath + "/" + Paths.segment(child.namespace(), child.localName(), parent.namespace(), same > 1 ? index : 0);
    }

    static String attribute(StanzaTree.Attribute a) {
        return Paths.attribute(a.namespace(), a.localName());
    }
}
