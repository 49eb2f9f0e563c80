package dev.scansion.report.html;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.scansion.result.Direction;
import dev.scansion.report.html.Timeline.Arrow;
import dev.scansion.report.html.Timeline.Event;
import dev.scansion.report.html.Timeline.Mark;
import dev.scansion.report.html.Timeline.Quiet;
import dev.scansion.report.html.Timeline.Tone;
import dev.scansion.text.Durations;

/**
 * Draws a {@link Timeline} as inline SVG. Time runs down on a compressed scale: one row per event,
 * in time order, with a little more space (and the pause written) where time passed; the left column
 * gives each row's time since the script started. Colours are classes styled by the stylesheet, with
 * presentation attributes as the fallback (a Content-Security-Policy's {@code style-src} does not
 * govern them, so the drawing reads even where the stylesheet did not load). Every arrow and mark is
 * a link to its stanza, its step or the failure.
 */
final class SequenceDiagram {
    static final int LEFT = 76;
    static final int COL = 160;
    static final int TOP = 48;
    static final int ROW = 26;
    private static final int LABEL_CHARS = 28;
    private static final int FAILURE_CHARS = 3 * LABEL_CHARS;

    private final StringBuilder sb = new StringBuilder();
    private final Timeline t;
    private final List<String> columns = new ArrayList<>();

    private SequenceDiagram(Timeline t) {
        this.t = t;
        columns.addAll(t.actors());
        t.lanes().forEach(l -> columns.add("lane:" + l));
    }

    static String svg(Timeline t, Instant start) {
        return new SequenceDiagram(t).draw(start);
    }

    private String draw(Instant start) {
        List<Integer> ys = rows();
        int height = (ys.isEmpty() ? TOP : ys.get(ys.size() - 1)) + ROW + 8;
        int width = Math.max(LEFT + columns.size() * COL + 8, failureLabelEnd());
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"sequence diagram\" font-family=\"sans-serif\""
                        + " font-size=\"12\">\n");
        markers();
        for (int i = 0; i < columns.size(); i++) header(i, height);
        Instant last = start;
        for (int i = 0; i < t.events().size(); i++) {
            Event e = t.events().get(i);
            int y = ys.get(i);
            Duration gap = Duration.between(last, e.at());
            if (extra(gap) > 0) text(LEFT - 8, y - ROW / 2 - 2, "end", "pause", "⋯ " + Durations.format(gap));
            text(LEFT - 8, y + 4, "end", "time", "+" + Duration.between(start, e.at()).toMillis() + " ms");
            event(e, y);
            if (e.at().isAfter(last)) last = e.at();
        }
        return sb.append("</svg>\n").toString();
    }

    /** Where the failure's words beside its arrow end (about 7 px a character), so that the drawing holds them. */
    private int failureLabelEnd() {
        int end = 0;
        for (Event e : t.events()) {
            if (e instanceof Arrow a && a.target().equals("failure")) {
                int right = Math.max(x(columns.indexOf(a.actor())), x(columns.indexOf("lane:" + a.lane())));
                end = Math.max(end, right + 16 + 7 * Math.min(a.label().length(), FAILURE_CHARS));
            }
        }
        return end;
    }

    /** The y of each event: one row each, plus space for a pause before it. */
    private List<Integer> rows() {
        List<Integer> ys = new ArrayList<>();
        int y = TOP;
        Instant last = null;
        for (Event e : t.events()) {
            y += ROW + (last == null ? 0 : extra(Duration.between(last, e.at())));
            ys.add(y);
            if (last == null || e.at().isAfter(last)) last = e.at();
        }
        return ys;
    }

    /** Space for a pause: none under 100 ms, then growing with its logarithm, at most 40 px. */
    static int extra(Duration gap) {
        long ms = gap.toMillis();
        if (ms < 100) return 0;
        return (int) Math.min(40, Math.round(10 * Math.log10(ms / 10.0)));
    }

    private void markers() {
        sb.append("<defs>");
        for (String tone : List.of("normal", "aside", "failed")) {
            sb.append("<marker id=\"head-").append(tone).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                    + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path class=\"head ")
                    .append(tone).append("\" d=\"M0,0L10,5L0,10z\" fill=\"").append(colour(tone)).append("\"/></marker>");
        }
        sb.append("</defs>\n");
    }

    private void header(int i, int height) {
        int x = x(i);
        String name = columns.get(i);
        boolean lane = name.startsWith("lane:");
        String label = lane ? name.substring(5) : name;
        String kind = lane ? "lane" : "actor";
        sb.append("<line class=\"lifeline ").append(kind).append("\" x1=\"").append(x).append("\" y1=\"")
                .append(TOP - 12).append("\" x2=\"").append(x).append("\" y2=\"").append(height - 4)
                .append("\" stroke=\"#9e9e9e\" stroke-dasharray=\"4 3\"/>\n");
        sb.append("<rect class=\"head-box ").append(kind).append("\" x=\"").append(x - COL / 2 + 8).append("\" y=\"6\" width=\"")
                .append(COL - 16).append("\" height=\"24\" rx=\"4\" fill=\"").append(lane ? "#eceff1" : "#e3f2fd")
                .append("\" stroke=\"#607d8b\"/>\n");
        text(x, 22, "middle", "head-text " + kind, Html.shortLine(label, 20), true);
        sb.append('\n');
    }

    private void event(Event e, int y) {
        if (e instanceof Arrow a) arrow(a, y);
        else if (e instanceof Mark m) mark(m, y);
        else if (e instanceof Quiet q) quiet(q, y);
    }

    private void arrow(Arrow a, int y) {
        int actor = x(columns.indexOf(a.actor()));
        int lane = x(columns.indexOf("lane:" + a.lane()));
        boolean sent = a.direction() == Direction.SENT;
        int from = sent ? actor : lane;
        int to = sent ? lane : actor;
        String tone = tone(a.tone());
        String dir = sent ? "sent" : "received";
        open(a.target(), a.label());
        sb.append("<line class=\"arrow ").append(dir).append(' ').append(tone).append("\" x1=\"").append(from)
                .append("\" y1=\"").append(y).append("\" x2=\"").append(to).append("\" y2=\"").append(y)
                .append("\" stroke=\"").append(colour(tone)).append("\" stroke-width=\"").append(a.tone() == Tone.FAILED ? 2 : 1.5)
                .append('"').append(a.tone() == Tone.ASIDE ? " stroke-dasharray=\"5 3\"" : "")
                .append(" marker-end=\"url(#head-").append(tone).append(")\"/>");
        if (a.target().equals("failure")) {
            // the failure's words are longer than an arrow: beside it, on the server's side
            text(Math.max(from, to) + 8, y + 4, "start", "label " + tone, Html.shortLine(a.label(), FAILURE_CHARS), false);
        } else {
            text((from + to) / 2, y - 5, "middle", "label " + tone, Html.shortLine(a.label(), LABEL_CHARS), false);
        }
        sb.append("</a>\n");
    }

    private void mark(Mark m, int y) {
        int x = x(columns.indexOf(m.actor()));
        String kind = m.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        open(m.target(), m.label());
        String colour = switch (m.kind()) {
            case CONNECT -> "#2e7d32";
            case FAILED -> "#c62828";
            case SKIPPED -> "#f9a825";
            default -> "#455a64";
        };
        switch (m.kind()) {
            case CONNECT -> circle(x, y, kind, colour);
            case DISCONNECT -> sb.append("<rect class=\"mark ").append(kind).append("\" x=\"").append(x - 9)
                    .append("\" y=\"").append(y - 3).append("\" width=\"18\" height=\"6\" fill=\"").append(colour).append("\"/>");
            default -> {
                circle(x, y, kind, colour);
                sb.append("<path class=\"mark-x\" d=\"M").append(x - 3).append(',').append(y - 3).append("l6,6m0,-6l-6,6\""
                        + " stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
            }
        }
        text(x + 10, y + 4, "start", "label mark-label " + kind, Html.shortLine(m.label(), 40), false);
        sb.append("</a>\n");
    }

    private void quiet(Quiet q, int y) {
        int x = x(columns.indexOf(q.actor()));
        String tone = tone(q.tone());
        open(q.target(), q.label());
        sb.append("<rect class=\"quiet ").append(tone).append("\" x=\"").append(x - 6).append("\" y=\"").append(y - 10)
                .append("\" width=\"12\" height=\"20\" fill=\"").append(q.tone() == Tone.FAILED ? "#ffcdd2" : "#e0e0e0")
                .append("\" stroke=\"").append(colour(tone)).append("\"/>");
        text(x + 10, y + 4, "start", "label quiet-label " + tone, Html.line(q.label()), false);
        sb.append("</a>\n");
    }

    private void circle(int x, int y, String kind, String colour) {
        sb.append("<circle class=\"mark ").append(kind).append("\" cx=\"").append(x).append("\" cy=\"").append(y)
                .append("\" r=\"6\" fill=\"").append(colour).append("\"/>");
    }

    /** A link around an event, with its full label as the tooltip. */
    private void open(String target, String title) {
        sb.append("<a href=\"#").append(target).append("\"><title>").append(Html.shortLine(title, 300)).append("</title>");
    }

    private void text(int x, int y, String anchor, String cls, String escaped) {
        text(x, y, anchor, cls, Html.line(escaped), false);
    }

    private void text(int x, int y, String anchor, String cls, String escaped, boolean bold) {
        sb.append("<text class=\"").append(cls).append("\" x=\"").append(x).append("\" y=\"").append(y)
                .append("\" text-anchor=\"").append(anchor).append('"').append(bold ? " font-weight=\"bold\"" : "")
                .append('>').append(escaped).append("</text>");
    }

    private static int x(int column) {
        return LEFT + COL / 2 + column * COL;
    }

    private static String tone(Tone tone) {
        return switch (tone) {
            case NORMAL -> "normal";
            case ASIDE -> "aside";
            case FAILED -> "failed";
        };
    }

    private static String colour(String tone) {
        return switch (tone) {
            case "failed" -> "#c62828";
            case "aside" -> "#9e9e9e";
            default -> "#263238";
        };
    }
}
