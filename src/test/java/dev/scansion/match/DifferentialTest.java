package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random expected/received pairs (seeded) judged by the matcher and by a deliberately naive
 * reference written from the language doc: brute force over every injective pairing of loose
 * children, no memo, no assignment algorithm, no XMLUnit. Both must agree on every verdict; on
 * top, XMLUnit's explanation must find no difference for a match and some for a mismatch.
 */
@Timeout(120)
class DifferentialTest {
    private static final String CLIENT = "jabber:client";
    private static final String[] NAMESPACES = {CLIENT, "urn:x", "urn:y"};
    private static final String[] NAMES = {"a", "b", "c"};
    private static final String[] ATTRS = {"p", "q", "r"};
    private static final String ANY = "{scansion:any}";

    /** A generated element; attribute values may be markers; text null when none. */
    static final class Node {
        String ns;
        String name;
        Map<String, String> attrs = new LinkedHashMap<>();
        String text;
        Boolean strict;
        List<Node> children = new ArrayList<>();

        Node copy() {
            Node n = new Node();
            n.ns = ns;
            n.name = name;
            n.attrs = new LinkedHashMap<>(attrs);
            n.text = text;
            n.strict = strict;
            for (Node c : children) n.children.add(c.copy());
            return n;
        }
    }

    @Test
    void matcherAgreesWithTheReferenceOnRandomPairs() throws Exception {
        Random rnd = new Random(20240611L);
        int matches = 0;
        int trials = 6000;
        for (int t = 0; t < trials; t++) {
            boolean strictCaptures = t % 3 == 0;
            Node expected = tree(rnd, 0, CLIENT, true);
            Node received = mutate(rnd, toReceived(rnd, expected));
            String expectedXml = render(expected, CLIENT, true, rnd);
            String receivedXml = render(received, CLIENT, false, rnd);
            TestBindings bindings = new TestBindings();
            if (rnd.nextInt(4) == 0) bindings.with("k", rnd.nextBoolean() ? "1" : "2");
            boolean reference = new Reference(strictCaptures, bindings.captures).matches(expected, received);

            var exp = ExpectedXml.parse(expectedXml);
            var rec = ReceivedStanza.parse(receivedXml);
            MatchResult result = new StanzaMatcher(new MatchOptions(strictCaptures)).match(exp, "t", bindings, rec);
            String context = "trial " + t + " strictCaptures=" + strictCaptures + " captures=" + bindings.captures
                    + "\nexpected: " + expectedXml + "\nreceived: " + receivedXml + "\ngot: " + result;
            assertEquals(reference, result.matched(), context);

            List<ScansionEvaluator.Weighted> explained = Explanation.differences(
                    ExpectedElement.compile(exp, bindings), rec.root(), "t", bindings, strictCaptures);
            if (reference) {
                matches++;
                assertEquals(List.of(), explained, "a match must explain to nothing\n" + context);
            } else {
                assertFalse(explained.isEmpty(), "a mismatch must explain to something\n" + context);
            }
        }
        // The generator must exercise both verdicts substantially.
        assertTrue(matches > trials / 5 && matches < trials * 4 / 5, "matches: " + matches + " of " + trials);
    }

    // ---- generation

    private static Node tree(Random rnd, int depth, String parentNs, boolean expected) {
        Node n = new Node();
        n.ns = depth == 0 ? CLIENT : rnd.nextInt(3) == 0 ? NAMESPACES[rnd.nextInt(3)] : parentNs;
        // Mostly one name below the root: same-named siblings are where pairing goes wrong.
        n.name = depth > 0 && rnd.nextBoolean() ? "a" : NAMES[rnd.nextInt(NAMES.length)];
        for (String a : ATTRS) {
            if (rnd.nextInt(3) != 0) continue;
            int kind = rnd.nextInt(8);
            n.attrs.put(a, expected && kind == 0 ? ANY : expected && kind == 1 ? "{scansion:capture:k}"
                    : String.valueOf(1 + rnd.nextInt(2)));
        }
        if (rnd.nextInt(4) == 0) n.text = "t" + rnd.nextInt(2);
        if (expected && rnd.nextInt(6) == 0) n.strict = rnd.nextBoolean();
        int kids = depth >= 3 ? 0 : rnd.nextInt(depth == 0 ? 4 : 3);
        for (int i = 0; i < kids; i++) n.children.add(tree(rnd, depth + 1, n.ns, expected));
        if (expected && kids > 0 && rnd.nextInt(3) == 0) {
            // The first-fit trap: a generic sibling, then a more specific copy of it.
            Node specific = n.children.get(0).copy();
            if (rnd.nextBoolean()) {
                specific.attrs.put("s", "1");
            } else {
                specific.children.add(tree(rnd, 3, specific.ns, false));
            }
            n.children.add(1, specific);
        }
        return n;
    }

    /** A received tree that satisfies the expectation's literal parts (markers get values). */
    private static Node toReceived(Random rnd, Node e) {
        Node r = e.copy();
        r.strict = null;
        r.attrs.replaceAll((k, v) -> v.startsWith("{") ? String.valueOf(1 + rnd.nextInt(2)) : v);
        r.children.clear();
        for (Node c : e.children) r.children.add(toReceived(rnd, c));
        if (rnd.nextInt(3) == 0) Collections.reverse(r.children);
        return r;
    }

    private static Node mutate(Random rnd, Node r) {
        List<Node> all = new ArrayList<>();
        collect(r, all);
        int edits = rnd.nextInt(3);
        for (int i = 0; i < edits; i++) {
            Node n = all.get(rnd.nextInt(all.size()));
            switch (rnd.nextInt(10)) {
                case 0 -> Collections.shuffle(n.children, rnd);
                case 1 -> n.children.add(rnd.nextInt(n.children.size() + 1), tree(rnd, 2, n.ns, false));
                case 2 -> n.attrs.put(ATTRS[rnd.nextInt(3)], String.valueOf(1 + rnd.nextInt(2)));
                case 3 -> {
                    if (!n.children.isEmpty()) n.children.remove(rnd.nextInt(n.children.size()));
                }
                case 4 -> {
                    if (!n.attrs.isEmpty()) n.attrs.remove(n.attrs.keySet().iterator().next());
                }
                case 5 -> n.text = rnd.nextBoolean() ? null : "t" + rnd.nextInt(2);
                case 6 -> n.text = n.text == null ? " \n\t" : "  " + n.text + "\n";
                case 7 -> n.name = NAMES[rnd.nextInt(NAMES.length)];
                case 8 -> n.ns = NAMESPACES[rnd.nextInt(3)];
                default -> n.attrs.put("xml:lang", "en");
            }
        }
        return r;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        for (Node c : n.children) collect(c, out);
    }

    /** Expected side: default namespaces; received side: sometimes prefixes, redundant declarations. */
    private static String render(Node n, String parentNs, boolean expected, Random rnd) {
        StringBuilder sb = new StringBuilder("<");
        boolean prefixed = !expected && !n.ns.equals(parentNs) && rnd.nextBoolean();
        String name = prefixed ? "p:" + n.name : n.name;
        sb.append(name);
        if (prefixed) {
            sb.append(" xmlns:p='").append(n.ns).append("'");
        } else if (!n.ns.equals(parentNs) || rnd.nextInt(10) == 0) {
            sb.append(" xmlns='").append(n.ns).append("'");
        }
        String inner = prefixed ? parentNs : n.ns; // a prefixed element leaves the default namespace alone
        if (n.strict != null) sb.append(" scansion:strict='").append(n.strict).append("'");
        n.attrs.forEach((k, v) -> sb.append(' ').append(k).append("='").append(v).append("'"));
        sb.append('>');
        if (n.text != null) sb.append(n.text);
        for (Node c : n.children) {
            sb.append(expected ? "\n\t" : "");
            // The child's namespace is relative to the default namespace in scope, not the parent's.
            sb.append(render(c, inner, expected, rnd));
        }
        return sb.append("</").append(name).append('>').toString();
    }

    // ---- the reference

    /** Scansion's rules read literally (language doc §5–§6), by exhaustive search. */
    static final class Reference {
        private final boolean strictCaptures;
        private Map<String, String> captured;

        Reference(boolean strictCaptures, Map<String, String> bound) {
            this.strictCaptures = strictCaptures;
            this.captured = new HashMap<>(bound);
        }

        boolean matches(Node e, Node r) {
            if (!e.ns.equals(r.ns) || !e.name.equals(r.name)) return false;
            boolean strict = e.strict != null ? e.strict : !e.ns.equals(CLIENT);
            for (var a : e.attrs.entrySet()) {
                String got = r.attrs.get(a.getKey());
                if (got == null) return false;
                String want = a.getValue();
                if (want.startsWith("{scansion:capture:")) {
                    if (strictCaptures && captured.containsKey("k") && !captured.get("k").equals(got)) return false;
                    captured.put("k", got);
                } else if (!want.equals(ANY) && !want.equals(got)) {
                    return false;
                }
            }
            if (strict && !r.attrs.keySet().equals(e.attrs.keySet())) return false;
            if (e.text != null) {
                String got = r.text == null ? "" : r.text.strip();
                if (!got.equals(e.text)) return false;
            }
            if (strict) {
                if (e.children.size() != r.children.size()) return false;
                for (int i = 0; i < e.children.size(); i++) {
                    if (!matches(e.children.get(i), r.children.get(i))) return false;
                }
                return true;
            }
            return assign(e.children, r.children, 0, new boolean[r.children.size()]);
        }

        private boolean assign(List<Node> exp, List<Node> rec, int i, boolean[] used) {
            if (i == exp.size()) return true;
            for (int j = 0; j < rec.size(); j++) {
                if (used[j]) continue;
                Map<String, String> saved = new HashMap<>(captured);
                if (matches(exp.get(i), rec.get(j))) {
                    used[j] = true;
                    if (assign(exp, rec, i + 1, used)) return true;
                    used[j] = false;
                }
                captured = saved;
            }
            return false;
        }
    }
}
