package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.testing.ProsodyServer;


/** The executor against a real Prosody (started by the test harness). */
@Timeout(300)
class ScriptRunnerIT {
    private static ProsodyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private RunConfig config() {
        return RunConfig.defaults().withHost(server.host()).withPort(server.port());
    }

    private Path script(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private ScriptResult run(Path file, RunListener listener) {
        return new ScriptRunner(config(), new SmackSessionFactory(), listener).runFile(file);
    }

    @Test
    void interleavedSendsKeepTheScriptOrderFiftyTimesInARow() throws IOException {
        Path file = script("interleaving.scs");
        ScriptRunner runner = new ScriptRunner(config(), new SmackSessionFactory(), RunListener.NONE);
        for (int i = 1; i <= 50; i++) {
            ScriptResult r = runner.runFile(file);
            int attempt = i;
            assertEquals(ScriptStatus.PASSED, r.status(), () -> "attempt " + attempt + ": " + r.failure());
        }
    }

    @Test
    void interleavedSendsKeepTheScriptOrderInNextModeToo() throws IOException {
        Path file = script("interleaving.scs");
        ScriptRunner runner = new ScriptRunner(config().withReceiveMode(ReceiveMode.NEXT), new SmackSessionFactory(),
                RunListener.NONE);
        for (int i = 1; i <= 20; i++) {
            ScriptResult r = runner.runFile(file);
            assertEquals(ScriptStatus.PASSED, r.status(), () -> String.valueOf(r.failure()));
        }
    }

    @Test
    void aStreamErrorFailsTheNextStepOfThatActorNamingTheCondition() throws IOException {
        ScriptResult r = run(script("conflict.scs"), RunListener.NONE);
        assertEquals(ScriptStatus.FAILED, r.status());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.STREAM_CLOSED, f.kind());
        assertTrue(message(f).contains("conflict"), message(f));
        assertEquals(18, f.at().line());
    }

    @Test
    void actorsLeftConnectedAreDisconnectedSoTheNextScriptStartsClean() throws IOException {
        Path file = script("room_left_open.scs");
        for (int i = 0; i < 3; i++) {
            ScriptResult r = run(file, RunListener.NONE);
            assertEquals(ScriptStatus.PASSED, r.status(), () -> String.valueOf(r.failure()));
        }
    }

    @Test
    void capturesFeedLaterStanzas() throws IOException {
        ScriptResult r = run(script("captures.scs"), RunListener.NONE);
        assertEquals(ScriptStatus.PASSED, r.status(), () -> String.valueOf(r.failure()));
        assertTrue(r.transcriptOf("Romeo").stream().anyMatch(e -> e.xml().contains("id=\"again-v1\"")),
                r.transcript().toString());
    }

    @Test
    void traceAndTranscriptCarryNoPasswordOrSaslPayload() throws IOException {
        Path file = dir.resolve("secret.scs");
        Files.writeString(file, Files.readString(script("captures.scs")).replace("password: password",
                "password: pw-Wy7Qz-secret"));
        List<String> trace = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public boolean wantsWire() {
                return true;
            }

            @Override
            public void wire(String actor, Direction direction, String xml) {
                trace.add(xml);
            }
        };
        ScriptResult r = run(file, listener);
        assertEquals(ScriptStatus.PASSED, r.status(), () -> String.valueOf(r.failure()));
        String all = String.join("\n", trace) + r;
        assertFalse(all.contains("pw-Wy7Qz-secret"), "password in output");
        String plain = java.util.Base64.getEncoder().encodeToString("\0romeo\0pw-Wy7Qz-secret".getBytes());
        assertFalse(all.contains(plain), "SASL PLAIN payload in output");
        assertTrue(trace.stream().anyMatch(x -> x.startsWith("<auth") && x.contains(SaslRedactor.REDACTED)));
        assertTrue(r.transcript().stream().noneMatch(e -> e.xml().contains("xmpp-sasl")));
    }

    @Test
    void unreachableServerIsAnErrorNotAFailure() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ScriptResult r = new ScriptRunner(config().withPort(closed)).runFile(script("captures.scs"));
        assertEquals(ScriptStatus.ERROR, r.status());
        assertEquals(Failure.Kind.UNREACHABLE, r.failure().orElseThrow().kind());
        assertTrue(message(r.failure().orElseThrow()).contains("Connection refused"), r.failure().toString());
    }

    @Test
    void noConnectionThreadsOutliveARun() throws Exception {
        run(script("interleaving.scs"), RunListener.NONE);
        run(script("conflict.scs"), RunListener.NONE);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> smack;
        do {
            smack = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("Smack Reader") || n.startsWith("Smack Writer")).toList();
            if (smack.isEmpty()) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertEquals(List.of(), smack);
    }

    /** The failure's one-line message, as every report words it. */
    private static String message(Failure f) {
        return dev.scansion.report.FailureMessages.of(f);
    }
}
