package dev.scansion.script;

/**
 * Walks raw XML text (a stanza, a fragment, a line: well-formed or not) and reports its data
 * segments: character data, quoted attribute values (not namespace declarations), comment and
 * CDATA contents. Names and markup are skipped. Lenient by design: it never fails, whatever the
 * input, since it must also walk what a hostile server sent.
 */
final class XmlData {
    /** Receives {@code [from, to)} of one data segment of the text. */
    interface Sink {
        void segment(int from, int to);
    }

    private final String s;
    private final Sink sink;
    private int i;

    XmlData(String s, Sink sink) {
        this.s = s;
        this.sink = sink;
    }

    void scan() {
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            int end = lt < 0 ? n : lt;
            if (end > i) sink.segment(i, end);
            if (lt < 0) return;
            i = lt;
            if (s.startsWith("<!--", i)) {
                delimited(4, "-->");
            } else if (s.startsWith("<![CDATA[", i)) {
                delimited(9, "]]>");
            } else if (s.startsWith("<?", i) || s.startsWith("<!", i)) {
                int gt = s.indexOf('>', i);
                i = gt < 0 ? n : gt + 1;
            } else {
                tag();
            }
        }
    }

    /** A comment or CDATA section: its content is data. */
    private void delimited(int open, String close) {
        int from = i + open;
        int to = s.indexOf(close, from);
        int end = to < 0 ? s.length() : to;
        if (end > from) sink.segment(from, end);
        i = to < 0 ? s.length() : to + close.length();
    }

    /** A start or end tag: attribute values are data, except namespace declarations. */
    private void tag() {
        int n = s.length();
        i++;
        int nameStart = -1;
        String lastName = "";
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                i++;
                return;
            }
            if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                int end = close < 0 ? n : close;
                if (!lastName.equals("xmlns") && !lastName.startsWith("xmlns:") && end > i + 1) {
                    sink.segment(i + 1, end);
                }
                i = close < 0 ? n : close + 1;
                nameStart = -1;
                continue;
            }
            if (c == '=' || Character.isWhitespace(c) || c == '/') {
                if (nameStart >= 0) lastName = s.substring(nameStart, i);
                nameStart = -1;
            } else if (nameStart < 0) {
                nameStart = i;
            }
            i++;
        }
    }
}
