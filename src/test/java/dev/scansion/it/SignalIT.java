package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.scansion.testing.ProsodyServer;

/**
 * A CI job's timeout, for real: the packaged CLI runs two scripts against Prosody (the first
 * passes, the second waits a minute for a stanza that never comes) and gets SIGTERM or SIGINT
 * during that wait. It must stop at once, mark the waiting script interrupted, write every
 * requested report for what ran, and exit with the signal's status.
 */
@Timeout(120)
class SignalIT {
    private static ProsodyServer server;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void aSignalLeavesEveryReport(String signal, int status) throws Exception {
        Path dir = Files.createTempDirectory(tmp, signal);
        Files.writeString(dir.resolve("a_pings.scs"), """
                # Pings
                [Client] Romeo
                \tjid: romeo@localhost
                \tpassword: pw
                -----
                Romeo connects
                Romeo sends:
                \t<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>
                Romeo receives:
                \t<iq type='result' id='p1'/>
                """);
        Files.writeString(dir.resolve("b_waits.scs"), """
                # Waits for ever
                [Client] Juliet
                \tjid: juliet@localhost
                \tpassword: pw
                -----
                Juliet connects
                Juliet sends:
                \t<message to='nobody@localhost' id='m1'><body>hello?</body></message>
                Juliet receives:
                \t<message id='never'/>
                """);
        Files.writeString(dir.resolve("c_never_runs.scs"), Files.readString(dir.resolve("a_pings.scs")));
        Path json = dir.resolve("run.json");
        Path junit = dir.resolve("junit.xml");
        Path jar = CliRun.projectDir().resolve("target/scansion.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar is built before integration tests");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", "--no-color", "-v", "--timeout", "60s", "--host", server.host(), "--port",
                Integer.toString(server.port()), "--json", json.toString(), "--junit", junit.toString(),
                "--transcripts", dir.resolve("transcripts").toString(), dir.toString())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        long started = System.nanoTime();
        // -v traces every stanza on stderr: Juliet's message means her receive step is waiting now.
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (line.contains("[Juliet] ->") && line.contains("hello?")) break;
            }
            assertTrue(p.isAlive(), "the run ended before the signal:\n" + err);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
            while ((line = r.readLine()) != null) err.append(line).append('\n');
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run did not stop after SIG" + signal);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String out = Files.readString(dir.resolve("out.txt"));
        String all = "exit " + p.exitValue() + "\n" + out + err;
        assertEquals(status, p.exitValue(), all);
        assertTrue(seconds < 30, "stopped at once, not at the 60 s timeout: " + seconds + " s");
        assertFalse(err.toString().contains("Exception"), all);
        assertTrue(out.contains("PASS  Pings"), all);
        assertTrue(out.contains("INTR  Waits for ever"), all);
        assertTrue(out.contains("1 passed, 0 failed, 0 errors, 1 interrupted"), all);
        assertTrue(err.toString().contains("interrupted: stopped after 2 scripts; the reports cover them"), all);

        String report = Files.readString(json);
        assertTrue(report.contains("\"status\": \"interrupted\"") || report.contains("\"status\":\"interrupted\""),
                report);
        assertFalse(report.contains("c_never_runs"), "a script after the signal does not run");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"), Files.readString(junit));
        assertEquals(1, doc.getElementsByTagName("error").getLength(), Files.readString(junit));
        try (var files = Files.list(dir.resolve("transcripts"))) {
            List<Path> transcripts = files.toList();
            assertEquals(2, transcripts.size(), transcripts.toString());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp")), "no temporary file left");
        }
    }
}
