package dev.scansion.script;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import dev.scansion.script.ast.SourcePos;
import dev.scansion.script.ast.XmlElement;

/**
 * Parses the XML of one payload. The payload lines go to the XML parser unmodified (comment lines
 * emptied) after a synthetic wrapper start tag on its own line, which declares {@code jabber:client}
 * and the {@code scansion} prefix; so a position in the XML document maps back to the script by a
 * line offset. DTDs are refused and nothing is ever fetched.
 */
final class PayloadParser {
    static final String WRAPPER = "scansion-payload";
    private static final String WRAPPER_START = "<" + WRAPPER + " xmlns='" + XmlElement.JABBER_CLIENT
            + "' xmlns:scansion='" + XmlElement.SCANSION_NS + "'>";

    private final XMLInputFactory factory;
    private final Diagnostics diagnostics;
    private final ValueParser values;
    private final int maxDepth;

    PayloadParser(Diagnostics diagnostics, ValueParser values, int maxDepth) {
        this.diagnostics = diagnostics;
        this.values = values;
        this.maxDepth = maxDepth;
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
    }

    /** One payload to parse: script lines {@code first..last}; on line {@code first}, {@code skip} leading characters are not XML. */
    record Request(SourceText source, int first, int last, int skip, boolean receive) {
    }

    /** The top-level elements, or empty when the payload has errors (already reported). */
    Optional<List<XmlElement>> parse(Request req) {
        Document doc = Document.build(req);
        XmlScanner.Result scan = XmlScanner.scan(doc.text, doc.payloadStart, doc.payloadEnd);
        int errorsBefore = diagnostics.errorCount();
        TreeBuilder builder = new TreeBuilder(doc, scan.tokens(), req.receive(), values, diagnostics, maxDepth);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(doc.text));
            List<XmlElement> elements = builder.build(reader);
            if (elements == null || diagnostics.errorCount() > errorsBefore) return Optional.empty();
            return Optional.of(elements);
        } catch (XMLStreamException e) {
            reportXmlError(doc, scan, e);
            return Optional.empty();
        } catch (RuntimeException e) { // the JDK parser has a few unchecked failure paths; still a value
            SourcePos at = doc.pos(doc.payloadStart);
            diagnostics.error(at.line(), at.column(), 1, "malformed XML: " + XmlMessages.translate(e.getMessage()), "");
            return Optional.empty();
        }
    }

    /** Prefers the scanner's fault when it comes first: it points where the mistake is, not where it was noticed. */
    private void reportXmlError(Document doc, XmlScanner.Result scan, XMLStreamException e) {
        Optional<XmlScanner.Problem> problem = scan.problem();
        Location loc = e.getLocation();
        int offset = loc == null ? doc.payloadEnd : doc.offset(loc.getLineNumber(), loc.getColumnNumber());
        if (problem.isPresent() && problem.get().detected() <= offset) {
            XmlScanner.Problem p = problem.get();
            SourcePos at = doc.pos(p.offset());
            SourcePos rel = p.related() < 0 ? null : doc.pos(p.related());
            String detail = rel == null ? p.detail() : p.detail() + " line " + rel.line() + ", column " + rel.column();
            diagnostics.error(at.line(), at.column(), p.length(), p.message(), detail);
            return;
        }
        String message = XmlMessages.translate(e.getMessage());
        if (message.contains("entity")) offset = doc.backTo('&', Math.min(offset, doc.payloadEnd));
        if (message.startsWith("undeclared namespace prefix")) offset = enclosingTag(scan, offset, message);
        SourcePos at = doc.pos(Math.min(offset, Math.max(doc.payloadStart, doc.payloadEnd - 1)));
        diagnostics.error(at.line(), at.column(), 1, "malformed XML: " + message, "");
    }

    /**
     * The XML parser notices a namespace fault at the end of the start tag: point at the element
     * instead, or at the attribute named in the message.
     */
    private static int enclosingTag(XmlScanner.Result scan, int offset, String message) {
        XmlScanner.StartTag tag = null;
        for (XmlScanner.Token t : scan.tokens()) {
            if (t.start() > offset) break;
            if (t instanceof XmlScanner.StartTag s) tag = s;
        }
        if (tag == null) return offset;
        for (XmlScanner.Attr a : tag.attrs()) {
            if (message.contains("attribute '" + a.name() + "'")) return a.nameStart();
        }
        return tag.start();
    }

    /** The XML document fed to the parser and the map from its offsets back to script positions. */
    static final class Document {
        final String text;
        final int payloadStart;
        final int payloadEnd;
        private final int firstLine;
        private final int[] lineStarts;
        private final SourceText source;

        private Document(String text, int payloadStart, int payloadEnd, int firstLine, int[] lineStarts,
                         SourceText source) {
            this.text = text;
            this.payloadStart = payloadStart;
            this.payloadEnd = payloadEnd;
            this.firstLine = firstLine;
            this.lineStarts = lineStarts;
            this.source = source;
        }

        static Document build(Request req) {
            StringBuilder sb = new StringBuilder(WRAPPER_START).append('\n');
            int[] starts = new int[req.last() - req.first() + 3];
            starts[0] = 0;
            int payloadStart = sb.length();
            for (int n = req.first(); n <= req.last(); n++) {
                starts[n - req.first() + 1] = sb.length();
                String line = req.source().line(n);
                if (n == req.first() && req.skip() > 0) {
                    line = " ".repeat(Math.min(req.skip(), line.length())) + line.substring(Math.min(req.skip(), line.length()));
                }
                if (!(n == req.first() && req.skip() > 0) && (SourceText.isComment(line) || line.isBlank())) line = "";
                sb.append(line).append('\n');
            }
            int payloadEnd = sb.length();
            starts[starts.length - 1] = sb.length();
            sb.append("</").append(WRAPPER).append('>');
            return new Document(sb.toString(), payloadStart, payloadEnd, req.first(), starts, req.source());
        }

        /** Offset of a 1-based line/column of the XML document. */
        int offset(int line, int column) {
            if (line < 1) return payloadEnd;
            int start = lineStarts[Math.min(line, lineStarts.length) - 1];
            return Math.min(text.length(), start + Math.max(0, column - 1));
        }

        /**
         * The script position of an offset of the XML document. Document lines are the script's
         * lines char for char, so the column is counted in code points on the script line.
         */
        SourcePos pos(int offset) {
            int idx = Arrays.binarySearch(lineStarts, offset);
            int docLine = idx >= 0 ? idx : -idx - 2;
            docLine = Math.max(1, Math.min(docLine, lineStarts.length - 2));
            int line = firstLine + docLine - 1;
            int column = SourceText.codePointColumn(source.line(line), Math.max(0, offset - lineStarts[docLine]));
            return new SourcePos(line, column);
        }

        /** The nearest {@code c} at or before {@code offset} on the same line, else {@code offset}. */
        int backTo(char c, int offset) {
            for (int j = Math.min(offset, text.length() - 1); j >= payloadStart; j--) {
                if (text.charAt(j) == '\n') break;
                if (text.charAt(j) == c) return j;
            }
            return offset;
        }
    }
}
