package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.report.FakeServer;

/** {@code --isolate} on whole runs against {@link FakeServer}: the server sees isolated names, reports the script's. */
@Timeout(60)
class IsolationCliTest {
    /** Fails at Juliet's receives: the sender's resource differs. */
    private static final String SCRIPT = """
            # Isolated

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: pw

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: pw

            -----

            Romeo connects

            Juliet connects

            Romeo sends:
            \t<message to="juliet@localhost" id="m1"><body>for nurse@localhost</body></message>

            Juliet receives:
            \t<message from="romeo@localhost/elsewhere" id="m1"><body>for nurse@localhost</body></message>
            """;

    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();

    private CliRunner.Run run(String... args) {
        return CliRunner.run(server, Map.of(), args);
    }

    private String script() throws IOException {
        return Files.writeString(dir.resolve("iso.scs"), SCRIPT, StandardCharsets.UTF_8).toString();
    }

    /** The marker the run appended to every name, read from what the server was asked for. */
    private String marker() {
        String jid = server.requests.get(0).jid();
        assertTrue(jid.matches("romeo-[a-z0-9_]+@localhost"), jid);
        return jid.substring("romeo".length(), jid.indexOf('@'));
    }

    @Test
    void aFailingIsolatedScriptIsReportedWithItsOwnNames() throws IOException {
        Path json = dir.resolve("out.json");
        CliRunner.Run r = run("--isolate", "-v", "--json", json.toString(), script());
        assertEquals(ExitCodes.FAILED, r.code(), r.out() + r.err());
        String marker = marker();
        assertEquals("juliet" + marker + "@localhost", server.requests.get(1).jid());
        assertTrue(server.log.stream().anyMatch(l -> l.contains("to=\"juliet" + marker + "@localhost\"")
                && l.contains("nurse" + marker + "@localhost")), server.log.toString());
        // console and JSON: the script's names, the difference in them too
        assertFalse(r.out().contains(marker), r.out());
        assertTrue(r.out().contains("expected: romeo@localhost/elsewhere")
                && r.out().contains("received: romeo@localhost/fake1"), r.out());
        assertTrue(r.out().contains("(bound romeo@localhost/fake1)"), r.out());
        String report = Files.readString(json);
        assertFalse(report.contains(marker), report);
        assertTrue(report.contains("romeo@localhost/fake1") && report.contains("nurse@localhost"), report);
        // -v: the renames once, then the wire as sent
        assertTrue(r.err().contains("isolated: romeo@localhost → romeo" + marker + "@localhost, juliet@localhost → juliet"
                + marker + "@localhost, nurse@localhost → nurse" + marker + "@localhost"), r.err());
    }

    @Test
    void offByDefaultAndWithNoIsolate() throws IOException {
        String s = script();
        run(s);
        run("--no-isolate", s);
        assertTrue(server.requests.stream().allMatch(q -> q.jid().equals("romeo@localhost")
                || q.jid().equals("juliet@localhost")), server.requests.toString());
    }

    @Test
    void registerWithoutIsolationIsAUsageError() throws IOException {
        CliRunner.Run r = run("--register", "--no-isolate", script());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--register needs isolation"), r.err());
        assertTrue(server.requests.isEmpty());
    }
}
