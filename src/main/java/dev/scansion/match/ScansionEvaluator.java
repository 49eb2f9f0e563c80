package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonListener;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.DifferenceEvaluator;

/**
 * Applies scansion's rules to each of XMLUnit's comparisons, with the element's mode looked up
 * directly (see {@link Correspondence}), and turns each real difference into a
 * {@link Difference} with its script position and stanza path. As a listener it then collects
 * those differences in XMLUnit's (document) order.
 */
final class ScansionEvaluator implements DifferenceEvaluator, ComparisonListener {
    private final Correspondence corr;
    private final Bindings bindings;
    private final boolean strictCaptures;
    private final Map<Comparison, Weighted> explained = new IdentityHashMap<>();
    private final Map<String, String> captured = new HashMap<>();
    final List<Weighted> differences = new ArrayList<>();

    record Weighted(Difference difference, double weight) {
    }

    ScansionEvaluator(Correspondence corr, Bindings bindings, boolean strictCaptures) {
        this.corr = corr;
        this.bindings = bindings;
        this.strictCaptures = strictCaptures;
    }

    @Override
    public ComparisonResult evaluate(Comparison c, ComparisonResult outcome) {
        Node control = c.getControlDetails().getTarget();
        Node test = c.getTestDetails().getTarget();
        Weighted w = switch (c.getType()) {
            case ATTR_VALUE -> attributeValue((Attr) control, (Attr) test);
            case ATTR_NAME_LOOKUP -> attributeLookup(control, test, (QName) c.getControlDetails().getValue(),
                    (QName) c.getTestDetails().getValue());
            case SCHEMA_LOCATION, NO_NAMESPACE_SCHEMA_LOCATION -> outcome == ComparisonResult.EQUAL ? null
                    : schemaAttribute(c);
            case TEXT_VALUE -> text(control, test);
            case CHILD_LOOKUP -> control != null ? (corr.settled.contains(control) ? settled(control) : missing(control))
                    : corr.settled.contains(test) ? null : unexpected(test);
            case CHILD_NODELIST_SEQUENCE -> order(control, test);
            case NODE_TYPE, NAMESPACE_URI, ELEMENT_TAG_NAME -> outcome == ComparisonResult.EQUAL ? null
                    : identity(control, test);
            default -> null; // prefixes, counts, explicitness: covered by the rules above or irrelevant
        };
        if (w == null) return ComparisonResult.EQUAL;
        explained.put(c, w);
        return ComparisonResult.DIFFERENT;
    }

    @Override
    public void comparisonPerformed(Comparison c, ComparisonResult outcome) {
        Weighted w = explained.remove(c);
        if (w != null) differences.add(w);
    }

    private Weighted attributeValue(Attr control, Attr test) {
        ExpectedAttribute a = corr.expectedAttributes.get(control);
        String got = test.getValue();
        String why = problem(a.check(), got, "attribute value differs");
        if (why == null) return null;
        String path = Correspondence.path(test.getOwnerElement()) + "/" + Paths.attribute(a.namespace(), a.localName());
        return diff(a.source().pos(), path, why, expectedShown(a.check()), got, 1);
    }

    /** Null when {@code got} satisfies the check; else the reason. Records captures as it goes. */
    private String problem(Check check, String got, String differs) {
        if (check instanceof Check.Equals eq) {
            if (eq.value().equals(got)) return null;
            return eq.template() == null ? differs : differs + " (expected is " + eq.template() + ")";
        }
        if (check instanceof Check.Unbound u) return "variable has no value: " + u.reason();
        if (check instanceof Check.CaptureAs cap) {
            String earlier = captured.containsKey(cap.name()) ? captured.get(cap.name())
                    : bindings.capture(cap.name()).orElse(null);
            captured.put(cap.name(), got);
            if (strictCaptures && earlier != null && !earlier.equals(got)) {
                return "capture '" + cap.name() + "' already has the value '" + earlier + "' (strict captures)";
            }
        }
        return null;
    }

    private static String expectedShown(Check check) {
        return check instanceof Check.Unbound u ? u.template() : check.shown();
    }

    private Weighted attributeLookup(Node control, Node test, QName expected, QName received) {
        if (expected != null && received == null && control instanceof Element && test instanceof Element) {
            ExpectedElement e = corr.expectedElements.get(control);
            ExpectedAttribute a = find(e, expected);
            SourcePos pos = a == null ? e.source().pos() : a.source().pos();
            String shown = a == null ? "" : expectedShown(a.check());
            return diff(pos, attrPath(test, expected), "missing attribute", shown, "(absent)", 2);
        }
        if (expected == null && received != null && control instanceof Element c && test instanceof Element t) {
            ExpectedElement e = corr.expectedElements.get(c);
            if (!e.strict()) return null;
            String value = t.getAttributeNS(received.getNamespaceURI().isEmpty() ? null : received.getNamespaceURI(),
                    received.getLocalPart());
            return diff(e.source().pos(), attrPath(test, received),
                    "unexpected attribute (strict element: no extra attributes)", "(absent)", value, 1);
        }
        return null;
    }

    private Weighted schemaAttribute(Comparison c) {
        Node control = c.getControlDetails().getTarget();
        ExpectedElement e = corr.expectedElements.get(control);
        Object want = c.getControlDetails().getValue();
        Object got = c.getTestDetails().getValue();
        if (want == null && !e.strict()) return null;
        String name = c.getType().name().startsWith("NO_") ? "noNamespaceSchemaLocation" : "schemaLocation";
        String path = Correspondence.path(c.getTestDetails().getTarget()) + "/@xsi:" + name;
        String why = want == null ? "unexpected attribute (strict element: no extra attributes)"
                : got == null ? "missing attribute" : "attribute value differs";
        return diff(e.source().pos(), path, why, want == null ? "(absent)" : want.toString(),
                got == null ? "(absent)" : got.toString(), 1);
    }

    private Weighted text(Node control, Node test) {
        ExpectedText t = corr.expectedTexts.get(control);
        String got = test.getNodeValue();
        String why = problem(t.check(), got, "text differs");
        if (why == null) return null;
        String path = Correspondence.path(test.getParentNode()) + "/text()";
        return diff(t.pos(), path, why, expectedShown(t.check()), got, 1);
    }

    private Weighted missing(Node control) {
        Node parentTest = corr.controlToTest.get(control.getParentNode());
        String parentPath = Correspondence.path(parentTest);
        if (control.getNodeType() == Node.TEXT_NODE) {
            ExpectedText t = corr.expectedTexts.get(control);
            if (t.check() instanceof Check.Unbound u) {
                return diff(t.pos(), parentPath + "/text()", "variable has no value: " + u.reason(), u.template(),
                        "(no text)", 1);
            }
            return diff(t.pos(), parentPath + "/text()", "missing text", t.check().shown(), "(no text)", 1.5);
        }
        ExpectedElement e = corr.expectedElements.get(control);
        String path = parentPath + "/" + Paths.segment(e.namespace(), e.localName(),
                Correspondence.ns(parentTest), 0);
        return diff(e.source().pos(), path, "missing child element",
                startTag(e, Correspondence.ns(parentTest)), "(absent)", 4);
    }

    private Weighted unexpected(Node test) {
        if (test.getNodeType() != Node.ELEMENT_NODE) return null; // any text is fine without expected text
        Node parentControl = corr.testToControl.get(test.getParentNode());
        ExpectedElement parent = corr.expectedElements.get(parentControl);
        if (!parent.strict()) return null;
        return diff(parent.source().pos(), Correspondence.path(test),
                "unexpected child element (strict element: no extra children)", "(absent)",
                StanzaPrinter.startTag(corr.receivedElements.get(test)), 2);
    }

    /** A settled (exactly matching) child: only its position can be wrong. */
    private Weighted settled(Node control) {
        return order(control, corr.controlToTest.get(control));
    }

    private Weighted order(Node control, Node test) {
        if (control.getNodeType() != Node.ELEMENT_NODE || !corr.outOfOrder.contains(control)) return null;
        ExpectedElement parent = corr.expectedElements.get(control.getParentNode());
        if (!parent.strict()) return null;
        ExpectedElement e = corr.expectedElements.get(control);
        return diff(e.source().pos(), Correspondence.path(test), "child element out of order (strict element)",
                "position " + elementPosition(control), "position " + elementPosition(test), 1);
    }

    private Weighted identity(Node control, Node test) {
        ExpectedElement e = corr.expectedElements.get(control);
        SourcePos pos = e != null ? e.source().pos() : corr.expectedElements.get(control.getParentNode()).source().pos();
        String ns = Correspondence.ns(control);
        return diff(pos, Correspondence.path(test), "element name or namespace differs",
                Paths.identity(ns, control.getLocalName()),
                Paths.identity(Correspondence.ns(test), test.getLocalName()), 1000);
    }

    private static ExpectedAttribute find(ExpectedElement e, QName name) {
        for (ExpectedAttribute a : e.attributes()) {
            if (a.localName().equals(name.getLocalPart()) && a.namespace().equals(name.getNamespaceURI())) return a;
        }
        return null;
    }

    private static String attrPath(Node element, QName name) {
        return Correspondence.path(element) + "/" + Paths.attribute(name.getNamespaceURI(), name.getLocalPart());
    }

    private static int elementPosition(Node n) {
        int pos = 1;
        for (Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
            if (s.getNodeType() == Node.ELEMENT_NODE) pos++;
        }
        return pos;
    }

    /** {@code <item affiliation='owner' role='moderator'/>}: the expectation as a report shows it. */
    static String startTag(ExpectedElement e, String parentNs) {
        StringBuilder sb = new StringBuilder("<").append(e.localName());
        if (!e.namespace().equals(parentNs)) {
            sb.append(" xmlns");
            StanzaPrinter.attributeValue(sb, e.namespace());
        }
        for (ExpectedAttribute a : e.attributes()) {
            sb.append(' ').append(a.source().qualifiedName());
            StanzaPrinter.attributeValue(sb, expectedShown(a.check()));
        }
        return sb.append(e.children().isEmpty() && e.text() == null ? "/>" : ">").toString();
    }

    private Weighted diff(SourcePos pos, String path, String reason, String expected, String received, double w) {
        return new Weighted(new Difference(corr.span(pos), path, reason, expected, received), w);
    }
}
