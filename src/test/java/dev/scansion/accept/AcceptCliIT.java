package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.testing.ProsodyServer;

/**
 * The accept mode through the packaged CLI in its own process, where a terminal, the environment
 * or the working directory matter: {@code --accept-patch} with {@code git apply}, {@code --accept=review}
 * under a pseudo-terminal (python3's pty module: accept one, skip one, quit; a script changed on disk
 * while the run asked), and the usage errors (CI, no terminal, --jobs).
 */
@Timeout(600)
class AcceptCliIT {
    static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    static final Path JAR = PROJECT.resolve("target/scansion.jar");
    static final Path DRIVER = AcceptCorpusIT.CORPUS.resolve("review-driver.py");
    static ProsodyServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar is built before integration tests");
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    record Run(int code, String output) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + output;
        }
    }

    private List<String> scansion(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "run", "--no-color", "--timeout", "2s", "--host", server.host(), "--port",
                Integer.toString(server.port())));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Run exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().remove("CI");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not end: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private Path copy(String kind, String as) throws IOException {
        Path file = tmp.resolve(as);
        Files.copy(AcceptCorpusIT.CORPUS.resolve("broken/" + kind + ".scs"), file);
        return file;
    }

    private static byte[] original(String kind) throws IOException {
        return Files.readAllBytes(AcceptCorpusIT.CORPUS.resolve("original/" + kind + ".scs"));
    }

    @Test
    void thePatchAppliesWithGitAndGivesWhatAcceptWrites() throws Exception {
        Path patched = copy("child_order", "patched.scs");
        Path inPlace = copy("child_order", "in_place.scs");
        byte[] broken = Files.readAllBytes(patched);
        Run r = exec(scansion("--accept-patch", "fix.diff", "patched.scs"), Map.of("CI", "true"));
        assertEquals(0, r.code(), r.toString());
        assertArrayEquals(broken, Files.readAllBytes(patched), "the patch form leaves the script as it is");
        String diff = Files.readString(tmp.resolve("fix.diff"));
        assertTrue(diff.startsWith("--- a/patched.scs\n+++ b/patched.scs\n@@ "), diff);
        Run apply = exec(List.of("git", "apply", "--verbose", "fix.diff"), Map.of());
        assertEquals(0, apply.code(), apply.toString());
        assertEquals(0, exec(scansion("--accept", "in_place.scs"), Map.of()).code());
        assertArrayEquals(Files.readAllBytes(inPlace), Files.readAllBytes(patched));
        assertArrayEquals(original("child_order"), Files.readAllBytes(patched));
    }

    @Test
    void reviewAcceptsOneSkipsOneAndQuits() throws Exception {
        // one.scs: two broken steps (y, then s: it fails there); two.scs: one (q)
        String text = new String(original("value"), StandardCharsets.UTF_8);
        String versionLine = "\t\t\t<version>1.0</version>\n";
        assertTrue(text.contains(versionLine));
        Path one = tmp.resolve("one.scs");
        int received = text.lastIndexOf(versionLine); // Romeo's receives, not Juliet's sends
        String changed = text.substring(0, received) + "\t\t\t<version>2.0</version>\n"
                + text.substring(received + versionLine.length());
        Files.writeString(one, changed.replace("<name>Prosody</name>", "<name>Ejabberd</name>"));
        Path two = copy("namespace", "two.scs");
        byte[] twoBefore = Files.readAllBytes(two);
        List<String> cmd = new ArrayList<>(List.of("python3", DRIVER.toString(), "y,s,q", "--"));
        cmd.addAll(scansion("--accept=review", "one.scs", "two.scs"));
        Run r = exec(cmd, Map.of());
        assertTrue(r.output().contains("[asked 3]"), r.toString());
        assertTrue(r.output().contains("-\t\t\t<name>Ejabberd</name>") && r.output().contains("+\t\t\t<name>Prosody</name>"),
                "the question shows the change as a diff\n" + r);
        assertEquals(1, r.code(), r.toString());
        assertEquals(changed, Files.readString(one));
        assertArrayEquals(twoBefore, Files.readAllBytes(two));
        assertTrue(r.output().contains("Juliet receives: skipped in the review")
                || r.output().contains("Romeo receives: skipped in the review"), r.toString());
        assertTrue(r.output().contains("quit in the review"), r.toString());
        assertTrue(r.output().contains("accepted 1 step in 1 script; re-run: 0 passed, 1 failed"), r.toString());
    }

    @Test
    void aScriptChangedOnDiskDuringTheRunIsNotOverwritten() throws Exception {
        Path file = copy("value", "changing.scs");
        List<String> cmd = new ArrayList<>(List.of("python3", DRIVER.toString(), "touch:" + file, "--"));
        cmd.addAll(scansion("--accept=review", "changing.scs"));
        Run r = exec(cmd, Map.of());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.output().contains("not written: changing.scs changed on disk since the run read it; not overwritten"),
                r.toString());
        String expected = Files.readString(AcceptCorpusIT.CORPUS.resolve("broken/value.scs"))
                + "# changed while the run asked\n";
        assertEquals(expected, Files.readString(file));
    }

    @Test
    void usageErrorsBeforeAnythingRuns() throws Exception {
        Path file = copy("value", "v.scs");
        byte[] before = Files.readAllBytes(file);
        Run ci = exec(scansion("--accept", "v.scs"), Map.of("CI", "true"));
        assertEquals(2, ci.code(), ci.toString());
        assertTrue(ci.output().contains("--accept does not rewrite scripts in place under CI (CI is set)"), ci.toString());
        Run review = exec(scansion("--accept=review", "v.scs"), Map.of());
        assertEquals(2, review.code(), review.toString());
        assertTrue(review.output().contains("--accept=review asks in the terminal"), review.toString());
        Run jobs = exec(scansion("--accept", "--jobs", "2", "v.scs"), Map.of());
        assertEquals(2, jobs.code(), jobs.toString());
        assertTrue(jobs.output().contains("--accept runs one script at a time"), jobs.toString());
        Run retries = exec(scansion("--accept", "--retries", "1", "v.scs"), Map.of());
        assertEquals(2, retries.code(), retries.toString());
        assertTrue(retries.output().contains("--accept runs each script once: not with --retries"), retries.toString());
        assertArrayEquals(before, Files.readAllBytes(file));
        Run force = exec(scansion("--accept=force", "v.scs"), Map.of("CI", "true"));
        assertEquals(0, force.code(), force.toString());
        assertArrayEquals(original("value"), Files.readAllBytes(file));
    }
}
