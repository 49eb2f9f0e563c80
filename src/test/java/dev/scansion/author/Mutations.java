package dev.scansion.author;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.text.XmlEscape;

/**
 * What a second run of the server may change: every value a generated script does not state
 * literally in a received stanza (a marker, a capture, an attribute or text left out) is renamed,
 * consistently wherever it occurs in the conversation, received or sent, as a server minting a new
 * value and clients passing it on would.
 */
final class Mutations {
    private static final Pattern NOTE = Pattern.compile("(?m)^# note: '([^']*)' below is text the server minted");

    private Mutations() {
    }

    /** The rewrite of recorded XML that renames every unstated received value of {@code c}. */
    static UnaryOperator<String> renamingUnstated(Conversation c, Generaliser.Generalised g) {
        Set<String> unstated = new HashSet<>();
        Set<Integer> written = new HashSet<>(GeneraliserGoldenTest.eventsWithSteps(c));
        for (int i = 0; i < c.events().size(); i++) {
            // a stanza left out of the script states nothing, and renames nothing
            if (!(c.events().get(i) instanceof Conversation.Received r) || !written.contains(i)) continue;
            int event = i;
            Set<String> stated = new HashSet<>();
            g.origins().values().stream().filter(ref -> ref.event() == event).forEach(ref -> stated.add(ref.path()));
            try {
                ValuePaths.walk(StanzaTree.parse(r.xml()).root(), (path, where, attribute, value) -> {
                    if (!stated.contains(where)) unstated.add(value.strip());
                });
            } catch (StanzaTree.MalformedException e) {
                // left out of the script: nothing to rename
            }
        }
        unstated.remove("");
        // the one documented exception: minted text a client sends back is sent as recorded (see the note)
        Matcher note = NOTE.matcher(g.text());
        while (note.find()) unstated.remove(note.group(1));
        return raw -> rename(raw, unstated);
    }

    private static String rename(String raw, Set<String> values) {
        try {
            StanzaTree.Element root = StanzaTree.parse(raw).root();
            StringBuilder sb = new StringBuilder();
            write(root, "jabber:client", values, sb);
            return sb.toString();
        } catch (StanzaTree.MalformedException e) {
            return raw;
        }
    }

    private static String renamed(String value, Set<String> values) {
        return values.contains(value.strip()) ? value.strip() + "-changed" : value;
    }

    private static void write(StanzaTree.Element e, String parentNs, Set<String> values, StringBuilder sb) {
        sb.append('<').append(e.localName());
        if (!e.namespace().equals(parentNs)) sb.append(" xmlns=\"").append(XmlEscape.attribute(e.namespace())).append('"');
        int k = 0;
        for (StanzaTree.Attribute a : e.attributes()) {
            String name = a.localName();
            if (a.namespace().equals(ValuePaths.XML_NS)) {
                name = "xml:" + name;
            } else if (!a.namespace().isEmpty()) {
                k++;
                sb.append(" xmlns:m").append(k).append("=\"").append(XmlEscape.attribute(a.namespace())).append('"');
                name = "m" + k + ":" + name;
            }
            sb.append(' ').append(name).append("=\"").append(XmlEscape.attribute(renamed(a.value(), values))).append('"');
        }
        sb.append('>');
        boolean whole = !e.hasElements() && values.contains(e.text().strip());
        for (StanzaTree.Node n : e.children()) {
            if (n instanceof StanzaTree.Element c) write(c, e.namespace(), values, sb);
            else if (n instanceof StanzaTree.Text t) sb.append(XmlEscape.text(whole ? renamed(t.text(), values) : t.text()));
        }
        sb.append("</").append(e.localName()).append('>');
    }
}
