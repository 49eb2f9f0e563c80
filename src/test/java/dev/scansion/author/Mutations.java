package dev.scansion.author;

import java.util.HashSet;
import java.util.Set;

import dev.scansion.text.XmlEscape;

/**
 * Changes, in a recorded stanza, every value a generated script does not state literally (a marker,
 * a capture, an attribute or text left out): what a second run of the server may mint differently.
 */
final class Mutations {
    private Mutations() {
    }

    static String changeUnstated(String raw, int event, Generaliser.Generalised g) {
        Set<String> stated = new HashSet<>();
        g.origins().values().stream().filter(r -> r.event() == event).forEach(r -> stated.add(r.path()));
        try {
            StanzaTree.Element root = StanzaTree.parse(raw).root();
            StringBuilder sb = new StringBuilder();
            write(root, ValuePaths.rootSegment(root), "jabber:client", stated, sb);
            return sb.toString();
        } catch (StanzaTree.MalformedException e) {
            return raw;
        }
    }

    private static void write(StanzaTree.Element e, String path, String parentNs, Set<String> stated, StringBuilder sb) {
        sb.append('<').append(e.localName());
        if (!e.namespace().equals(parentNs)) sb.append(" xmlns=\"").append(XmlEscape.attribute(e.namespace())).append('"');
        int k = 0;
        for (StanzaTree.Attribute a : e.attributes()) {
            String name = a.namespace().isEmpty() ? a.localName()
                    : a.namespace().equals(ValuePaths.XML_NS) ? "xml:" + a.localName() : "m" + (++k) + ":" + a.localName();
            if (name.startsWith("m")) sb.append(" xmlns:m").append(k).append("=\"").append(XmlEscape.attribute(a.namespace())).append('"');
            String p = path + "/" + ValuePaths.attribute(a);
            String v = stated.contains(p) ? a.value() : a.value() + "-changed";
            sb.append(' ').append(name).append("=\"").append(XmlEscape.attribute(v)).append('"');
        }
        sb.append('>');
        boolean changeText = !e.text().isBlank() && !stated.contains(path + "/text()");
        boolean changed = false;
        for (StanzaTree.Node n : e.children()) {
            if (n instanceof StanzaTree.Element c) {
                write(c, ValuePaths.child(e, c, path), e.namespace(), stated, sb);
            } else if (n instanceof StanzaTree.Text t) {
                String text = changeText && !changed && !t.text().isBlank() ? "changed " + t.text() : t.text();
                changed |= changeText && !t.text().isBlank();
                sb.append(XmlEscape.text(text));
            }
        }
        sb.append("</").append(e.localName()).append('>');
    }
}
