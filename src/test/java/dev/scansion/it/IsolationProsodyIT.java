package dev.scansion.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import dev.scansion.testing.ProsodyServer;

/**
 * specs/prosody with {@code --jobs 4} (so isolated), twice at once against one Prosody (insecure
 * authentication: any account logs in) from two processes of the packaged CLI, then once more
 * against the same server: every script passes every time. That proves the names of concurrent
 * runs never meet, across processes too, and that {@code ## serial} scripts (server-wide state, see
 * their headers) are kept apart from the other process's scripts (the server's lock file).
 */
@Timeout(600)
class IsolationProsodyIT {
    private static final Path SPECS = CliRun.projectDir().resolve("specs/prosody");

    @TempDir
    Path tmp;

    @Test
    void theSuiteRunsTwiceAtOnceFromTwoProcessesThenAgain() throws Exception {
        List<Path> scripts = CliRun.scripts(SPECS);
        long serial = 0;
        for (Path s : scripts) serial += Files.readAllLines(s, StandardCharsets.UTF_8).contains("## serial") ? 1 : 0;
        assertTrue(serial > 0 && serial < scripts.size(), "serial scripts: " + serial);
        try (ProsodyServer server = ProsodyServer.start()) {
            List<Process> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) runs.add(cli(server, i, "--jobs", "4"));
            for (int i = 0; i < 2; i++) assertAllPassed(runs.get(i), i, scripts.size());
            assertAllPassed(cli(server, 2, "--jobs", "4"), 2, scripts.size());
        }
    }

    private void assertAllPassed(Process p, int i, int scripts) throws Exception {
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "run " + i + " did not end");
        String out = Files.readString(tmp.resolve("out" + i + ".txt"));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(scripts + " passed, 0 failed, 0 errors"), out);
    }

    private Process cli(ProsodyServer server, int i, String... options) throws IOException {
        Path jar = CliRun.projectDir().resolve("target/scansion.jar");
        assertTrue(Files.isRegularFile(jar), "the packaged jar is built before integration tests");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "run", "--no-color", "--host", server.host(), "--port",
                Integer.toString(server.port())));
        command.addAll(List.of(options));
        command.add(SPECS.toString());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out" + i + ".txt").toFile()).start();
    }
}
