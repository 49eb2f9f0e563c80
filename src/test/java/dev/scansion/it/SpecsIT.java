package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.testing.EjabberdServer;
import dev.scansion.testing.ProsodyServer;
import dev.scansion.testing.XmppTestServer;

/**
 * The project's own conversation suite: specs/prosody against a fresh Prosody and
 * specs/ejabberd against a fresh ejabberd, each set in sorted order against one server,
 * through the real CLI. Every script must pass, and the count of passed scripts must equal
 * the count of files, so an empty or half-selected suite cannot pass.
 */
@Timeout(600)
class SpecsIT {
    private static final Path SPECS = CliRun.projectDir().resolve("specs");

    @TempDir
    Path tmp;

    @Test
    void prosodySpecsAllPass() throws IOException {
        try (ProsodyServer server = ProsodyServer.start()) {
            assertAllPass(server, SPECS.resolve("prosody"));
        }
    }

    @Test
    void ejabberdSpecsAllPass() throws IOException {
        try (EjabberdServer server = EjabberdServer.start()) {
            assertAllPass(server, SPECS.resolve("ejabberd"));
        }
    }

    /** Each script says which server it is written for, so that tag filters can select them. */
    @Test
    void everySpecNamesItsServer() throws IOException {
        for (String kind : List.of("prosody", "ejabberd")) {
            for (Path script : existingScripts(SPECS.resolve(kind))) {
                List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
                assertTrue(lines.get(0).startsWith("# "), script + ": first line must be the '# Title'");
                assertTrue(lines.contains("## server: " + kind), script + ": missing '## server: " + kind + "'");
            }
        }
    }

    /** A spec with one expectation changed must fail, and the report must point at the changed line. */
    @Test
    void aBrokenCopyOfASpecFailsAtTheChangedLine() throws IOException {
        Path original = SPECS.resolve("prosody/ping.scs");
        String expected = "<iq type=\"result\" id=\"ping1\" from=\"localhost\"/>";
        String text = Files.readString(original, StandardCharsets.UTF_8);
        assertTrue(text.contains(expected), original + " no longer holds the expectation this test changes");
        Path broken = tmp.resolve("ping_broken.scs");
        Files.writeString(broken, text.replace(expected, expected.replace("\"localhost\"", "\"pubsub.localhost\"")),
                StandardCharsets.UTF_8);
        int line = lineOf(broken, "from=\"pubsub.localhost\"");

        try (ProsodyServer server = ProsodyServer.start()) {
            CliRun run = CliRun.against(server, "--timeout", "2s", broken.toString());
            assertEquals(1, run.exitCode(), run.transcript());
            assertEquals(0, run.passed(), run.transcript());
            assertTrue(run.out().contains(broken + ":" + line + ":"),
                    "the report does not name " + broken.getFileName() + ":" + line + "\n" + run.transcript());
            assertTrue(run.out().contains("pubsub.localhost"), run.transcript());
        }
    }

    private static void assertAllPass(XmppTestServer server, Path dir) throws IOException {
        List<Path> scripts = existingScripts(dir);
        CliRun run = CliRun.against(server, dir.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(scripts.size(), run.passed(), "passed scripts vs files in " + dir + "\n" + run.transcript());
        assertEquals(scripts.size(), run.passLines(), run.transcript());
        for (Path script : scripts) {
            assertTrue(run.out().contains("(" + script + ")"), script + " was not reported as run\n" + run.transcript());
        }
    }

    private static List<Path> existingScripts(Path dir) throws IOException {
        List<Path> scripts = CliRun.scripts(dir);
        assertFalse(scripts.isEmpty(), "no *.scs scripts in " + dir + ": the suite would pass vacuously");
        return scripts;
    }

    private static int lineOf(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) return i + 1;
        }
        throw new AssertionError(needle + " not in " + file);
    }
}
