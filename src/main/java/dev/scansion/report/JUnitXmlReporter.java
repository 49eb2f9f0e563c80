package dev.scansion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.scansion.result.Failure;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.text.Printable;
import dev.scansion.text.XmlEscape;

/**
 * The run as JUnit XML in the form Maven Surefire writes (which Jenkins, GitLab and the GitHub
 * test-report actions read): one {@code <testsuite>} for the whole run, one {@code <testcase>}
 * per script, {@code classname} from the script's directory and {@code name} from its file name.
 * A failed script has a {@code <failure>}, a script that could not run (does not parse, server
 * unreachable) an {@code <error>}, a script excluded by tags {@code <skipped>}; scripts that ran
 * carry their transcript in {@code <system-out>}. A selection problem (a path that does not
 * exist) becomes an errored test case of its own so that CI does not mistake it for success.
 * A retried script carries Surefire's {@code flakyFailure} / {@code rerunFailure} elements (and
 * their error forms), a known failure {@code <skipped message="known failure: ...">}.
 * See docs/reports.md.
 */
public final class JUnitXmlReporter {
    /** Used when a script has no directory, and as the suite name. */
    static final String ROOT = "scansion";

    private JUnitXmlReporter() {
    }

    /** Writes the report (results must already be masked) whole, creating parent directories. */
    public static void write(RunResult run, RunInfo info, Path file) throws IOException {
        AtomicFile.write(file, render(run, info));
    }

    public static String render(RunResult run, RunInfo info) {
        List<ScriptResult> scripts = run.scripts();
        int tests = scripts.size() + run.problems().size();
        long errors = run.errors() + run.problems().size();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite");
        attr(sb, "name", ROOT);
        attr(sb, "tests", String.valueOf(tests));
        attr(sb, "failures", String.valueOf(run.failed()));
        attr(sb, "errors", String.valueOf(errors));
        attr(sb, "skipped", String.valueOf(run.skipped() + run.known()));
        attr(sb, "time", Times.seconds(run.duration()));
        attr(sb, "timestamp", Times.junitTimestamp(run.startedAt()));
        attr(sb, "hostname", info.hostname());
        sb.append(">\n");
        properties(sb, info);
        for (ScriptResult r : scripts) testcase(sb, r);
        for (String problem : run.problems()) problem(sb, problem);
        return sb.append("</testsuite>\n").toString();
    }

    private static void properties(StringBuilder sb, RunInfo info) {
        List<String[]> props = new ArrayList<>();
        props.add(new String[]{"scansion.version", info.toolVersion()});
        info.host().ifPresent(h -> props.add(new String[]{"scansion.host", h}));
        info.port().ifPresent(p -> props.add(new String[]{"scansion.port", String.valueOf(p)}));
        sb.append("  <properties>\n");
        for (String[] p : props) {
            sb.append("    <property");
            attr(sb, "name", p[0]);
            attr(sb, "value", p[1]);
            sb.append("/>\n");
        }
        sb.append("  </properties>\n");
    }

    private static void testcase(StringBuilder sb, ScriptResult r) {
        sb.append("  <testcase");
        attr(sb, "name", fileName(r.file()));
        attr(sb, "classname", className(r.file()));
        attr(sb, "time", Times.seconds(r.duration()));
        sb.append(">\n");
        List<ScriptResult> attempts = new ArrayList<>(r.earlier());
        attempts.add(r);
        switch (r.status()) {
            case PASSED -> {
                nested(sb, "flakyFailure", r.earlier(), false);
                nested(sb, "flakyError", r.earlier(), true);
            }
            case FAILED -> {
                if (r.knownFailure()) {
                    sb.append("    <skipped");
                    attr(sb, "message", Printable.line("known failure: " + r.known().get().reason()));
                    sb.append("/>\n");
                } else {
                    outcome(sb, "failure", attempts.get(0));
                    nested(sb, "rerunFailure", attempts.subList(1, attempts.size()), false);
                    nested(sb, "rerunError", attempts.subList(1, attempts.size()), true);
                }
            }
            case ERROR, INTERRUPTED -> {
                nested(sb, "rerunFailure", attempts.subList(1, attempts.size()), false);
                outcome(sb, "error", attempts.get(0));
                nested(sb, "rerunError", attempts.subList(1, attempts.size()), true);
            }
            case SKIPPED -> {
                sb.append("    <skipped");
                attr(sb, "message", Printable.line(r.skipReason().orElse("skipped")));
                sb.append("/>\n");
            }
        }
        if (TranscriptWriter.ran(r)) {
            sb.append("    <system-out>").append(XmlEscape.text(TranscriptWriter.render(r))).append("</system-out>\n");
        }
        sb.append("  </testcase>\n");
    }

    private static void outcome(StringBuilder sb, String element, ScriptResult r) {
        Failure f = r.failure().orElseThrow();
        sb.append("    <").append(element);
        attr(sb, "message", FailureText.oneLine(r));
        attr(sb, "type", FailureText.type(f));
        sb.append('>').append(XmlEscape.text(FailureText.text(r))).append("</").append(element).append(">\n");
    }

    /**
     * Surefire's elements for the other runs of a rerun test ({@code flakyFailure}, {@code rerunError}...):
     * one per attempt of the kind asked for (errors or failures), each with {@code <stackTrace>} (the
     * explanation) and {@code <system-out>} (the attempt's transcript), as Surefire writes them.
     */
    private static void nested(StringBuilder sb, String element, List<ScriptResult> attempts, boolean errors) {
        for (ScriptResult a : attempts) {
            if (a.failure().isEmpty() || a.failure().get().kind().isError() != errors) continue;
            sb.append("    <").append(element);
            attr(sb, "message", FailureText.oneLine(a));
            attr(sb, "type", FailureText.type(a.failure().get()));
            sb.append(">\n      <stackTrace>").append(XmlEscape.text(FailureText.text(a))).append("</stackTrace>\n");
            if (TranscriptWriter.ran(a)) {
                sb.append("      <system-out>").append(XmlEscape.text(TranscriptWriter.render(a)))
                        .append("</system-out>\n");
            }
            sb.append("    </").append(element).append(">\n");
        }
    }

    private static void problem(StringBuilder sb, String problem) {
        sb.append("  <testcase");
        attr(sb, "name", "selection");
        attr(sb, "classname", ROOT);
        attr(sb, "time", "0.000");
        sb.append(">\n    <error");
        attr(sb, "message", Printable.line(problem));
        attr(sb, "type", "selection");
        sb.append('>').append(XmlEscape.text(Printable.text(problem))).append("</error>\n  </testcase>\n");
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"").append(XmlEscape.attribute(value)).append('"');
    }

    /** {@code specs/muc/join.scs} gives {@code join.scs}. */
    static String fileName(String scriptPath) {
        String[] parts = scriptPath.split("[/\\\\]");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        return last.isEmpty() ? scriptPath : last;
    }

    /**
     * {@code specs/muc/join.scs} gives {@code specs.muc}: report viewers group test cases by the
     * dots of the class name, so dots inside a directory name become underscores.
     */
    static String className(String scriptPath) {
        String[] parts = scriptPath.split("[/\\\\]");
        List<String> dirs = new ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.equals(".") || p.equals("..") || p.matches("[A-Za-z]:")) continue;
            dirs.add(p.replace('.', '_'));
        }
        return dirs.isEmpty() ? ROOT : String.join(".", dirs);
    }
}
