package dev.scansion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.scansion.author.Conversation;
import dev.scansion.author.Generaliser;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.recorder.ListenAddress;
import dev.scansion.recorder.ProxyCertificate;
import dev.scansion.recorder.ProxySettings;
import dev.scansion.recorder.RecordingProxy;
import dev.scansion.report.ReportFiles;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scansion record}: a recording proxy between real clients and the server; when stopped
 * (SIGINT/SIGTERM, or {@code --once}) the conversation is written as a script.
 */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Record a script: clients connect to --listen instead of the server; the proxy logs in "
                + "upstream with their credentials (SASL PLAIN from the client), relays their stanzas and, on "
                + "Ctrl-C or with --once, writes what it saw as a script.",
                "Exit codes: 0 written, 2 usage error or nothing recorded (no file written), 3 cannot listen, "
                        + "make a certificate or write the file; after SIGINT/SIGTERM the script is written and the "
                        + "status is the signal's (130, 143)."})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Real connections upstream; tests give a fake server. */
    private final SessionFactory sessions;

    RecordCommand() {
        this(new SmackSessionFactory());
    }

    RecordCommand(SessionFactory sessions) {
        this.sessions = sessions;
    }

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
        RunConfig upstream = server.applyTo(RunConfig.defaults(), spec);
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

    private ProxySettings settings(RunConfig upstream, Path certDir) throws IOException {
        // The address first: a typo there is said before a certificate is made.
        ListenAddress address = listen.address(spec.commandLine());
        Optional<ProxyCertificate> certificate = listen.certificate(spec.commandLine(), certDir);
        return new ProxySettings(address, listen.tls, certificate, upstream, ProxySettings.MAX_CLIENTS);
    }

    private int record(RecordingProxy proxy, ProxySettings settings, RunConfig upstream, Path certDir)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("recording: clients connect to " + proxy.address() + " (" + tlsLine(settings) + "); logins go to "
                + upstream.host().orElse("each JID's domain") + upstream.port().map(p -> ":" + p).orElse("")
                + "; " + (once ? "stops when every client has gone" : "Ctrl-C stops") + " and writes " + output);
        out.flush();
        try (StopOnSignal stop = StopOnSignal.install(() -> stopQuietly(proxy),
                upstream.connectTimeout().plusSeconds(5))) {
            proxy.awaitFinished();
            proxy.stop();
            // Now, while a signal's hook still waits: once this block ends, the JVM may exit.
            deleteTree(certDir);
            if (proxy.full()) out.println("the recording reached its bounds: nothing after that was recorded");
            return write(proxy.conversation(), upstream);
        } finally {
            proxy.stop();
        }
    }

    private int write(Conversation conversation, RunConfig upstream) {
        PrintWriter err = spec.commandLine().getErr();
        if (conversation.connections().isEmpty()) {
            err.println("nothing recorded: no client logged in through the proxy; " + output + " not written");
            return ExitCodes.USAGE;
        }
        String name = output.getFileName().toString().replaceFirst("\\.scs$", "");
        Generaliser.Options options = new Generaliser.Options(title != null ? title : name,
                Optional.ofNullable(passwordEnv), Set.of());
        Generaliser.Generalised script = Generaliser.generalise(conversation, options);
        List<String> problems = ReportFiles.writeText(output, script.text());
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("error: " + p));
            return ExitCodes.RUNTIME;
        }
        spec.commandLine().getOut().println("wrote " + output + ": " + summary(conversation, script.text()));
        if (verify) verify(conversation, options, script, upstream);
        return ExitCodes.OK;
    }

    /**
     * {@code --verify}: replays the written script against the same server and widens what differs
     * (issue 14); the replay loop is wired here.
     */
    private void verify(Conversation conversation, Generaliser.Options options, Generaliser.Generalised script,
                        RunConfig upstream) {
        // Filled by the replay loop (issue 14): replay, widen what differs, write again, at most 3 rounds.
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
