package dev.scansion.accept;

import java.util.ArrayList;
import java.util.List;

import dev.scansion.script.ast.SourcePos;

/**
 * A script's text as the editor sees it: offsets into the exact decoded text (a UTF-8 BOM kept as
 * its character, line ends as written), and the map from the parser's 1-based line and code-point
 * column to those offsets. The parser drops the BOM and counts LF, CRLF and a lone CR as line ends;
 * so does this.
 */
final class Source {
    final String text;
    /** Offset of each line's first character; line n (1-based) starts at {@code starts.get(n - 1)}. */
    private final List<Integer> starts = new ArrayList<>();
    /** Offset of each line's terminator (its end when it has none). */
    private final List<Integer> ends = new ArrayList<>();
    /** The file's line end (its first one), for lines the editor adds. */
    final String newline;

    Source(String text) {
        this.text = text;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        String nl = null;
        starts.add(i);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                ends.add(i);
                int next = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (nl == null) nl = text.substring(i, next);
                starts.add(next);
                i = next;
            } else {
                i++;
            }
        }
        ends.add(text.length());
        this.newline = nl == null ? "\n" : nl;
    }

    int lines() {
        return starts.size();
    }

    int lineStart(int line) {
        return starts.get(line - 1);
    }

    /** Offset of the line's terminator (or the text's end). */
    int lineEnd(int line) {
        return ends.get(line - 1);
    }

    /** Offset just after the line's terminator. */
    int lineEndWithTerminator(int line) {
        return line < starts.size() ? starts.get(line) : text.length();
    }

    String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    /** The 1-based line holding an offset. */
    int lineOf(int offset) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid) <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    int offset(SourcePos pos) {
        String line = line(pos.line());
        int cps = line.codePointCount(0, line.length());
        return lineStart(pos.line()) + line.offsetByCodePoints(0, Math.max(0, Math.min(pos.column() - 1, cps)));
    }

    /** The leading whitespace of a line. */
    String indent(int line) {
        String l = line(line);
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) i++;
        return l.substring(0, i);
    }

    /** A comment line as the parser sees one: {@code #}, {@code //} or {@code --} after optional indentation. */
    boolean isComment(int line) {
        String t = line(line).stripLeading();
        return t.startsWith("#") || t.startsWith("//") || t.startsWith("--");
    }

    /** Whether only spaces and tabs stand between the two offsets. */
    boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }
}
