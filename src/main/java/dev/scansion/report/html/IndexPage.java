package dev.scansion.report.html;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import dev.scansion.report.FailureText;
import dev.scansion.report.RunInfo;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.text.Durations;

/**
 * The index: the run (when, where, options, totals) and one table row per script, failures first.
 * A row is a few hundred bytes, so a run of 1,000 scripts stays well under 1 MB.
 */
final class IndexPage {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int REASON_CHARS = 160;

    private IndexPage() {
    }

    /** {@code pages.get(i)} is the page of {@code run.scripts().get(i)}, relative to the index. */
    static String render(RunResult run, RunInfo info, List<String> options, List<String> pages) {
        StringBuilder sb = new StringBuilder(4096 + run.scripts().size() * 300);
        Page.open(sb, "scansion report", "style.css");
        sb.append("<header class=\"top\">scansion report</header>\n<main>\n");
        sb.append("<h1><span class=\"badge ").append(verdictClass(run)).append("\">")
                .append(run.verdict().name().toLowerCase(java.util.Locale.ROOT)).append("</span> ")
                .append(run.scripts().size()).append(run.scripts().size() == 1 ? " script" : " scripts").append("</h1>\n");
        sb.append("<dl class=\"facts\">");
        fact(sb, "started", WHEN.format(run.startedAt()));
        fact(sb, "duration", Durations.format(run.duration()));
        fact(sb, "server", server(info));
        if (!options.isEmpty()) fact(sb, "options", String.join(", ", options));
        fact(sb, "runner", "scansion " + info.toolVersion() + " on " + info.hostname());
        sb.append("</dl>\n<p class=\"totals\">");
        total(sb, "passed", run.passed());
        total(sb, "failed", run.failed());
        total(sb, "errors", run.errors());
        total(sb, "interrupted", run.interrupted());
        total(sb, "skipped", run.skipped());
        sb.append("</p>\n");
        if (!run.problems().isEmpty()) {
            sb.append("<ul class=\"problems\">");
            run.problems().forEach(p -> sb.append("<li>").append(Html.line(p)).append("</li>"));
            sb.append("</ul>\n");
        }
        table(sb, run, pages);
        sb.append("</main>\n");
        Page.close(sb);
        return sb.toString();
    }

    private static void table(StringBuilder sb, RunResult run, List<String> pages) {
        sb.append("<table class=\"scripts\"><thead><tr><th>status</th><th>script</th><th>duration</th><th>where</th>"
                + "<th>reason</th></tr></thead><tbody>\n");
        List<Integer> order = java.util.stream.IntStream.range(0, run.scripts().size()).boxed()
                .sorted(Comparator.comparingInt(i -> rank(run.scripts().get(i).status()))).toList();
        for (int i : order) {
            ScriptResult r = run.scripts().get(i);
            String where = FailureText.where(r).map(s -> s.file() + ":" + s.line()).orElse("");
            String reason = r.failure().isPresent() ? FailureText.reason(r) : r.skipReason().orElse("");
            sb.append("<tr class=\"").append(Page.cls(r.status())).append("\"><td><span class=\"badge ")
                    .append(Page.cls(r.status())).append("\">").append(Page.word(r.status())).append("</span></td><td><a href=\"")
                    .append(Html.attr(pages.get(i))).append("\">").append(Html.shortLine(r.name(), 120)).append("</a>")
                    .append(r.title().isEmpty() ? "" : "<br><span class=\"file\">" + Html.shortLine(r.file(), 160) + "</span>")
                    .append("</td><td>").append(Durations.format(r.duration())).append("</td><td>")
                    .append(Html.shortLine(where, 160)).append("</td><td>").append(Html.shortLine(reason, REASON_CHARS))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    /** Failures first, then the interrupted, skipped and passed ones; run order within each. */
    static int rank(ScriptStatus s) {
        return switch (s) {
            case FAILED, ERROR -> 0;
            case INTERRUPTED -> 1;
            case SKIPPED -> 2;
            case PASSED -> 3;
        };
    }

    private static String verdictClass(RunResult run) {
        return switch (run.verdict()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case INVALID, ERROR -> "error";
        };
    }

    private static String server(RunInfo info) {
        if (info.host().isEmpty() && info.port().isEmpty()) return "as each actor's JID and connect_host say";
        return info.host().orElse("(each actor's host)") + info.port().map(p -> ":" + p).orElse("");
    }

    private static void fact(StringBuilder sb, String name, String value) {
        sb.append("<dt>").append(name).append("</dt><dd>").append(Html.line(value)).append("</dd>");
    }

    private static void total(StringBuilder sb, String cls, long n) {
        sb.append("<span class=\"total ").append(cls).append("\">").append(n).append(' ').append(cls).append("</span> ");
    }
}
