package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import org.w3c.dom.Element;
import org.xmlunit.diff.DOMDifferenceEngine;

/**
 * Says why a stanza does not match, using XMLUnit's {@link DOMDifferenceEngine} configured with
 * scansion's node matcher ({@link PairingNodeMatcher}) and evaluator ({@link ScansionEvaluator}).
 * Only runs after {@link TreeMatcher} rejected the stanza: a passing comparison never pays for
 * DOM building and XMLUnit's per-comparison XPath bookkeeping. The two are kept in agreement by
 * the differential test (a matching pair explains to no difference, a failing one to some).
 */
final class Explanation {
    /** Only consulted by XMLUnit for sources that are not DOM already, which ours always are. */
    private static final DocumentBuilderFactory UNUSED_FACTORY = DocumentBuilderFactory.newInstance();
    /** Distance of a stanza of another name or namespace: farther than any in-element difference list. */
    static final double OTHER_ELEMENT = 1_000_000;

    private Explanation() {
    }

    static MatchResult.Mismatch mismatch(ExpectedElement exp, ReceivedElement rec, String file, Bindings bindings,
                                         boolean strictCaptures) {
        List<ScansionEvaluator.Weighted> found;
        try {
            found = differences(exp, rec, file, bindings, strictCaptures);
        } catch (RuntimeException e) {
            // The verdict stands; a failure to explain it must not escape as an exception.
            found = List.of(unexplained(exp, rec, file, "does not match (explaining it failed: " + e + ")"));
        }
        if (found.isEmpty()) {
            // Defensive: the verdict said no, so the report must say something rather than nothing.
            found = List.of(unexplained(exp, rec, file, "does not match (no single difference located)"));
        }
        List<Difference> list = new ArrayList<>(found.size());
        double distance = 0;
        for (ScansionEvaluator.Weighted w : found) {
            list.add(w.difference());
            distance += w.weight();
        }
        return new MatchResult.Mismatch(list, distance);
    }

    /** Says, first, that the strict-captures search gave up: this "no" is not a proof. */
    static MatchResult.Mismatch withSearchNote(MatchResult.Mismatch m, ExpectedElement exp, ReceivedElement rec,
                                               String file) {
        List<Difference> list = new ArrayList<>();
        list.add(unexplained(exp, rec, file, "gave up after " + TreeMatcher.SEARCH_BUDGET
                + " tries to pair children so that strict captures agree; the stanza may match").difference());
        list.addAll(m.differences());
        return new MatchResult.Mismatch(list, m.distance());
    }

    private static ScansionEvaluator.Weighted unexplained(ExpectedElement exp, ReceivedElement rec, String file,
                                                          String reason) {
        return new ScansionEvaluator.Weighted(new Difference(new Correspondence(file).span(exp.source().pos()),
                Paths.rootSegment(rec.namespace(), rec.localName()), reason, "", ""), 1);
    }

    /** The differences between the trees, in script order; empty when they match. */
    static List<ScansionEvaluator.Weighted> differences(ExpectedElement exp, ReceivedElement rec, String file,
                                                        Bindings bindings, boolean strictCaptures) {
        Correspondence corr = new Correspondence(file);
        if (!exp.sameIdentity(rec)) {
            return List.of(new ScansionEvaluator.Weighted(new Difference(corr.span(exp.source().pos()),
                    Paths.rootSegment(rec.namespace(), rec.localName()), "element name or namespace differs",
                    Paths.identity(exp.namespace(), exp.localName()), Paths.identity(rec.namespace(), rec.localName())),
                    OTHER_ELEMENT));
        }
        Element control = corr.expectedDom(exp);
        Element test = corr.receivedDom(rec);
        corr.pair(control, test);
        ScansionEvaluator evaluator = new ScansionEvaluator(corr, bindings, strictCaptures);
        DOMDifferenceEngine engine = new DOMDifferenceEngine(UNUSED_FACTORY);
        engine.setNodeMatcher(new PairingNodeMatcher(corr, new ChildPairing(
                new TreeMatcher(bindings, false, exp.size(), rec.size()), exp.size(), rec.size()), strictCaptures));
        engine.setDifferenceEvaluator(evaluator);
        engine.addDifferenceListener(evaluator);
        engine.compare(new DOMSource(control), new DOMSource(test));
        List<ScansionEvaluator.Weighted> found = new ArrayList<>(evaluator.differences);
        // Script order reads best next to the script; XMLUnit visits attributes in DOM (sorted) order.
        found.sort(Comparator.comparing(w -> w.difference().expectedAt().pos()));
        return found;
    }
}
