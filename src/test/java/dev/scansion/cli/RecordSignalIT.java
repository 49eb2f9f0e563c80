package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.exec.TlsSettings;
import dev.scansion.exec.WireTap;
import dev.scansion.testing.ProsodyServer;

/**
 * {@code scansion record} as a user runs it: the packaged CLI in front of Prosody, stopped by a real
 * signal. A client still connected at SIGINT is closed and the script is written; a SIGTERM before
 * anyone logged in writes nothing and says so.
 */
@Timeout(120)
class RecordSignalIT {
    private static final Pattern LISTENING = Pattern.compile("clients connect to 127\\.0\\.0\\.1:(\\d+) \\(STARTTLS offered, certificate (\\S+)\\)");
    private static ProsodyServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void sigintWritesWhatWasRecordedOverStarttls() throws Exception {
        Path script = tmp.resolve("pings.scs");
        Process p = record(script);
        try (BufferedReader out = reader(p)) {
            Matcher listening = awaitListening(out);
            ActorSession romeo = new SmackSessionFactory().connect(new ConnectRequest("Romeo", "romeo@localhost",
                    "romeo-pw-9", Optional.of("balcony"), "127.0.0.1", Integer.parseInt(listening.group(1)),
                    new TlsSettings(TlsSettings.TlsPolicy.REQUIRED, false, Optional.of(Path.of(listening.group(2)))),
                    Duration.ofSeconds(10)), WireTap.NONE);
            romeo.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertTrue(romeo.next(Duration.ofSeconds(10)).orElseThrow() instanceof Inbound.Stanza);
            kill(p, "INT");
            assertTrue(romeo.next(Duration.ofSeconds(10)).orElseThrow().terminal(), "the proxy closed the client's stream");
            String rest = drain(out);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            // Ctrl-C is how a recording ends: the command finishes as with --once, and verifies.
            assertEquals(0, p.exitValue(), rest + err);
            assertTrue(rest.contains("wrote " + script + ": 1 actor, "), rest + err);
            assertTrue(rest.contains("verified: replays green"), rest + err);
            assertFalse(err.contains("Exception") || rest.contains("romeo-pw-9"), rest + err);
        }
        String text = Files.readString(script);
        assertTrue(text.contains("Romeo connects") && text.contains("urn:xmpp:ping") && text.contains("Romeo disconnects"), text);
    }

    @Test
    void sigtermBeforeAnyLoginWritesNothing() throws Exception {
        Path script = tmp.resolve("none.scs");
        Process p = record(script);
        String rest;
        Path cert;
        try (BufferedReader out = reader(p)) {
            cert = Path.of(awaitListening(out).group(2));
            assertTrue(Files.exists(cert));
            kill(p, "TERM");
            rest = drain(out);
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), rest + err);
        assertTrue(err.contains("nothing recorded: no client logged in through the proxy; " + script + " not written"),
                rest + err);
        assertFalse(Files.exists(script));
        assertFalse(Files.exists(cert.getParent()), "the generated certificate is removed");
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private Process record(Path script) throws IOException {
        Path jar = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target/scansion.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar is built before integration tests");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "record", "--listen", "127.0.0.1:0", "--host", server.host(), "--port",
                Integer.toString(server.port()), "-o", script.toString()));
        return new ProcessBuilder(command).start();
    }

    private static BufferedReader reader(Process p) {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    }

    private static Matcher awaitListening(BufferedReader out) throws IOException {
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) return m;
        }
        throw new AssertionError("the proxy did not start:\n" + seen);
    }

    private static String drain(BufferedReader out) throws IOException {
        StringBuilder rest = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) rest.append(line).append('\n');
        return rest.toString();
    }

    private static void kill(Process p, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
    }
}
