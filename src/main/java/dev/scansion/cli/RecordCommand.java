package dev.scansion.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.scansion.author.Conversation;
import dev.scansion.author.Generaliser;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.recorder.InteractiveRecorder;
import dev.scansion.recorder.ListenAddress;
import dev.scansion.recorder.ProxyCertificate;
import dev.scansion.recorder.ProxySettings;
import dev.scansion.recorder.RecordingProxy;
import dev.scansion.recorder.Verification;
import dev.scansion.recorder.Verifier;
import dev.scansion.report.ReportFiles;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ScriptSources;
import dev.scansion.script.ast.Script;
import dev.scansion.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scansion record}: a recording proxy between real clients and the server; when stopped
 * (SIGINT/SIGTERM, or {@code --once}) the conversation is written as a script.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Record a script: clients connect to --listen instead of the server; the proxy logs in "
                + "upstream with their credentials (SASL PLAIN from the client), relays their stanzas and, on "
                + "Ctrl-C or with --once, writes what it saw as a script, then replays it to verify it (--verify). "
                + "With -i you are the client instead, typing actions in the script language.",
                "Ctrl-C (or SIGTERM) stops the recording and writes the script; a second one exits at once.",
                "Exit codes: 0 written (and, with --verify, replays green), 1 written but the replay failed, "
                        + "2 usage error or nothing recorded (no file written), 3 cannot listen, make a certificate, "
                        + "write the file or reach the server for the replay; 130/143 a second SIGINT/SIGTERM."})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Real connections upstream; tests give a fake server. */
    private final SessionFactory sessions;
    /** What {@code -i} reads the typed actions from: the terminal; tests give text. */
    private final Supplier<Reader> input;

    RecordCommand() {
        this(new SmackSessionFactory(), () -> new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    RecordCommand(SessionFactory sessions) {
        this(sessions, () -> new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    RecordCommand(SessionFactory sessions, Supplier<Reader> input) {
        this.sessions = sessions;
        this.input = input;
    }

    @Option(names = {"-i", "--interactive"}, description = "Be the client yourself instead of a proxy: type actions "
            + "in the script language (Name connects; Name sends: then XML lines and a blank line; Name "
            + "disconnects; help; quit or Ctrl-D to finish and write). What each actor receives is shown as it "
            + "arrives and recorded. Actors are typed as [Client] blocks, or taken from SCRIPT.")
    boolean interactive;

    @Parameters(arity = "0..1", paramLabel = "SCRIPT", description = "With -i: a script whose [Client] definitions "
            + "are the actors (its actions are not used).")
    Path actorsScript;

    @Mixin
    ListenOptions listen;

    @Mixin
    ServerOptions server;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The script to write (written whole).")
    Path output;

    @Option(names = "--title", paramLabel = "TEXT", description = "The script's title (default: the file's name).")
    String title;

    @Option(names = "--once", description = "Stop once every client that connected has disconnected (after at "
            + "least one logged in).")
    boolean once;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Write every password as $${env:NAME} instead of the password the client used.")
    String passwordEnv;

    @Option(names = "--verify", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After writing, replay the script against the same server and widen what differs "
                    + "(default: on; --no-verify to skip).")
    boolean verify;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (output == null) throw new ParameterException(spec.commandLine(), "-o/--output FILE is required");
        if (Files.isDirectory(output)) {
            throw new ParameterException(spec.commandLine(), "-o: " + Printable.line(output.toString()) + " is a directory");
        }
        if (passwordEnv != null && !passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ParameterException(spec.commandLine(), "--password-env: not a variable name: '"
                    + Printable.line(passwordEnv) + "'");
        }
        if (actorsScript != null && !interactive) {
            throw new ParameterException(spec.commandLine(), "SCRIPT is read with -i only (the proxy takes its actors "
                    + "from the clients that log in)");
        }
        RunConfig upstream = server.applyTo(RunConfig.defaults(), spec);
        if (interactive) return interactive(upstream);
        Path certDir = null;
        try {
            certDir = listen.generates() ? Files.createTempDirectory("scansion-record-") : null;
            ProxySettings settings = settings(upstream, certDir);
            RecordingProxy proxy;
            try {
                proxy = RecordingProxy.start(settings, sessions, new ConsoleProxyListener(out), once);
            } catch (IOException e) {
                err.println("error: " + Printable.line(e.getMessage()));
                return ExitCodes.RUNTIME;
            }
            return record(proxy, settings, upstream, certDir);
        } catch (IOException e) {
            err.println("error: " + Printable.line(String.valueOf(e.getMessage())));
            return ExitCodes.RUNTIME;
        } finally {
            deleteTree(certDir);
        }
    }

    /** {@code -i}: the runner is the client; Ctrl-C abandons (the JVM's own exit), nothing is written. */
    private int interactive(RunConfig upstream) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Script> actors = Optional.empty();
        if (actorsScript != null) {
            ScriptSources.Loaded loaded = ScriptSources.load(actorsScript, ParseOptions.RUN);
            if (!loaded.ok()) {
                loaded.parsed().diagnostics().forEach(d -> err.println(d.render(false)));
                err.println("error: " + Printable.line(actorsScript.toString()) + " cannot be parsed; nothing recorded");
                return ExitCodes.USAGE;
            }
            actors = loaded.script();
        }
        Conversation conversation = InteractiveRecorder.record(input.get(), out, actors, upstream, sessions);
        return write(conversation, upstream, "no actor connected");
    }

    private Generaliser.Options options() {
        String name = output.getFileName().toString().replaceFirst("\\.scs$", "");
        return new Generaliser.Options(title != null ? title : name, Optional.ofNullable(passwordEnv), Set.of());
    }

    private ProxySettings settings(RunConfig upstream, Path certDir) throws IOException {
        // The address first: a typo there is said before a certificate is made.
        ListenAddress address = listen.address(spec.commandLine());
        Optional<ProxyCertificate> certificate = listen.certificate(spec.commandLine(), certDir);
        return new ProxySettings(address, listen.tls, certificate, upstream, ProxySettings.MAX_CLIENTS);
    }

    private int record(RecordingProxy proxy, ProxySettings settings, RunConfig upstream, Path certDir)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (RecordSignals stop = RecordSignals.install(() -> stopQuietly(proxy),
                upstream.connectTimeout().plusSeconds(5))) {
            // Said once the signals are ours: a Ctrl-C after this line ends the recording as --once does.
            out.println("recording: clients connect to " + proxy.address() + " (" + tlsLine(settings) + "); logins go to "
                    + upstream.host().orElse("each JID's domain") + upstream.port().map(p -> ":" + p).orElse("")
                    + "; " + (once ? "stops when every client has gone" : "Ctrl-C stops") + " and writes " + shown(output));
            out.flush();
            proxy.awaitFinished();
            proxy.stop();
            deleteTree(certDir);
            if (proxy.full()) out.println("the recording reached its bounds: nothing after that was recorded");
            return write(proxy.conversation(), upstream, "no client logged in through the proxy");
        } finally {
            proxy.stop();
        }
    }

    /** Writes the conversation and, with {@code --verify}, replays it; {@code nobody} says why nothing was recorded. */
    private int write(Conversation conversation, RunConfig upstream, String nobody) {
        PrintWriter err = spec.commandLine().getErr();
        if (conversation.connections().isEmpty()) {
            err.println("nothing recorded: " + nobody + "; " + shown(output) + " not written");
            return ExitCodes.USAGE;
        }
        Generaliser.Options options = options();
        Generaliser.Generalised script = Generaliser.generalise(conversation, options);
        List<String> problems = ReportFiles.writeText(output, script.text());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + Printable.line(p)));
            return ExitCodes.RUNTIME;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + shown(output) + ": " + summary(conversation, script.text()));
        if (!verify) return ExitCodes.OK;
        out.println("verifying: replaying " + shown(output) + " against the same server (at most " + Verifier.MAX_ROUNDS
                + " rounds; --no-verify skips this)");
        out.flush();
        Verification verification = Verifier.verify(conversation, options, output, upstream, sessions);
        out.println(Printable.text(verification.summary()));
        return verification.exitCode();
    }

    /** "2 actors, 9 steps" from the script as written (or the conversation's counts if it does not parse). */
    private String summary(Conversation conversation, String text) {
        ParseResult parsed = ScriptParser.parse(output.toString(), text, ParseOptions.CHECK);
        if (parsed.script().isPresent()) {
            int actors = parsed.script().get().actors().size();
            int steps = parsed.script().get().steps().size();
            return plural(actors, "actor") + ", " + plural(steps, "step");
        }
        return plural(conversation.connections().size(), "connection") + ", " + plural(conversation.events().size(), "event");
    }

    /** A path as given by the user, made printable. */
    static String shown(Path path) {
        return Printable.line(path.toString());
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String tlsLine(ProxySettings settings) {
        return switch (settings.tls()) {
            case OFF -> "no STARTTLS";
            case OPTIONAL, REQUIRED -> "STARTTLS " + (settings.tls() == dev.scansion.recorder.ClientTls.REQUIRED
                    ? "required" : "offered") + ", certificate " + settings.certificate().orElseThrow().certificateFile();
        };
    }

    private static void stopQuietly(RecordingProxy proxy) {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary directory left behind holds only a throwaway certificate
        }
    }
}
