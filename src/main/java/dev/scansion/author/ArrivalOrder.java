package dev.scansion.author;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stanzas a server sends to one client in an order of its own, which another run may change: a
 * script that expects each in turn then fails on the replay, since skip mode consumes what it sets
 * aside (language doc §4). Two kinds are known, and left out of the script with a comment, so that
 * the runner sets them aside while it waits for the stanza that stays expected:
 * <ul>
 * <li>the presences of a MUC room's other occupants that a joining client receives before its own
 *     (XEP-0045 §7.2.3), when there are two or more: Prosody walks a hash table;</li>
 * <li>a copy of a stanza the client received just before, differing only in {@code to} or
 *     {@code id} (Prosody's PEP notifies a contact's bare and full JIDs, in either order): the
 *     first stays expected, the copy is left out.</li>
 * </ul>
 */
final class ArrivalOrder {
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private ArrivalOrder() {
    }

    /** Event index of each left-out stanza to the comment standing in its place ("" for none). */
    static Map<Integer, String> find(Conversation conversation, List<StanzaTree> trees, Actors actors) {
        Map<Integer, String> out = occupants(conversation, trees, actors);
        copies(conversation, trees, actors).forEach(out::putIfAbsent);
        return out;
    }

    /**
     * Copies: among the stanzas a client receives with no send by anyone between them, one equal to
     * an earlier one but for the stanza's own {@code to} and {@code id}.
     */
    private static Map<Integer, String> copies(Conversation conversation, List<StanzaTree> trees, Actors actors) {
        Map<Integer, String> out = new HashMap<>();
        Map<Integer, List<String>> burst = new HashMap<>();
        for (int i = 0; i < trees.size(); i++) {
            Conversation.Event e = conversation.events().get(i);
            if (e instanceof Conversation.Sent) {
                burst.clear();
                continue;
            }
            if (!(e instanceof Conversation.Received) || trees.get(i) == null) continue;
            List<String> seen = burst.computeIfAbsent(e.connection(), c -> new ArrayList<>());
            String key = unaddressed(trees.get(i).root());
            if (seen.contains(key)) {
                out.put(i, "# " + actors.of(e.connection()) + " receives a copy of a stanza it received above, addressed "
                        + "otherwise (the server sends the two in an order of its own): not expected");
            } else {
                seen.add(key);
            }
        }
        return out;
    }

    /** The stanza without its own {@code to} and {@code id}, as comparable text. */
    private static String unaddressed(StanzaTree.Element root) {
        StringBuilder sb = new StringBuilder();
        write(root, sb, true);
        return sb.toString();
    }

    private static void write(StanzaTree.Element e, StringBuilder sb, boolean root) {
        sb.append('<').append(e.clark());
        for (StanzaTree.Attribute a : e.attributes()) {
            if (root && a.namespace().isEmpty() && (a.localName().equals("to") || a.localName().equals("id"))) continue;
            sb.append(' ').append(a.namespace()).append('|').append(a.localName()).append('=').append(a.value());
        }
        sb.append('>');
        for (StanzaTree.Node n : e.children()) {
            if (n instanceof StanzaTree.Element c) write(c, sb, false);
            else if (n instanceof StanzaTree.Text t) sb.append(t.text().strip());
        }
        sb.append("</>");
    }

    /** The occupants' presences at a join, when two or more (see the class comment). */
    private static Map<Integer, String> occupants(Conversation conversation, List<StanzaTree> trees, Actors actors) {
        Map<Integer, String> out = new HashMap<>();
        Map<Integer, Join> joining = new HashMap<>();
        for (int i = 0; i < trees.size(); i++) {
            StanzaTree tree = trees.get(i);
            Conversation.Event e = conversation.events().get(i);
            if (tree == null || !tree.root().localName().equals("presence")) continue;
            if (e instanceof Conversation.Sent && hasChild(tree.root(), MUC, "x")) {
                room(attribute(tree.root(), "to")).ifPresent(r -> joining.put(e.connection(), new Join(r, new ArrayList<>())));
                continue;
            }
            Join join = joining.get(e.connection());
            if (!(e instanceof Conversation.Received) || join == null) continue;
            String from = attribute(tree.root(), "from");
            if (!room(from).equals(Optional.of(join.room()))) continue;
            if (selfPresence(tree.root())) {
                if (join.others().size() >= 2) {
                    out.put(join.others().get(0), "# " + actors.of(e.connection()) + " receives the presences of "
                            + join.others().size() + " other occupants of " + join.room()
                            + " here, in an order of the server's own: not expected");
                    join.others().subList(1, join.others().size()).forEach(k -> out.put(k, ""));
                }
                joining.remove(e.connection());
            } else {
                join.others().add(i);
            }
        }
        return out;
    }

    private record Join(String room, List<Integer> others) {
    }

    /** The bare JID of {@code room@service/nick}. */
    private static Optional<String> room(String jid) {
        int slash = jid.indexOf('/');
        return slash > 0 && jid.indexOf('@') > 0 && jid.indexOf('@') < slash ? Optional.of(jid.substring(0, slash))
                : Optional.empty();
    }

    /** A presence carrying status 110: the occupant's own. */
    private static boolean selfPresence(StanzaTree.Element presence) {
        for (StanzaTree.Element x : presence.elements()) {
            if (!x.namespace().equals(MUC_USER) || !x.localName().equals("x")) continue;
            for (StanzaTree.Element s : x.elements()) {
                if (s.localName().equals("status") && "110".equals(attribute(s, "code"))) return true;
            }
        }
        return false;
    }

    private static boolean hasChild(StanzaTree.Element e, String namespace, String localName) {
        return e.elements().stream().anyMatch(c -> c.namespace().equals(namespace) && c.localName().equals(localName));
    }

    private static String attribute(StanzaTree.Element e, String localName) {
        return e.attributes().stream().filter(a -> a.namespace().isEmpty() && a.localName().equals(localName))
                .map(StanzaTree.Attribute::value).findFirst().orElse("");
    }
}
