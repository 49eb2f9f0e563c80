package dev.scansion.accept;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code git apply} and {@code patch -p1} take it: lines compared
 * with their line ends (so CRLF survives), three lines of context, {@code \ No newline at end of
 * file} where a side ends without one. The changed middle (after the common head and tail) is
 * compared line by line by longest common subsequence, bounded: beyond {@link #MAX_CELLS} it is
 * shown as replaced whole, still a correct patch.
 */
final class UnifiedDiff {
    static final int CONTEXT = 3;
    static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {
    }

    private enum Op { SAME, DEL, ADD }

    private record Line(Op op, String text) {
    }

    /** The diff with {@code a/}{@code name} and {@code b/}{@code name} headers; empty when the texts are equal. */
    static String of(String name, String before, String after) {
        String hunks = hunks(before, after, CONTEXT);
        return hunks.isEmpty() ? "" : "--- a/" + name + "\n+++ b/" + name + "\n" + hunks;
    }

    /** The hunks alone. */
    static String hunks(String before, String after, int context) {
        List<Line> script = compare(lines(before), lines(after));
        List<int[]> ranges = new ArrayList<>();
        for (int k = 0; k < script.size(); ) {
            if (script.get(k).op() == Op.SAME) {
                k++;
                continue;
            }
            int s = k;
            while (k < script.size() && script.get(k).op() != Op.SAME) k++;
            int from = Math.max(0, s - context);
            int to = Math.min(script.size(), k + context);
            if (!ranges.isEmpty() && from <= ranges.get(ranges.size() - 1)[1]) ranges.get(ranges.size() - 1)[1] = to;
            else ranges.add(new int[] {from, to});
        }
        StringBuilder out = new StringBuilder();
        int k = 0;
        int aLine = 1;
        int bLine = 1;
        for (int[] r : ranges) {
            for (; k < r[0]; k++) {
                if (script.get(k).op() != Op.ADD) aLine++;
                if (script.get(k).op() != Op.DEL) bLine++;
            }
            int aLen = 0;
            int bLen = 0;
            StringBuilder body = new StringBuilder();
            for (int j = r[0]; j < r[1]; j++) {
                Line l = script.get(j);
                if (l.op() != Op.ADD) aLen++;
                if (l.op() != Op.DEL) bLen++;
                body.append(l.op() == Op.SAME ? ' ' : l.op() == Op.DEL ? '-' : '+').append(l.text());
                if (!l.text().endsWith("\n")) body.append("\n\\ No newline at end of file\n");
            }
            out.append("@@ -").append(range(aLine, aLen)).append(" +").append(range(bLine, bLen)).append(" @@\n")
                    .append(body);
        }
        return out.toString();
    }

    private static String range(int start, int len) {
        if (len == 0) return (start - 1) + ",0";
        return len == 1 ? String.valueOf(start) : start + "," + len;
    }

    /** The lines of a text, each with its line end (LF, CRLF or a lone CR). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    private static List<Line> compare(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<Line> out = new ArrayList<>();
        for (int k = 0; k < head; k++) out.add(new Line(Op.SAME, a.get(k)));
        middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), out);
        for (int k = a.size() - tail; k < a.size(); k++) out.add(new Line(Op.SAME, a.get(k)));
        return out;
    }

    private static void middle(List<String> a, List<String> b, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            a.forEach(l -> out.add(new Line(Op.DEL, l)));
            b.forEach(l -> out.add(new Line(Op.ADD, l)));
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Op.SAME, a.get(i++)));
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line(Op.DEL, a.get(i++))); // removals before additions, as diff(1) shows them
            } else {
                out.add(new Line(Op.ADD, b.get(j++)));
            }
        }
    }
}
