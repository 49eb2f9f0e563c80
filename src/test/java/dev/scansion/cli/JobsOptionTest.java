package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.scansion.report.FakeServer;

/** {@code scansion run --jobs N} against {@link FakeServer}: validation, exit codes, report order. */
@Timeout(60)
class JobsOptionTest {
    @TempDir
    Path dir;

    private final FakeServer server = new FakeServer();

    private CliRunner.Run run(String... args) {
        return CliRunner.run(server, Map.of(), args);
    }

    /** An echo script with its own account; {@code body} differs from what comes back when {@code fails}. */
    private String write(String name, boolean fails) throws IOException {
        String text = "# " + name + "\n\n[Client] A\n\tjid: " + name + "@localhost/r\n\tpassword: pw\n\n-----\n\n"
                + "A connects\n\nA sends:\n\t<message id='m'><body>hi</body></message>\n\nA receives:\n"
                + "\t<message id='m'><body>" + (fails ? "bye" : "hi") + "</body></message>\n";
        return Files.writeString(dir.resolve(name + ".scs"), text, StandardCharsets.UTF_8).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "-2", "many"})
    void jobsOutsideOneToSixtyFourIsAUsageError(String jobs) throws IOException {
        CliRunner.Run r = run("--jobs", jobs, write("a", false));
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--jobs"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(server.requests.isEmpty(), "nothing connected");
    }

    @Test
    void theReportsKeepTheSelectionsOrderAndTheExitCodeIsUnchanged() throws IOException {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= 6; i++) files.add(write("s" + i, i == 4));
        Path json = dir.resolve("out.json");
        CliRunner.Run r = run("--jobs", "3", "--json", json.toString(), dir.toString());
        assertEquals(ExitCodes.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("5 passed, 1 failed, 0 errors"), r.out());
        String report = Files.readString(json);
        int last = -1;
        for (String f : files) {
            int at = report.indexOf(f.replace("\\", "\\\\"));
            assertTrue(at > last, f + " in order in " + report);
            last = at;
        }
        assertEquals(6, server.requests.size());
    }
}
