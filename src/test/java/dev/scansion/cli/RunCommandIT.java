package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.testing.ProsodyServer;
import picocli.CommandLine;

/** {@code scansion run} end to end against a real Prosody. */
@Timeout(300)
class RunCommandIT {
    private static final Path SEED = Path.of("/work/shared/seed/muc_members_only_deregister.scs");
    private static ProsodyServer server;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() throws Exception {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(Main.normalise(args));
    }

    private String[] against(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--host", server.host(), "--port",
                Integer.toString(server.port())));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** The seed script (from the shared folder, or the copy in the test resources). */
    private Path seed() throws IOException {
        Path copy = dir.resolve("muc_members_only_deregister.scs");
        if (Files.isReadable(SEED)) {
            Files.copy(SEED, copy);
        } else {
            try (var in = getClass().getResourceAsStream("/dev/scansion/exec/muc_members_only_deregister.scs")) {
                Files.copy(in, copy);
            }
        }
        return copy;
    }

    @Test
    void theSeedScriptPasses() throws IOException {
        int code = run(against(seed().toString()));
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        assertTrue(out.toString().contains("1 passed, 0 failed"), out.toString());
    }

    @Test
    void nextModePassesWhenEveryStanzaIsExpectedInOrder() throws IOException {
        Path p = dir.resolve("interleaving.scs");
        try (var in = getClass().getResourceAsStream("/dev/scansion/exec/interleaving.scs")) {
            Files.copy(in, p);
        }
        int code = run(against("--receive-mode", "next", p.toString()));
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
    }

    @Test
    void nextModeFailsWhereSkipModeWouldSetAStanzaAside() throws IOException {
        // The seed skips Prosody's status-104 notification; in next mode it must fail on it.
        int code = run(against("--receive-mode", "next", "--timeout", "1s", seed().toString()));
        assertEquals(ExitCodes.FAILED, code, out + "\n" + err);
        assertTrue(out.toString().contains("the next stanza does not match"), out.toString());
    }

    @Test
    void aChangedExpectationFailsAtItsLine() throws IOException {
        String text = Files.readString(seed());
        String changed = text.replace("affiliation='owner' role='moderator'", "affiliation='owner' role='visitor'");
        assertFalse(text.equals(changed));
        Path broken = dir.resolve("broken.scs");
        Files.writeString(broken, changed);
        List<String> lines = changed.lines().toList();
        int itemLine = indexOf(lines, "role='visitor'") + 1;
        int stepLine = lastIndexBefore(lines, "Romeo receives:", itemLine) + 1;
        int code = run(against("--timeout", "1s", broken.toString()));
        assertEquals(ExitCodes.FAILED, code, out + "\n" + err);
        String report = out.toString();
        assertTrue(report.contains("--> " + broken + ":" + stepLine + ":1"), report);
        assertTrue(report.contains(broken + ":" + itemLine + ":"), report);
        assertTrue(report.contains("expected: visitor"), report);
        assertTrue(report.contains("received: moderator"), report);
        assertTrue(report.contains("0 passed, 1 failed"), report);
    }

    @Test
    void aDirectoryRunsEveryScriptInOrderAndAFailureDoesNotStopTheRun() throws IOException {
        Path d = Files.createDirectories(dir.resolve("suite"));
        String text = Files.readString(seed());
        Files.writeString(d.resolve("a_pass.scs"), text);
        Files.writeString(d.resolve("b_fail.scs"), text.replace("<status code='201'/>", "<status code='999'/>"));
        Files.writeString(d.resolve("c_pass.scs"), text.replace("# MUC:", "# Again MUC:"));
        int code = run(against("--timeout", "1s", d.toString()));
        assertEquals(ExitCodes.FAILED, code, out + "\n" + err);
        List<String> results = out.toString().lines().filter(l -> l.matches("^(PASS|FAIL|ERROR|SKIP).*")).toList();
        assertEquals(3, results.size(), out.toString());
        assertTrue(results.get(0).startsWith("PASS") && results.get(0).contains("a_pass.scs"), results.toString());
        assertTrue(results.get(1).startsWith("FAIL") && results.get(1).contains("b_fail.scs"), results.toString());
        assertTrue(results.get(2).startsWith("PASS") && results.get(2).contains("c_pass.scs"), results.toString());
        assertTrue(out.toString().contains("2 passed, 1 failed"), out.toString());
    }

    @Test
    void onlyTagsSelectsScripts() throws IOException {
        Path d = Files.createDirectories(dir.resolve("tagged"));
        String text = Files.readString(seed());
        Files.writeString(d.resolve("tagged.scs"), text.replaceFirst("\n\n", "\n## muc\n\n"));
        Files.writeString(d.resolve("untagged.scs"), text);
        int code = run(against("--only-tags", "muc", d.toString()));
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        assertTrue(out.toString().contains("1 passed, 0 failed, 0 errors, 1 skipped"), out.toString());
    }

    @Test
    void verboseOutputHasNoPasswordAndNoSaslPayload() throws IOException {
        String secret = "pw-" + Long.toHexString(System.nanoTime());
        Path p = dir.resolve("secret.scs");
        Files.writeString(p, Files.readString(seed()).replace("password: password", "password: " + secret));
        int code = run(against("-v", p.toString()));
        assertEquals(ExitCodes.OK, code, out + "\n" + err);
        String all = out + "\n" + err;
        assertTrue(all.contains("<auth"), "the trace shows the SASL exchange: " + all);
        assertTrue(all.contains("<message"), "the trace shows stanzas");
        assertFalse(all.contains(secret), "password printed");
        for (String user : List.of("user", "user2")) {
            String payload = Base64.getEncoder().encodeToString(("\0" + user + "\0" + secret).getBytes());
            assertFalse(all.contains(payload), "SASL payload printed");
        }
    }

    @Test
    void unreachablePortExitsThreeQuickly() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        int code = run("--host", "127.0.0.1", "--port", Integer.toString(closed), seed().toString());
        assertEquals(ExitCodes.RUNTIME, code, out + "\n" + err);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "took longer than the connect timeout");
        assertFalse((out + "\n" + err).contains("\tat "), "stack trace printed");
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i;
        throw new AssertionError(needle + " not found");
    }

    private static int lastIndexBefore(List<String> lines, String needle, int before) {
        for (int i = before - 1; i >= 0; i--) if (lines.get(i).startsWith(needle)) return i;
        throw new AssertionError(needle + " not found");
    }
}
