package dev.scansion.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.scansion.match.MatchOptions;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptOutcome;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.SecretMask;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;

/**
 * The embedding API: runs scripts against a server and returns the result model. The CLI, the
 * tests and the JUnit engine all go through here.
 *
 * <pre>
 * RunResult r = new ScriptRunner(RunConfig.defaults().withPort(5222)).run(List.of(Path.of("specs")));
 * </pre>
 *
 * Scripts start in the order of the selection, against the same server: one after another, or up
 * to {@link RunConfig#jobs()} at once ({@link ScriptScheduler}; a script tagged {@code ## serial}
 * runs alone, {@link SerialGate}); the results keep the selection's order. When a script finds
 * the server unreachable, mute or not XMPP, the rest are not run (see {@code serverUnusable});
 * with {@link RunConfig#failFast()}, likewise after any script that fails; scripts already in
 * flight finish. With more than one job the listener's script and step events come from several
 * threads (each script's from one). One runner may be used for several runs, but not
 * concurrently; {@link #execute} may be called from several threads at once (the JUnit engine).
 */
public final class ScriptRunner {
    private final RunConfig config;
    private final SessionFactory sessions;
    private final RunListener listener;
    /** Retries and known failures around each file ({@link Attempts}). */
    private final Attempts attempts;
    private volatile boolean cancelled;
    private final ScriptScheduler scheduler;
    private final SerialGate gate;
    /** The accept mode's hook ({@code --accept}); {@link Acceptor#NONE} in an ordinary run. */
    private final Acceptor acceptor;

    /** Real connections (Smack), no listener. */
    public ScriptRunner(RunConfig config) {
        this(config, new SmackSessionFactory(), RunListener.NONE);
    }

    public ScriptRunner(RunConfig config, SessionFactory sessions, RunListener listener) {
        this(config, sessions, listener, Attempts.ONCE);
    }

    /** With retries of failed scripts and known failures ({@code --retries}, {@code --known-failures}). */
    public ScriptRunner(RunConfig config, SessionFactory sessions, RunListener listener, Attempts attempts) {
        this(config, sessions, listener, attempts, Acceptor.NONE);
    }

    /**
     * With the accept mode's hook: a failed {@code receives} or {@code receives: nothing} is offered to
     * {@code acceptor}, and when it accepts, the run goes on ({@code StepOutcome.Accepted}). Isolated
     * scripts are not offered.
     */
    public ScriptRunner(RunConfig config, SessionFactory sessions, RunListener listener, Attempts attempts,
                        Acceptor acceptor) {
        this.acceptor = acceptor;
        this.config = config;
        this.sessions = sessions;
        this.listener = listener;
        this.attempts = attempts;
        this.scheduler = new ScriptScheduler(config.jobs(), () -> cancelled);
        this.gate = new SerialGate(ServerLock.forServer(config.host().orElse("default"),
                config.port().orElse(ConnectRequests.DEFAULT_PORT)));
    }

    /**
     * Stops the run from another thread (a signal handler): the steps in progress (one per script
     * in flight) end as INTERRUPTED, their sessions are closed, no further script starts, and
     * {@link #run(List)} returns the results of what ran.
     */
    public void cancel() {
        cancelled = true;
        scheduler.interruptInFlight();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public RunConfig config() {
        return config;
    }

    /**
     * Runs every script the paths select (files, and {@code *.scs} below directories, sorted).
     * A path that does not exist makes the run INVALID without running anything; so does an
     * empty selection.
     */
    public RunResult run(List<Path> paths) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ScriptSources.Selection selection = ScriptSources.select(paths);
        List<String> problems = new ArrayList<>(selection.problems());
        if (problems.isEmpty() && selection.files().isEmpty()) {
            problems.add("no .scs scripts found in " + String.join(", ", paths.stream().map(Path::toString).toList()));
        }
        List<ScriptResult> results = List.of();
        if (problems.isEmpty()) {
            listener.runStarted(selection.files().stream().map(Path::toString).toList());
            results = scheduler.run(selection.files(), new ScriptScheduler.Plan(
                    file -> finish(attempts.run(file, this::attempt, () -> cancelled)),
                    r -> serverUnusable(r).or(() -> failedFast(config.failFast(), r)), (file, reason) -> finish(notRun(file, reason))));
        }
        RunResult result = new RunResult(results, problems, started, Duration.ofNanos(System.nanoTime() - t0));
        listener.runFinished(result);
        return result;
    }

    /** Reads, parses, selects (tags) and runs one file, through {@link ScriptSources}. Never throws. */
    public ScriptResult runFile(Path file) {
        return finish(attempt(file));
    }

    /** {@link #runFile} without the listeners' {@code scriptFinished}: one attempt, as {@link Attempts} wants it. */
    private ScriptResult attempt(Path file) {
        ScriptSources.Loaded loaded = ScriptSources.load(file, ParseOptions.RUN);
        ParseResult parsed = loaded.parsed();
        if (!parsed.ok()) {
            return invalid(loaded.file(), Optional.of(file), new Reason.InvalidScript(parsed.errors().size()),
                    parsed.diagnostics());
        }
        Script script = parsed.script().get();
        Optional<String> rejected = config.tags().rejects(script);
        if (rejected.isPresent()) return skipped(script, Optional.of(file), rejected.get());
        Expectations expectations = new LiveExpectations(new MatchOptions(config.strictCaptures()), script.file());
        // A script tagged serial waits for the scripts in flight and runs alone (SerialGate).
        return gate.through(script, () -> new ScriptRun(script, config, sessions, listener, expectations,
                loaded.lines(), () -> cancelled, acceptor).run(Optional.of(file), parsed.diagnostics()));
    }

    /** Runs an already parsed script (no tag selection). */
    public ScriptResult run(Script script) {
        return execute(script, Optional.empty(), List.of(), List.of());
    }

    /** Runs a parsed script; {@code sourceLines} (may be empty) let failures quote the script. */
    public ScriptResult execute(Script script, Optional<Path> path, List<String> sourceLines,
                                List<Diagnostic> diagnostics) {
        Expectations expectations = new LiveExpectations(new MatchOptions(config.strictCaptures()), script.file());
        return execute(script, path, sourceLines, diagnostics, expectations);
    }

    ScriptResult execute(Script script, Optional<Path> path, List<String> sourceLines, List<Diagnostic> diagnostics,
                         Expectations expectations) {
        // Serial scripts run alone here too: the engine keeps them apart inside the process with its
        // own resource lock, the gate keeps them apart from other processes (ServerLock).
        ScriptResult result = gate.through(script, () -> new ScriptRun(script, config, sessions, listener,
                expectations, sourceLines, () -> cancelled, acceptor).run(path, diagnostics));
        return finish(result);
    }

    private ScriptResult finish(ScriptResult result) {
        listener.scriptFinished(result);
        return result;
    }

    /**
     * The rule for connection-level failures (README "Exit codes"): when a script could not reach
     * the server, or the server never answered its stream with XMPP (mute, not XMPP), no later
     * script can do better; they are not run, rather than each waiting out its connect timeout.
     * A refused login, a TLS failure or a stream error stay the script's own. The JUnit engine
     * applies the same rule.
     */
    public static Optional<String> serverUnusable(ScriptResult r) {
        return r.failure().filter(f -> f.reason() instanceof Reason.ConnectFailed c && c.affectsEveryScript())
                .map(f -> "not run: " + ((Reason.ConnectFailed) f.reason()).reason() + " (in " + r.file() + ")");
    }

    /**
     * With fail-fast, a script that failed or could not run (unparsable, an error) stops the run the
     * same way; a skipped script (tags) does not.
     */
    public static Optional<String> failedFast(boolean failFast, ScriptResult r) {
        if (!failFast) return Optional.empty();
        return switch (r.status()) {
            case FAILED -> r.knownFailure() ? Optional.empty()
                    : Optional.of("not run: fail-fast, after " + r.file() + " failed");
            case ERROR -> Optional.of("not run: fail-fast, after an error in " + r.file());
            case PASSED, SKIPPED, INTERRUPTED -> Optional.empty();
        };
    }

    private static ScriptResult notRun(Path file, String reason) {
        return new ScriptResult(file.toString(), Optional.of(file), "", List.of(), new ScriptOutcome.NotRun(reason),
                Instant.now(), Duration.ZERO, List.of(), List.of(), List.of());
    }

    private static ScriptResult invalid(String name, Optional<Path> path, Reason.InvalidScript reason,
                                        List<Diagnostic> diagnostics) {
        SourceSpan at = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR)
                .map(Diagnostic::span).findFirst().orElse(SourceSpan.of(name, 1, 1));
        return new ScriptResult(name, path, "", List.of(), new ScriptOutcome.Failed(new Failure(at, "", reason)),
                Instant.now(), Duration.ZERO, List.of(), List.of(), diagnostics);
    }

    private static ScriptResult skipped(Script script, Optional<Path> path, String reason) {
        return new ScriptResult(script.file(), path, SecretMask.forScript(script).prose(script.title()),
                script.tags().stream().map(Object::toString).toList(), new ScriptOutcome.Skipped(reason),
                Instant.now(), Duration.ZERO, List.of(), List.of(), List.of());
    }
}
