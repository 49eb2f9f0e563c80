package dev.scansion.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.scansion.accept.AcceptFinish;
import dev.scansion.accept.AcceptSession;
import dev.scansion.accept.Reviewer;
import dev.scansion.exec.Acceptor;
import dev.scansion.exec.Attempts;
import dev.scansion.exec.KnownFailures;
import dev.scansion.exec.OrderMode;
import dev.scansion.exec.ReceiveMode;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.RunListener;
import dev.scansion.exec.ScriptRunner;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.report.ConsoleOptions;
import dev.scansion.report.ConsoleReporter;
import dev.scansion.result.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code scansion run [options] PATH...}: runs scripts in order against one server. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run scripts against a server, one after another (or N at once: --jobs), and report.",
                "Exit codes: 0 all passed, 1 a script failed, 2 usage error, unparsable script or nothing "
                        + "selected, 3 server unreachable or another runtime error. With --accept: 0 when every "
                        + "failure was accepted and the rewritten scripts pass when run once more."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Real connections; tests give a fake server through a picocli factory. */
    private final SessionFactory sessions;
    /** The environment (GITHUB_ACTIONS); tests give their own. */
    private final Function<String, String> env;

    RunCommand() {
        this(new SmackSessionFactory());
    }

    RunCommand(SessionFactory sessions) {
        this(sessions, System::getenv);
    }

    RunCommand(SessionFactory sessions, Function<String, String> env) {
        this.sessions = sessions;
        this.env = env;
    }

    @Mixin
    SelectionOptions selection;

    @Mixin
    ServerOptions server;

    @Mixin
    OutputOptions output;

    @Mixin
    ReportOptions reports;

    @Mixin
    CiOptions ci;

    @Mixin
    IsolationOptions isolation;

    @Mixin
    AcceptOptions accept;

    @Option(names = {"-t", "--timeout"}, paramLabel = "DURATION", defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How long each 'receives' waits (default: ${DEFAULT-VALUE}; 5s, 500ms, 2m or seconds; "
                    + "every duration option is at most 24h).")
    Duration timeout;

    @Option(names = "--nothing-wait", paramLabel = "DURATION", defaultValue = "500ms",
            converter = DurationConverter.class,
            description = "Quiet window of 'receives: nothing' (default: ${DEFAULT-VALUE}).")
    Duration nothingWait;

    @Option(names = "--receive-mode", paramLabel = "skip|next", defaultValue = "skip",
            converter = ReceiveModeConverter.class,
            description = "skip: set non-matching stanzas aside and wait for a match; next: the next stanza "
                    + "must match (default: ${DEFAULT-VALUE}).")
    ReceiveMode receiveMode;

    @Option(names = "--strict-captures",
            description = "A capture name used again must capture the same value as the first time.")
    boolean strictCaptures;

    @Option(names = "--settle", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "After one actor sends, how long before another actor's connection acts, so that "
                    + "the server handles the two in the script's order. With the socket table (see --order) "
                    + "counted from when the server has read the send, else from the send. Not given: 10ms, "
                    + "of which only 1 ms after the read against Prosody, whose one event loop handles each "
                    + "read to the end; given: always waited in full.")
    Duration settle;

    @Option(names = "--order", paramLabel = "auto|socket-table|pause", defaultValue = "auto",
            converter = OrderModeConverter.class,
            description = "How cross-actor order is kept. socket-table: watch when a server on this machine "
                    + "has read each send (Linux socket table); pause: wait --settle after each send, from "
                    + "the write; auto: the socket table unless the socket seen there may not be the "
                    + "server's (a local proxy in between, or its process cannot be inspected), then pause, "
                    + "said once under -v (default: ${DEFAULT-VALUE}).")
    OrderMode order;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Up to N scripts in flight at once, 1 to " + RunConfig.MAX_JOBS + " (default: "
                    + "${DEFAULT-VALUE}). Each script's output is printed whole when it ends, reports keep the "
                    + "selection's order; a script tagged '## serial' runs alone. With more than one job, scripts "
                    + "run isolated (see --isolate).")
    int jobs;

    @Override
    public Integer call() {
        RunConfig config = config();
        KnownFailures known = ci.known(spec.commandLine(), spec.commandLine().getErr());
        Attempts attempts = ci.attempts(spec.commandLine(), known);
        selection.weights = ci.weights(spec.commandLine());
        SelectionOptions.Plan plan = selection.plan(spec.commandLine());
        if (plan instanceof SelectionOptions.Plan.Exit exit) return exit.code();
        List<java.nio.file.Path> paths = ((SelectionOptions.Plan.Run) plan).paths();
        ConsoleOptions console = output.console();
        // The review asks in the terminal: no live progress line drawing over the question.
        if (accept.review()) console = new ConsoleOptions(console.verbose(), console.style(), false);
        ConsoleReporter reporter = new ConsoleReporter(spec.commandLine().getOut(), spec.commandLine().getErr(),
                console, jobs);
        List<RunListener> listeners = new ArrayList<>(List.of(reporter));
        listeners.addAll(ci.listeners(spec.commandLine().getOut(), env));
        Optional<AcceptSession> accepting = acceptSession();
        ScriptRunner runner = new ScriptRunner(config, sessions, RunListener.all(listeners), attempts,
                accepting.<Acceptor>map(a -> a).orElse(Acceptor.NONE));
        // After a signal: the sessions' closes are bounded by the connect timeout; then the reports.
        try (StopOnSignal stop = StopOnSignal.install(runner, config.connectTimeout().plusSeconds(5));
             reporter) {
            RunResult result = runner.run(paths);
            ci.afterRun(known, result, spec.commandLine().getErr());
            int code = reports.write(result, config, spec.commandLine().getErr(), exitCode(result.verdict(ci.gate())));
            if (accepting.isPresent() && !runner.isCancelled()) {
                reporter.close();
                return acceptFinish(accepting.get(), result, config);
            }
            if (!runner.isCancelled()) return code;
            spec.commandLine().getErr().println("interrupted: stopped after " + result.scripts().size()
                    + (result.scripts().size() == 1 ? " script" : " scripts")
                    + (reports.any() ? "; the reports cover them" : ""));
            spec.commandLine().getErr().flush();
            return ExitCodes.INTERRUPTED;
        }
    }

    /** The accept mode's session, when asked for; {@code --accept=review} needs a terminal to ask in. */
    private Optional<AcceptSession> acceptSession() {
        if (!accept.active()) return Optional.empty();
        if (!accept.review()) return Optional.of(new AcceptSession(Optional.empty()));
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), "--accept=review asks in the terminal, and standard "
                    + "input or output is not one: run it in a terminal, or use --accept or --accept-patch FILE");
        }
        return Optional.of(new AcceptSession(Optional.of(Reviewer.on(new BufferedReader(console.reader()),
                console.writer()))));
    }

    /** Writes the rewrites, re-runs the rewritten scripts quietly, prints what happened; the exit code. */
    private int acceptFinish(AcceptSession session, RunResult result, RunConfig config) {
        ScriptRunner rerun = new ScriptRunner(config, sessions, RunListener.NONE);
        AcceptFinish.Summary summary = AcceptFinish.finish(session, result, Optional.ofNullable(accept.patch),
                Path.of(""), rerun);
        summary.err().forEach(spec.commandLine().getErr()::println);
        summary.out().forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().flush();
        return exitCode(summary.verdict());
    }

    RunConfig config() {
        if (timeout.isZero()) throw new ParameterException(spec.commandLine(), "--timeout must be positive");
        if (nothingWait.isZero()) {
            throw new ParameterException(spec.commandLine(), "--nothing-wait must be positive");
        }
        if (jobs < 1 || jobs > RunConfig.MAX_JOBS) {
            throw new ParameterException(spec.commandLine(),
                    "--jobs must be between 1 and " + RunConfig.MAX_JOBS + ", not " + jobs);
        }
        RunConfig base = RunConfig.defaults().withJobs(jobs).withReceiveTimeout(timeout).withNothingWait(nothingWait)
                .withReceiveMode(receiveMode).withStrictCaptures(strictCaptures).withOrder(order)
                .withTags(selection.tags()).withFailFast(ci.failFast);
        if (settle != null) base = base.withSettle(settle);
        // Isolation when not asked for either way: off while one script runs at a time.
        base = isolation.applyTo(base, jobs > 1, spec.commandLine());
        accept.check(spec.commandLine(), env, jobs, base.isolate(), ci.retries);
        return server.applyTo(base, spec);
    }

    static int exitCode(RunResult.Verdict verdict) {
        return switch (verdict) {
            case PASSED -> ExitCodes.OK;
            case FAILED -> ExitCodes.FAILED;
            case INVALID -> ExitCodes.USAGE;
            case ERROR -> ExitCodes.RUNTIME;
        };
    }

    static final class ReceiveModeConverter implements ITypeConverter<ReceiveMode> {
        @Override
        public ReceiveMode convert(String value) {
            try {
                return ReceiveMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected skip or next, not '" + value + "'");
            }
        }
    }

    static final class OrderModeConverter implements ITypeConverter<OrderMode> {
        @Override
        public OrderMode convert(String value) {
            try {
                return OrderMode.valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected auto, socket-table or pause, not '" + value + "'");
            }
        }
    }
}
