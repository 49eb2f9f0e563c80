package dev.scansion.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A light lexical pass over a payload, alongside the real XML parser. The XML parser decides
 * well-formedness and decodes; this pass knows where things start (the {@code <} of a tag, an
 * attribute's name, the quote of a value), which the StAX API does not tell, and finds the
 * structural faults (unclosed or mismatched tags, unterminated values) at the place a person would
 * look, where the XML parser only notices them later.
 * Iterative: any nesting depth is fine here.
 */
final class XmlScanner {
    sealed interface Token permits StartTag, EndTag, Other {
        int start();

        int end();
    }

    record Attr(String name, int nameStart, int valueStart, int valueEnd) {
    }

    record StartTag(int start, int end, String name, List<Attr> attrs, boolean selfClosing) implements Token {
    }

    record EndTag(int start, int end, String name) implements Token {
    }

    /** A comment or processing instruction. */
    record Other(int start, int end) implements Token {
    }

    /**
     * A fault at {@code offset}; {@code related} is the offset of the start tag involved (or -1),
     * which the caller turns into a "line L, column C" note after {@code detail}. {@code detected}
     * is where the fault became certain (an unclosed element: the end of the payload), to compare
     * with where the XML parser stopped.
     */
    record Problem(int offset, int length, String message, String detail, int related, int detected) {
        Problem(int offset, int length, String message, String detail, int related) {
            this(offset, length, message, detail, related, offset);
        }

        Problem detectedAt(int at) {
            return new Problem(offset, length, message, detail, related, at);
        }
    }

    record Result(List<Token> tokens, Optional<Problem> problem) {
    }

    private final String doc;
    private final int to;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<StartTag> open = new ArrayDeque<>();
    private int i;
    /** {@link #nextLt}'s memo: the first '<' at or after {@code ltFrom} is at {@code ltAt} (-1: none). */
    private int ltFrom = Integer.MAX_VALUE;
    private int ltAt = -1;

    private XmlScanner(String doc, int from, int to) {
        this.doc = doc;
        this.i = from;
        this.to = to;
    }

    /** Whether {@code doc[from, to)} ends inside an element, tag, value, comment or CDATA section. */
    static boolean incomplete(String doc, int from, int to) {
        return scan(doc, from, to).problem().map(p -> p.message().contains("not closed")
                || p.message().contains("never closed")).orElse(false);
    }

    /** Scans {@code doc[from, to)}, stopping at the first fault (or at markup it does not understand). */
    static Result scan(String doc, int from, int to) {
        XmlScanner s = new XmlScanner(doc, from, to);
        Problem p = s.run();
        return new Result(List.copyOf(s.tokens), Optional.ofNullable(p));
    }

    private Problem run() {
        while (i < to) {
            int lt = doc.indexOf('<', i);
            if (lt < 0 || lt >= to) break;
            i = lt;
            Problem p = markup();
            if (p != null) return p;
            if (i < 0) return null; // gave up: the XML parser will explain
        }
        if (!open.isEmpty()) {
            StartTag t = open.peek();
            return new Problem(t.start(), t.name().length() + 1, "element <" + t.name() + "> is never closed",
                    "expected </" + t.name() + "> before the end of the payload", -1).detectedAt(to);
        }
        return null;
    }

    private Problem markup() {
        if (doc.startsWith("<!--", i)) return skip("-->", "comment is never closed", true);
        if (doc.startsWith("<![CDATA[", i)) return skip("]]>", "CDATA section is never closed", false);
        if (doc.startsWith("<!", i)) {
            return new Problem(i, 2, "DOCTYPE and entity declarations are not allowed in payloads",
                    "payloads are plain XML elements; nothing is ever declared or fetched", -1);
        }
        if (doc.startsWith("<?xml", i) && i + 5 < to && (Character.isWhitespace(doc.charAt(i + 5)) || doc.charAt(i + 5) == '?')) {
            return new Problem(i, 5, "XML declaration in a payload", "payloads are elements only; remove '<?xml ...?>'", -1);
        }
        if (doc.startsWith("<?", i)) return skip("?>", "processing instruction is never closed", true);
        if (doc.startsWith("</", i)) return endTag();
        return startTag();
    }

    private Problem skip(String terminator, String unterminated, boolean token) {
        int end = doc.indexOf(terminator, i);
        if (end < 0 || end + terminator.length() > to) return new Problem(i, 4, unterminated, "", -1).detectedAt(to);
        if (token) tokens.add(new Other(i, end + terminator.length()));
        i = end + terminator.length();
        return null;
    }

    private Problem endTag() {
        int start = i;
        int j = name(i + 2);
        String name = doc.substring(i + 2, j);
        j = spaces(j);
        if (name.isEmpty() || j >= to || doc.charAt(j) != '>') {
            i = -1;
            return null;
        }
        int len = j + 1 - start;
        if (open.isEmpty()) {
            return new Problem(start, len, "unexpected end tag </" + name + ">", "no element is open here", -1);
        }
        StartTag top = open.peek();
        if (!top.name().equals(name)) {
            if (open.stream().skip(1).anyMatch(t -> t.name().equals(name))) {
                // </name> closes an outer element: the fault is the inner one left open, so point at it
                return new Problem(top.start(), top.name().length() + 1, "missing end tag </" + top.name() + ">",
                        "expected </" + top.name() + "> before the </" + name + "> at", start).detectedAt(start);
            }
            return new Problem(start, len, "mismatched end tag </" + name + ">",
                    "expected </" + top.name() + "> to close the <" + top.name() + "> opened at", top.start());
        }
        open.pop();
        tokens.add(new EndTag(start, j + 1, name));
        i = j + 1;
        return null;
    }

    private Problem startTag() {
        int start = i;
        int j = name(i + 1);
        String name = doc.substring(i + 1, j);
        if (name.isEmpty()) {
            return new Problem(start, 1, "'<' does not start a tag", "write &lt; for a literal '<'", -1);
        }
        List<Attr> attrs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (true) {
            int k = spaces(j);
            if (k >= to || doc.charAt(k) == '<') {
                return new Problem(start, name.length() + 1, "start tag <" + name + "> is not closed with '>'",
                        k >= to ? "expected '>' or '/>' before the end of the payload" : "expected '>' or '/>' before the next '<'", -1)
                        .detectedAt(k);
            }
            char c = doc.charAt(k);
            if (c == '>' || doc.startsWith("/>", k)) {
                int end = c == '>' ? k + 1 : k + 2;
                StartTag tag = new StartTag(start, end, name, List.copyOf(attrs), c != '>');
                tokens.add(tag);
                if (c == '>') open.push(tag);
                i = end;
                return null;
            }
            if (k == j) { // no whitespace before an attribute: let the XML parser say what is wrong
                i = -1;
                return null;
            }
            Object attr = attribute(k, name, seen);
            if (attr instanceof Problem p) return p;
            if (attr == null) {
                i = -1;
                return null;
            }
            Attr a = (Attr) attr;
            attrs.add(a);
            j = a.valueEnd() + 1;
        }
    }

    /** An attribute at {@code k}: an {@link Attr}, a {@link Problem}, or null when the syntax is beyond this pass. */
    private Object attribute(int k, String element, Set<String> seen) {
        int n = name(k);
        String attr = doc.substring(k, n);
        int eq = spaces(n);
        if (attr.isEmpty() || eq >= to || doc.charAt(eq) != '=') return null;
        int q = spaces(eq + 1);
        if (q >= to || (doc.charAt(q) != '\'' && doc.charAt(q) != '"')) return null;
        int close = doc.indexOf(doc.charAt(q), q + 1);
        int lt = nextLt(q + 1);
        if (lt >= 0 && lt < to && (close < 0 || lt < close)) {
            return new Problem(q, 1, "attribute value is not closed", "no closing " + doc.charAt(q)
                    + " before the next '<'", -1).detectedAt(lt);
        }
        if (close < 0 || close >= to) {
            return new Problem(q, 1, "attribute value is not closed", "no closing " + doc.charAt(q), -1).detectedAt(to);
        }
        if (!seen.add(attr)) {
            return new Problem(k, attr.length(), "duplicate attribute '" + attr + "' on <" + element + ">", "", -1);
        }
        return new Attr(attr, k, q + 1, close);
    }

    /**
     * The first '<' at or after {@code from}. Each attribute asks from a later offset, and the answer
     * is usually the same far-away '<' (the next tag): remembered, so that an element with n
     * attributes costs one scan, not n scans to the end of its tag (a quadratic cost measured at
     * 12 s for 200k attributes).
     */
    private int nextLt(int from) {
        if (from >= ltFrom && (ltAt < 0 || ltAt >= from)) return ltAt;
        ltFrom = from;
        ltAt = doc.indexOf('<', from);
        return ltAt;
    }

    private int name(int from) {
        int j = from;
        while (j < to) {
            char c = doc.charAt(j);
            if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '<' || c == '=' || c == '\'' || c == '"') break;
            j++;
        }
        return j;
    }

    private int spaces(int from) {
        int j = from;
        while (j < to && Character.isWhitespace(doc.charAt(j))) j++;
        return j;
    }
}
