package dev.scansion.accept;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@link Extent} of a payload element from the script's text, starting at its {@code <}.
 * The parser has already checked the payload is well-formed XML; this only finds where things are.
 * Script comment lines inside a payload are skipped as the parser skips them.
 */
final class ExtentScanner {
    private final Source src;
    private final String t;
    private int i;

    private ExtentScanner(Source src, int at) {
        this.src = src;
        this.t = src.text;
        this.i = at;
    }

    /** @throws IllegalStateException when the text at {@code at} is not an element as the parser read it */
    static Extent scan(Source src, int at) {
        return new ExtentScanner(src, at).element(0);
    }

    private Extent element(int depth) {
        if (depth > 256 || i >= t.length() || t.charAt(i) != '<') throw problem("no element");
        int start = i++;
        while (i < t.length() && !nameEnds(t.charAt(i))) i++;
        int nameEnd = i;
        List<Extent.Attr> attrs = new ArrayList<>();
        while (true) {
            skipSpace();
            if (i >= t.length()) throw problem("unterminated start tag");
            if (t.startsWith("/>", i)) {
                i += 2;
                return new Extent(start, nameEnd, i, true, attrs, List.of(), List.of(), i, i, false);
            }
            if (t.charAt(i) == '>') break;
            attrs.add(attr());
        }
        int startTagEnd = ++i;
        return content(start, nameEnd, startTagEnd, attrs, depth);
    }

    private Extent content(int start, int nameEnd, int startTagEnd, List<Extent.Attr> attrs, int depth) {
        List<Extent> elements = new ArrayList<>();
        List<Extent.Run> texts = new ArrayList<>();
        boolean comments = false;
        while (i < t.length()) {
            int line = src.lineOf(i);
            if (i == src.lineStart(line) && src.isComment(line)) {
                comments = true;
                i = src.lineEndWithTerminator(line);
            } else if (t.startsWith("</", i)) {
                int contentEnd = i;
                i = t.indexOf('>', i);
                if (i < 0) throw problem("unterminated end tag");
                i++;
                return new Extent(start, nameEnd, startTagEnd, false, attrs, elements, texts, contentEnd, i, comments);
            } else if (t.startsWith("<!--", i)) {
                comments = true;
                skipPast("-->");
            } else if (t.startsWith("<![CDATA[", i)) {
                int s = i;
                skipPast("]]>");
                texts.add(new Extent.Run(s, i));
            } else if (t.startsWith("<?", i)) {
                skipPast("?>");
            } else if (t.charAt(i) == '<') {
                elements.add(element(depth + 1));
            } else {
                text(texts);
            }
        }
        throw problem("no end tag");
    }

    /** A run of character data up to the next markup or comment line; kept when not blank. */
    private void text(List<Extent.Run> texts) {
        int first = -1;
        int last = -1;
        while (i < t.length() && t.charAt(i) != '<') {
            char c = t.charAt(i);
            if (c == '\n' || c == '\r') {
                i++;
                if (c == '\r' && i < t.length() && t.charAt(i) == '\n') i++;
                int line = src.lineOf(i);
                if (i < t.length() && i == src.lineStart(line) && src.isComment(line)) break;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                if (first < 0) first = i;
                last = i + 1;
            }
            i++;
        }
        if (first >= 0) texts.add(new Extent.Run(first, last));
    }

    private Extent.Attr attr() {
        int start = i;
        while (i < t.length() && t.charAt(i) != '=' && !Character.isWhitespace(t.charAt(i))) i++;
        String name = t.substring(start, i);
        skipSpace();
        if (i >= t.length() || t.charAt(i) != '=') throw problem("attribute without a value");
        i++;
        skipSpace();
        if (i >= t.length() || (t.charAt(i) != '"' && t.charAt(i) != '\'')) throw problem("unquoted attribute");
        char quote = t.charAt(i++);
        int valueStart = i;
        int valueEnd = t.indexOf(quote, i);
        if (valueEnd < 0) throw problem("unterminated attribute value");
        i = valueEnd + 1;
        return new Extent.Attr(name, start, valueStart, valueEnd, quote);
    }

    private void skipSpace() {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
    }

    private void skipPast(String end) {
        int at = t.indexOf(end, i);
        if (at < 0) throw problem("unterminated markup");
        i = at + end.length();
    }

    private static boolean nameEnds(char c) {
        return Character.isWhitespace(c) || c == '/' || c == '>';
    }

    private IllegalStateException problem(String what) {
        return new IllegalStateException(what + " at line " + src.lineOf(Math.min(i, t.length())));
    }
}
