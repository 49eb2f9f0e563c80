package dev.scansion.match;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.XmlElement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What XMLUnit's DOM nodes stand for during one explanation: each control node's compiled
 * expectation (so the evaluator never walks up the tree to find an element's mode), each test
 * node's received element, and the pairs the node matcher chose. Builds both DOMs from the
 * already-parsed trees: the received text is never parsed twice, and whitespace-only text and
 * comments never reach XMLUnit (its own whitespace/comment options are XSLT-based and slow).
 * Each element's trimmed text becomes a single text node in front of its child elements.
 */
final class Correspondence {
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(Correspondence::newBuilder);

    final String file;
    final Map<Node, ExpectedElement> expectedElements = new IdentityHashMap<>();
    final Map<Node, ExpectedAttribute> expectedAttributes = new IdentityHashMap<>();
    final Map<Node, ExpectedText> expectedTexts = new IdentityHashMap<>();
    final Map<Node, ReceivedElement> receivedElements = new IdentityHashMap<>();
    final Map<Node, Node> controlToTest = new IdentityHashMap<>();
    final Map<Node, Node> testToControl = new IdentityHashMap<>();
    /** Paired control children that break the received order (for strict parents). */
    final Set<Node> outOfOrder = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Both nodes of each pair that matches exactly: compared by the verdict engine, not by XMLUnit. */
    final Set<Node> settled = Collections.newSetFromMap(new IdentityHashMap<>());

    Correspondence(String file) {
        this.file = file;
    }

    void pair(Node control, Node test) {
        controlToTest.put(control, test);
        testToControl.put(test, control);
    }

    SourceSpan span(SourcePos pos) {
        return new SourceSpan(file, pos);
    }

    Element expectedDom(ExpectedElement root) {
        return expected(BUILDERS.get().newDocument(), root);
    }

    Element receivedDom(ReceivedElement root) {
        return received(BUILDERS.get().newDocument(), root);
    }

    private Element expected(Document doc, ExpectedElement e) {
        Element el = doc.createElementNS(nsOrNull(e.namespace()), e.localName());
        expectedElements.put(el, e);
        int k = 0;
        for (ExpectedAttribute a : e.attributes()) {
            Attr attr = doc.createAttributeNS(nsOrNull(a.namespace()), attrName(a.namespace(), a.localName(), k++));
            attr.setValue(a.check().shown());
            el.setAttributeNodeNS(attr);
            expectedAttributes.put(attr, a);
        }
        if (e.text() != null) {
            Node t = el.appendChild(doc.createTextNode(e.text().check().shown()));
            expectedTexts.put(t, e.text());
        }
        for (ExpectedElement c : e.children()) el.appendChild(expected(doc, c));
        return el;
    }

    private Element received(Document doc, ReceivedElement r) {
        Element el = doc.createElementNS(nsOrNull(r.namespace()), r.localName());
        receivedElements.put(el, r);
        int k = 0;
        for (ReceivedAttribute a : r.attributes()) {
            el.setAttributeNS(nsOrNull(a.namespace()), attrName(a.namespace(), a.localName(), k++), a.value());
        }
        if (!r.text().isEmpty()) el.appendChild(doc.createTextNode(r.text()));
        for (ReceivedElement c : r.elements()) el.appendChild(received(doc, c));
        return el;
    }

    /** Prefixes never matter to matching; DOM just needs a legal one for namespaced attributes. */
    private static String attrName(String ns, String local, int k) {
        if (ns.isEmpty()) return local;
        return ns.equals(Paths.XML_NS) ? "xml:" + local : "ns" + k + ":" + local;
    }

    private static String nsOrNull(String ns) {
        return ns.isEmpty() ? null : ns;
    }

    /** The report path of a received element, e.g. {@code /presence/x{muc#user}/status[2]}. */
    static String path(Node element) {
        Node parent = element.getParentNode();
        if (!(parent instanceof Element p)) {
            return Paths.rootSegment(ns(element), element.getLocalName());
        }
        int index = 0;
        int same = 0;
        for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() != Node.ELEMENT_NODE || !sameName(c, element)) continue;
            same++;
            if (c == element) index = same;
        }
        return path(p) + "/" + Paths.segment(ns(element), element.getLocalName(), ns(p), same > 1 ? index : 0);
    }

    static String ns(Node n) {
        return n.getNamespaceURI() == null ? "" : n.getNamespaceURI();
    }

    private static boolean sameName(Node a, Node b) {
        return a.getLocalName().equals(b.getLocalName()) && ns(a).equals(ns(b));
    }

    static String parentNamespace(Node element) {
        Node parent = element.getParentNode();
        return parent instanceof Element ? ns(parent) : XmlElement.JABBER_CLIENT;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no namespace-aware DOM builder in this JDK", e);
        }
    }
}
