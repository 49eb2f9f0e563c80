package dev.scansion.match;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Node;
import org.xmlunit.diff.NodeMatcher;

/**
 * XMLUnit's node matcher for scansion: instead of {@code DefaultNodeMatcher}'s greedy
 * first-fit per level, it asks {@link ChildPairing} (a maximum assignment over whole-subtree
 * verdicts, then similarity) which received child each expected child stands against. The
 * single text node of each side is paired with the other's. It also records the pairs and
 * the order breaks, which the evaluator needs. Pairs that match exactly are recorded as
 * settled and not handed to XMLUnit, which would otherwise walk every matching subtree only
 * to find nothing; XMLUnit then reports both sides as child lookups, which the evaluator
 * accepts (or reports as out of order).
 */
final class PairingNodeMatcher implements NodeMatcher {
    private final Correspondence corr;
    private final ChildPairing pairing;
    private final boolean strictCaptures;

    /** With strict captures, capturing subtrees are always walked: their captures must be seen in order. */
    PairingNodeMatcher(Correspondence corr, ChildPairing pairing, boolean strictCaptures) {
        this.corr = corr;
        this.pairing = pairing;
        this.strictCaptures = strictCaptures;
    }

    @Override
    public Iterable<Map.Entry<Node, Node>> match(Iterable<Node> controlNodes, Iterable<Node> testNodes) {
        Node controlText = null;
        Node testText = null;
        List<Node> controlElements = new ArrayList<>();
        List<Node> testElements = new ArrayList<>();
        for (Node n : controlNodes) {
            if (n.getNodeType() == Node.ELEMENT_NODE) controlElements.add(n);
            else if (n.getNodeType() == Node.TEXT_NODE) controlText = n;
        }
        for (Node n : testNodes) {
            if (n.getNodeType() == Node.ELEMENT_NODE) testElements.add(n);
            else if (n.getNodeType() == Node.TEXT_NODE) testText = n;
        }
        List<Map.Entry<Node, Node>> pairs = new ArrayList<>();
        if (controlText != null && testText != null) pairs.add(new AbstractMap.SimpleImmutableEntry<>(controlText, testText));
        if (controlElements.isEmpty() || testElements.isEmpty()) return pairs;

        List<ExpectedElement> exp = new ArrayList<>(controlElements.size());
        for (Node n : controlElements) exp.add(corr.expectedElements.get(n));
        List<ReceivedElement> rec = new ArrayList<>(testElements.size());
        for (Node n : testElements) rec.add(corr.receivedElements.get(n));
        ChildPairing.Result result = pairing.pair(exp, rec);
        int[] assign = result.assign();
        boolean[] outOfOrder = ChildPairing.outOfOrder(assign);
        for (int i = 0; i < assign.length; i++) {
            if (assign[i] < 0) continue;
            Node c = controlElements.get(i);
            Node t = testElements.get(assign[i]);
            corr.pair(c, t);
            if (outOfOrder[i]) corr.outOfOrder.add(c);
            if (result.exact()[i] && !(strictCaptures && exp.get(i).hasCapture())) {
                // Nothing to find inside: keep XMLUnit out of it (the evaluator knows the pair).
                corr.settled.add(c);
                corr.settled.add(t);
            } else {
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(c, t));
            }
        }
        return pairs;
    }
}
