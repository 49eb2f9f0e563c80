package dev.scansion.report.html;

import java.time.Duration;
import java.util.List;

import dev.scansion.match.Difference;
import dev.scansion.report.FailureMessages;
import dev.scansion.report.FailureText;
import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.Diagnostic;
import dev.scansion.text.Durations;
import dev.scansion.text.Printable;

/** One script's page: what it is, why it failed, its conversation as a diagram, its steps and stanzas. */
final class ScriptPage {
    /** Characters of one line (a source line, a value, a note) shown. */
    private static final int LINE_CHARS = 240;

    private ScriptPage() {
    }

    static String render(ScriptResult r) {
        StringBuilder sb = new StringBuilder(8192);
        Page.open(sb, r.name() + " — scansion", "../style.css");
        sb.append("<header class=\"top\"><a href=\"../index.html\">← all scripts</a></header>\n<main>\n");
        sb.append("<h1><span class=\"badge ").append(Page.cls(r.status())).append("\">").append(Page.word(r.status()))
                .append("</span> ").append(Html.line(r.name())).append("</h1>\n");
        Timeline t = Timeline.of(r);
        sb.append("<dl class=\"facts\"><dt>file</dt><dd>").append(Html.line(r.file())).append("</dd>");
        sb.append("<dt>duration</dt><dd>").append(Durations.format(r.duration())).append("</dd>");
        if (!r.tags().isEmpty()) sb.append("<dt>tags</dt><dd>").append(Html.line(String.join(", ", r.tags()))).append("</dd>");
        if (!t.actors().isEmpty()) sb.append("<dt>actors</dt><dd>").append(Html.line(String.join(", ", t.actors()))).append("</dd>");
        r.skipReason().ifPresent(s -> sb.append("<dt>skipped</dt><dd>").append(Html.line(s)).append("</dd>"));
        sb.append("</dl>\n");
        diagnostics(sb, r);
        r.failure().ifPresent(f -> failure(sb, r, f));
        if (!r.steps().isEmpty()) diagram(sb, r, t);
        steps(sb, r);
        stanzas(sb, r, t);
        sb.append("</main>\n");
        Page.close(sb);
        return sb.toString();
    }

    private static void diagnostics(StringBuilder sb, ScriptResult r) {
        if (r.diagnostics().isEmpty()) return;
        sb.append("<section><h2>Diagnostics</h2>\n");
        for (Diagnostic d : r.diagnostics()) {
            sb.append("<pre class=\"diagnostic").append(d.isError() ? " error" : "").append("\">")
                    .append(Html.text(Printable.cut(d.render(false), StanzaText.SHOWN_CHARS)))
                    .append("</pre>\n");
        }
        sb.append("</section>\n");
    }

    private static void failure(StringBuilder sb, ScriptResult r, Failure f) {
        sb.append("<section id=\"failure\" class=\"failure\"><h2>Failure</h2>\n<p class=\"reason\">")
                .append(Html.line(FailureText.reason(r))).append("</p>\n");
        sb.append("<p class=\"where\">").append(Html.line(FailureText.where(r).map(Object::toString).orElse("")))
                .append(r.failedStep().map(s -> " · <a href=\"#step-" + s.number() + "\">step " + s.number() + "</a>").orElse(""))
                .append("</p>\n");
        if (!f.sourceLine().isEmpty()) {
            sb.append("<pre class=\"source\"><span class=\"lineno\">").append(f.at().line()).append(" | </span>")
                    .append(Html.shortLine(f.sourceLine(), LINE_CHARS)).append("</pre>\n");
        }
        differences(sb, f.differences());
        f.received().ifPresent(raw -> sb.append("<h3>").append(f.kind() == Failure.Kind.UNEXPECTED_STANZA ? "Received"
                : "Compared with").append("</h3>\n<pre class=\"stanza-text compared\">")
                .append(Html.text(StanzaText.pretty(raw))).append("</pre>\n"));
        Reason.SetAside aside = f.setAside();
        if (!aside.isEmpty()) {
            sb.append("<details class=\"aside\"><summary>Set aside: ").append(aside.total())
                    .append(aside.kept().size() < aside.total() ? " (the first " + aside.kept().size() + " kept)" : "")
                    .append("</summary>\n<ol>");
            for (String s : aside.kept()) sb.append("<li><pre>").append(Html.text(StanzaText.pretty(s))).append("</pre></li>");
            sb.append("</ol></details>\n");
        }
        if (!f.recent().isEmpty()) {
            sb.append("<details class=\"recent\"><summary>").append(Html.line(r.failedStep().map(StepResult::actor)
                    .orElse(""))).append("'s last received before this step</summary>\n<ol>");
            for (TranscriptEntry e : f.recent()) sb.append("<li>").append(Html.shortLine(e.xml(), LINE_CHARS)).append("</li>");
            sb.append("</ol></details>\n");
        }
        sb.append("</section>\n");
    }

    private static void differences(StringBuilder sb, List<Difference> diffs) {
        if (diffs.isEmpty()) return;
        sb.append("<h3>Differences</h3>\n<table class=\"differences\"><thead><tr><th>where</th><th>path</th>"
                + "<th>what</th><th>expected</th><th>received</th></tr></thead><tbody>\n");
        for (Difference d : diffs) {
            sb.append("<tr><td>").append(Html.line(d.expectedAt().toString())).append("</td><td class=\"path\">")
                    .append(Html.line(d.path())).append("</td><td>").append(Html.line(d.reason()))
                    .append("</td><td class=\"expected\">").append(Html.shortLine(d.expected(), LINE_CHARS))
                    .append("</td><td class=\"received\">").append(Html.shortLine(d.received(), LINE_CHARS))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    private static void diagram(StringBuilder sb, ScriptResult r, Timeline t) {
        sb.append("<section class=\"conversation\"><h2>Conversation</h2>\n<p class=\"note\">Time runs down on a "
                + "compressed scale: one row per event in the order they happened, a little more space where time "
                + "passed (the pause is written on the left), each row's time since the script started. Grey dashed: "
                + "set aside by the failing step, or taken by no step. Red: the failure. Every arrow leads to its stanza"
                + " and step.</p>\n<div class=\"scroll\">\n");
        sb.append(SequenceDiagram.svg(t, r.startedAt()));
        sb.append("</div>\n");
        if (t.omitted() > 0) {
            sb.append("<p class=\"note\">").append(t.omitted()).append(" more stanzas are not shown (the first ")
                    .append(Timeline.MAX_STANZAS).append(" are).</p>\n");
        }
        sb.append("</section>\n");
    }

    private static void steps(StringBuilder sb, ScriptResult r) {
        if (r.steps().isEmpty()) return;
        sb.append("<section><h2>Steps</h2>\n<table class=\"steps\"><thead><tr><th>#</th><th>line</th><th>step</th>"
                + "<th>status</th><th>duration</th><th>notes</th></tr></thead><tbody>\n");
        for (StepResult s : r.steps()) {
            String status = s.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            String notes = s.failure().map(FailureMessages::of).or(s::warning).orElse(String.join("; ", s.notes()));
            sb.append("<tr id=\"step-").append(s.number()).append("\" class=\"").append(status).append("\"><td>")
                    .append(s.number()).append("</td><td>").append(Html.line(s.span().file() + ":" + s.span().line()))
                    .append("</td><td>").append(Html.line(s.title())).append("</td><td>").append(status)
                    .append("</td><td>").append(Durations.format(s.duration())).append("</td><td>")
                    .append(Html.shortLine(notes, LINE_CHARS)).append("</td></tr>\n");
        }
        sb.append("</tbody></table></section>\n");
    }

    private static void stanzas(StringBuilder sb, ScriptResult r, Timeline t) {
        if (t.stanzas().isEmpty()) return;
        sb.append("<section><h2>Stanzas</h2>\n");
        for (Timeline.Stanza s : t.stanzas()) {
            TranscriptEntry e = s.entry();
            String tone = s.tone().name().toLowerCase(java.util.Locale.ROOT);
            boolean sent = e.direction() == Direction.SENT;
            sb.append("<details class=\"stanza ").append(tone).append('"').append(s.tone() == Timeline.Tone.FAILED
                    ? " open" : "").append("><summary>+").append(Duration.between(r.startedAt(), e.at()).toMillis())
                    .append(" ms ").append(Html.line(e.actor())).append(sent ? " → " : " ← ").append(Html.line(s.lane()))
                    .append(": <code>").append(Html.line(StanzaText.label(e.xml()))).append("</code>");
            s.step().ifPresent(step -> sb.append(" · <a href=\"#step-").append(step.number()).append("\">step ")
                    .append(step.number()).append(", ").append(Html.line(step.span().file() + ":" + step.span().line()))
                    .append("</a>"));
            if (s.step().isEmpty() && !sent) sb.append(" · taken by no step");
            sb.append("</summary>\n<pre id=\"s").append(s.id()).append("\" class=\"stanza-text\">")
                    .append(Html.text(StanzaText.pretty(e.xml()))).append("</pre></details>\n");
        }
        sb.append("</section>\n");
    }
}
