package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line, in a JVM of its own with a small heap ({@code -Xmx256m}), against
 * {@link HostileXmppServer}s: each run ends on its clocks with a clear message and its reports,
 * never with a stack trace.
 */
@Timeout(120)
class HostileServerCliTest {
    private static final String SCRIPT = """
            # Hostile server
            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: secret

            -----

            Romeo connects

            Romeo receives:
            \t<message id='never'/>
            """;

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, String json, long millis) {
    }

    private Run cli(int port, String script, String... options) throws IOException, InterruptedException {
        Path file = dir.resolve("hostile.scs");
        Files.writeString(file, script);
        return cli(port, List.of(file), options);
    }

    private Run cli(int port, List<Path> files, String... options) throws IOException, InterruptedException {
        Path json = dir.resolve("report.json");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", classpath(), "dev.scansion.cli.Main", "run",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--tls", "off", "--json", json.toString()));
        cmd.addAll(List.of(options));
        files.forEach(f -> cmd.add(f.toString()));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the run did not end");
        } finally {
            p.destroyForcibly();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err),
                Files.exists(json) ? Files.readString(json) : "", millis);
    }

    /** The test JVM's class path: our classes and every dependency (Surefire sets it to the real path). */
    private static String classpath() {
        String cp = System.getProperty("java.class.path");
        assertTrue(cp.contains("classes"), "no usable class path: " + cp);
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    /** Parses with an independent JSON parser (Jackson): the report must be whole. */
    private static Object parseJson(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "stack trace:\n" + r.err() + r.out());
        assertFalse(r.err().contains("Exception") || r.err().contains("OutOfMemoryError"), r.err());
    }

    @Test
    void aFloodFailsTheStepAtItsTimeoutWithinASmallHeap() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.FLOOD)) {
            Run r = cli(server.port(), SCRIPT, "--timeout", "3s", "--connect-timeout", "2s");
            assertNoStackTrace(r);
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("no matching stanza within 3 s; "), r.out());
            assertTrue(r.out().contains("stanzas set aside (the first 20 kept)"), r.out());
            assertTrue(server.flooded > 20, "the server flooded " + server.flooded);
            assertFalse(r.json().isEmpty(), "no JSON report");
            parseJson(r.json());
            assertTrue(r.json().contains("no matching stanza within 3 s"), r.json());
        }
    }

    @Test
    void oneHugeStanzaIsCutOnTheConsoleAndInTheJson() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.HUGE)) {
            // next mode: the step fails as soon as the huge stanza has arrived, however long that takes
            Run r = cli(server.port(), SCRIPT, "--receive-mode", "next", "--timeout", "60s", "--connect-timeout",
                    "2s");
            assertNoStackTrace(r);
            assertEquals(1, r.exit(), r.out() + r.err());
            String size = "… (" + (HostileXmppServer.HUGE_CHARS + 74) + " bytes)";
            assertTrue(r.out().contains(size), r.out().length() > 2000 ? r.out().substring(0, 2000) : r.out());
            assertTrue(r.out().length() < 1024 * 1024, "console output of " + r.out().length() + " characters");
            parseJson(r.json());
            assertTrue(r.json().contains(size));
            assertTrue(r.json().length() < 1024 * 1024, "JSON of " + r.json().length() + " characters");
        }
    }

    @Test
    void aGarbageServerIsACleanConnectFailure() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.GARBAGE)) {
            Run r = cli(server.port(), SCRIPT, "--connect-timeout", "2s");
            assertNoStackTrace(r);
            assertEquals(3, r.exit(), "a server that sends no XMPP is a runtime error: " + r.out());
            assertTrue(r.out().contains("did not answer with an XMPP stream; it sent: \"HTTP/1.1 400 Bad Request\\r\\n"
                    + "\\e[31m"), r.out());
            assertFalse(r.out().contains("\u001b[31mServer") || r.out().contains("\u0007"), "raw control characters");
            parseJson(r.json());
        }
    }

    /**
     * A server that accepts TCP and never speaks affects every script: the first one ends after
     * its connect timeout as an error, the other two are not run (skipped, with the reason), and
     * the server saw one connection only.
     */
    @Test
    void aSilentServerStopsTheRunAfterTheFirstScript() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.SILENT)) {
            List<Path> files = new ArrayList<>();
            for (String name : List.of("a.scs", "b.scs", "c.scs")) {
                files.add(Files.writeString(dir.resolve(name), SCRIPT));
            }
            Path junit = dir.resolve("junit.xml");
            Run r = cli(server.port(), files, "--connect-timeout", "2s", "--junit", junit.toString());
            assertNoStackTrace(r);
            assertEquals(3, r.exit(), r.out() + r.err());
            assertEquals(1, server.accepted(), "only the first script connected");
            String notRun = "not run: no answer from 127.0.0.1:" + server.port();
            assertTrue(r.out().contains("SKIP  " + files.get(1) + ": " + notRun), r.out());
            assertTrue(r.out().contains("SKIP  " + files.get(2) + ": " + notRun), r.out());
            assertTrue(r.out().contains("0 passed, 0 failed, 1 error, 2 skipped"), r.out());
            var json = (com.fasterxml.jackson.databind.JsonNode) parseJson(r.json());
            assertEquals("error", json.at("/scripts/0/status").asText());
            assertEquals("unreachable", json.at("/scripts/0/failure/kind").asText(), r.json());
            assertEquals("skipped", json.at("/scripts/2/status").asText());
            assertTrue(json.at("/scripts/2/skipReason").asText().startsWith(notRun), r.json());
            String xml = Files.readString(junit);
            assertEquals(2, xml.split("<skipped message=\"" + notRun, -1).length - 1, xml);
            System.out.println("silent server, 3 scripts, --connect-timeout 2s: " + r.millis() + " ms");
        }
    }
}
