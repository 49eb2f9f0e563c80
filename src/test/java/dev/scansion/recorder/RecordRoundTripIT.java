package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.author.Conversation;
import dev.scansion.author.Generaliser;
import dev.scansion.cli.Main;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/**
 * The round trip, with our own runner as the client: every script in specs/prosody is run through
 * the proxy against one Prosody (in the order SpecsIT runs them, so the server's state evolves the
 * same way); each recording must have the original's actors in the same roles and its connects,
 * sends and disconnects in the same order, with at least the receives the original expects. Each
 * recording, written by the generaliser, is then replayed against a second, fresh Prosody in the
 * same order, and must pass. Odd scripts are recorded over STARTTLS (the generated certificate,
 * trusted with --trust-cert), even ones over a plain stream.
 */
@Timeout(900)
class RecordRoundTripIT {
    private static final Path SPECS = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("specs/prosody");
    private static ProsodyServer recorded;
    private static ProsodyServer replayed;
    private static ProxyCertificate certificate;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws IOException {
        recorded = ProsodyServer.start();
        replayed = ProsodyServer.start();
        certificate = ProxyCertificate.generate("localhost", tmp, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (recorded != null) recorded.close();
        if (replayed != null) replayed.close();
    }

    /** Every spec recorded, in order, through one proxy each: the recordings, and what did not correspond. */
    private static final List<Path> recordings = new ArrayList<>();
    private static final List<String> recordProblems = new ArrayList<>();

    private static synchronized void recordAll() throws Exception {
        if (!recordings.isEmpty() || !recordProblems.isEmpty()) return;
        List<Path> scripts = scripts();
        assertTrue(scripts.size() > (System.getProperty("record.only") == null ? 10 : 0), "specs/prosody: " + scripts);
        for (int i = 0; i < scripts.size(); i++) {
            Path script = scripts.get(i);
            Path recording = tmp.resolve(script.getFileName());
            recordProblems.addAll(record(script, recording, i % 2 == 1));
            if (Files.exists(recording)) recordings.add(recording);
        }
    }

    @Test
    void recordingsCorrespondToTheOriginals() throws Exception {
        recordAll();
        assertEquals(List.of(), recordProblems, String.join("\n\n", recordProblems));
    }

    @Test
    void recordingsReplayGreenAgainstAFreshServer() throws Exception {
        recordAll();
        List<String> problems = new ArrayList<>();
        for (Path recording : recordings) {
            Cli replay = cli("run", "--no-color", "--host", replayed.host(), "--port",
                    Integer.toString(replayed.port()), recording.toString());
            if (replay.code() != 0) {
                problems.add(recording.getFileName() + ": the recording does not replay green:\n" + replay
                        + "\n--- script\n" + Files.readString(recording));
            }
        }
        assertFalse(recordings.isEmpty());
        assertEquals(List.of(), problems, String.join("\n\n", problems));
    }

    /** Runs {@code script} through a proxy, checks the recording against it, writes it; the problems found. */
    private static List<String> record(Path script, Path out, boolean tls) throws Exception {
        ProxySettings settings = new ProxySettings(ListenAddress.parse("127.0.0.1:0"),
                tls ? ClientTls.REQUIRED : ClientTls.OFF, tls ? Optional.of(certificate) : Optional.empty(),
                RunConfig.defaults().withHost(recorded.host()).withPort(recorded.port())
                        .withConnectTimeout(Duration.ofSeconds(10)), ProxySettings.MAX_CLIENTS);
        Conversation conversation;
        try (RecordingProxy proxy = RecordingProxy.start(settings, new SmackSessionFactory(), ProxyListener.NONE,
                false)) {
            List<String> args = new ArrayList<>(List.of("run", "--no-color", "--host", "127.0.0.1", "--port",
                    Integer.toString(proxy.port()), "--tls", tls ? "required" : "off", "--settle", "50ms"));
            if (tls) args.addAll(List.of("--trust-cert", certificate.certificateFile().toString()));
            args.add(script.toString());
            Cli run = cli(args.toArray(String[]::new));
            if (run.code() != 0) return List.of(script.getFileName() + ": fails through the proxy:\n" + run);
            proxy.stop();
            conversation = proxy.conversation();
        }
        String text = Generaliser.generalise(conversation, Generaliser.Options.titled("Recorded "
                + script.getFileName())).text();
        Files.writeString(out, text, StandardCharsets.UTF_8);
        Script original = parse(script, Files.readString(script));
        Script recording = parse(out, text);
        return correspondence(script.getFileName().toString(), original, recording);
    }

    /**
     * The recording's actors are the original's (same account and resource); its connects and sends
     * are the original's, in the same order (a send after the actor's disconnect is skipped by the
     * runner, so not recorded); the original's disconnects stand in the same order among them; and
     * each actor receives at least the stanzas the original expects (a script checks them where it
     * chooses, the recording has them where they arrived).
     */
    private static List<String> correspondence(String name, Script original, Script recording) {
        Map<String, String> byAccount = new HashMap<>();
        for (Actor a : original.actors()) byAccount.put(account(a), a.name());
        Map<String, String> roles = new HashMap<>();
        for (Actor a : recording.actors()) {
            String role = byAccount.get(account(a));
            if (role == null) return List.of(name + ": recorded actor " + a.name() + " (" + account(a) + ") is not in the original");
            roles.put(a.name(), role);
        }
        List<String> problems = new ArrayList<>();
        List<String> want = acts(original, Map.of(), true);
        List<String> got = acts(recording, roles, true);
        if (!subsequence(want, got)) problems.add(name + ": disconnects out of place\n  original:  " + want + "\n  recording: " + got);
        List<String> wantActs = acts(original, Map.of(), false);
        List<String> gotActs = acts(recording, roles, false);
        if (!wantActs.equals(gotActs)) {
            problems.add(name + ": connects and sends differ\n  original:  " + wantActs + "\n  recording: " + gotActs);
        }
        Map<String, Integer> expected = receives(original, Map.of());
        Map<String, Integer> arrived = receives(recording, roles);
        expected.forEach((actor, n) -> {
            if (arrived.getOrDefault(actor, 0) < n) {
                problems.add(name + ": " + actor + " receives " + arrived.getOrDefault(actor, 0) + " stanzas, the original expects " + n);
            }
        });
        return problems;
    }

    private static String account(Actor a) {
        return a.bareJid() + "/" + a.requestedResource().orElse("");
    }

    /** "Romeo connects", "Romeo sends" (one per stanza), and with {@code disconnects} "Romeo disconnects". */
    private static List<String> acts(Script s, Map<String, String> roles, boolean disconnects) {
        List<String> steps = new ArrayList<>();
        java.util.Set<String> gone = new java.util.HashSet<>();
        for (Step step : s.steps()) {
            String actor = roles.getOrDefault(step.actor(), step.actor());
            if (step instanceof Step.Connect) {
                gone.remove(actor);
                steps.add(actor + " connects");
            } else if (step instanceof Step.Send send && !gone.contains(actor)) {
                send.payload().forEach(p -> steps.add(actor + " sends"));
            } else if (step instanceof Step.Disconnect) {
                gone.add(actor);
                if (disconnects) steps.add(actor + " disconnects");
            }
        }
        return steps;
    }

    private static Map<String, Integer> receives(Script s, Map<String, String> roles) {
        Map<String, Integer> counts = new HashMap<>();
        for (Step step : s.steps()) {
            if (step instanceof Step.Receive r) {
                counts.merge(roles.getOrDefault(step.actor(), step.actor()), r.payload().size(), Integer::sum);
            }
        }
        return counts;
    }

    private static boolean subsequence(List<String> want, List<String> got) {
        int i = 0;
        for (String g : got) if (i < want.size() && want.get(i).equals(g)) i++;
        return i == want.size();
    }

    private static Script parse(Path file, String text) {
        var parsed = ScriptParser.parse(file.toString(), text, ParseOptions.CHECK);
        assertTrue(parsed.script().isPresent(), file + ": " + parsed.diagnostics() + "\n" + text);
        return parsed.script().get();
    }

    private record Cli(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Cli(cl.execute(args), out.toString(), err.toString());
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SPECS)) {
            // -Drecord.only=NAME narrows the round trip to the specs whose names contain NAME, when looking into one.
            String only = System.getProperty("record.only", "");
            List<Path> all = files.filter(p -> p.toString().endsWith(".scs"))
                    .filter(p -> p.getFileName().toString().contains(only)).sorted().toList();
            assertFalse(all.isEmpty());
            return all;
        }
    }
}
