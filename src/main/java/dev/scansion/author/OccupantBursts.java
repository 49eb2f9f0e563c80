package dev.scansion.author;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The presences of a MUC room's other occupants that a joining client receives before its own
 * (XEP-0045 §7.2.3). The server sends them in an order of its own (Prosody walks a hash table), so
 * two runs give them in different orders, and a script that expects each in turn fails on the
 * replay. When there are two or more, they are left out of the script, with a comment: the runner
 * sets them aside while it waits for the client's own presence, which stays expected.
 */
final class OccupantBursts {
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private OccupantBursts() {
    }

    /** Event index of each left-out presence to the comment standing in its place ("" after the first). */
    static Map<Integer, String> find(Conversation conversation, List<StanzaTree> trees, Actors actors) {
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
