package dev.scansion.accept;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.scansion.exec.ScriptRunner;
import dev.scansion.report.FailureText;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.text.Printable;

/**
 * The end of an accept run: the rewrites written (in place or as a patch), what was not accepted
 * and why, each rewritten script run once more, and the one-line summary
 * ({@code accepted 3 steps in 2 scripts; re-run: 2 passed}). The verdict is the re-run's when
 * every failure was accepted, else the first run's.
 */
public final class AcceptFinish {
    private AcceptFinish() {
    }

    /**
     * What to print and the verdict.
     *
     * @param out     lines for standard output (the summary last)
     * @param err     lines for standard error (what was not accepted or not written)
     * @param verdict PASSED only when every failure was accepted, written and passes on the re-run
     */
    public record Summary(List<String> out, List<String> err, RunResult.Verdict verdict) {
    }

    /**
     * @param patch  write a patch there instead of in place
     * @param cwd    the directory the patch's paths are relative to
     * @param rerun  runs the rewritten scripts (no accept mode, no console)
     */
    public static Summary finish(AcceptSession session, RunResult first, Optional<Path> patch, Path cwd,
                                 ScriptRunner rerun) {
        List<String> out = new ArrayList<>();
        List<String> err = new ArrayList<>();
        AcceptedScripts accepted = session.accepted();
        List<AcceptedScripts.Script> written = new ArrayList<>();
        boolean error = false;
        if (patch.isPresent()) {
            Optional<String> failed = accepted.writePatch(patch.get(), cwd);
            failed.ifPresent(e -> err.add("accept: " + e));
            if (failed.isEmpty()) {
                written.addAll(accepted.scripts());
                out.add("wrote the rewrites to " + patch.get() + (accepted.isEmpty() ? " (empty: nothing accepted)" : ""));
            }
            error = failed.isPresent();
        } else {
            for (AcceptedScripts.Written w : accepted.writeInPlace()) {
                if (w.refused().isPresent()) err.add("not written: " + Printable.line(w.refused().get()));
                else written.add(w.script());
            }
        }
        for (AcceptSession.Taken t : session.taken()) {
            out.add("accepted: " + Printable.line(t.at() + ": " + t.step() + ": " + t.change()));
        }
        boolean missed = notAccepted(session, first, err) || written.size() < accepted.scripts().size();
        int passed = 0;
        int failed = 0;
        for (AcceptedScripts.Script s : written) {
            ScriptResult r = rerun(s, rerun);
            if (r.status() == ScriptResult.ScriptStatus.PASSED) {
                passed++;
            } else {
                failed++;
                err.add("re-run failed: " + FailureText.oneLine(r));
            }
        }
        int steps = written.stream().mapToInt(AcceptedScripts.Script::steps).sum();
        out.add("accepted " + steps + (steps == 1 ? " step" : " steps") + " in " + written.size()
                + (written.size() == 1 ? " script" : " scripts") + (written.isEmpty() ? ""
                : "; re-run: " + passed + " passed" + (failed > 0 ? ", " + failed + " failed" : "")));
        RunResult.Verdict verdict = error || first.verdict() == RunResult.Verdict.ERROR ? RunResult.Verdict.ERROR
                : first.verdict() == RunResult.Verdict.INVALID ? RunResult.Verdict.INVALID
                : missed || failed > 0 ? RunResult.Verdict.FAILED : RunResult.Verdict.PASSED;
        return new Summary(out, err, verdict);
    }

    /** Lists the failures left: steps declined with their reason, then scripts that failed otherwise. */
    private static boolean notAccepted(AcceptSession session, RunResult first, List<String> err) {
        Set<SourceSpan> said = new HashSet<>();
        for (AcceptSession.NotAccepted n : session.notAccepted()) {
            said.add(n.at());
            err.add("not accepted: " + Printable.line(n.at() + ": " + n.step() + ": " + n.reason()));
        }
        boolean any = !said.isEmpty();
        for (ScriptResult r : first.scripts()) {
            if (r.failure().isEmpty()) continue;
            any = true;
            if (!said.contains(r.failure().get().at())) err.add("not accepted: " + FailureText.oneLine(r));
        }
        return any;
    }

    private static ScriptResult rerun(AcceptedScripts.Script s, ScriptRunner runner) {
        ScriptSources.Loaded loaded = ScriptSources.parse(s.path().toString(), s.after(), ParseOptions.RUN);
        return runner.execute(loaded.script().orElseThrow(), Optional.of(s.path()), loaded.lines(),
                loaded.parsed().diagnostics());
    }
}
