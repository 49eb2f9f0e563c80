package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class CheckCommandTest {
    private static final String CLEAN = "# ok\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw\n-----\n"
            + "Romeo connects\nRomeo sends:\n\t<presence/>\n";

    /** Exit code, stdout and stderr of one command line. */
    record Run(int exit, String out, String err) {
        void noStackTrace() {
            for (String s : new String[]{out, err}) {
                assertFalse(s.contains("Exception"), s);
                assertFalse(s.contains("\tat "), s);
            }
        }
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(Main.normalise(args));
        Run r = new Run(exit, out.toString(), err.toString());
        r.noStackTrace();
        return r;
    }

    @Test
    void cleanFileExitsZero(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("ok.scs"), CLEAN);
        Run r = run("check", f.toString());
        assertEquals(0, r.exit());
        assertEquals("checked 1 script: 1 ok, 0 with errors\n", r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
    }

    @Test
    void brokenFileExitsTwoWithPosition(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a_ok.scs"), CLEAN);
        Path bad = Files.writeString(dir.resolve("b_bad.scs"), CLEAN + "Romeo dances\n");
        Run r = run("check", "--no-color", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: unknown verb 'dances'"), r.err());
        assertTrue(r.err().contains("--> " + bad + ":9:7"), r.err());
        assertEquals("checked 2 scripts: 1 ok, 1 with errors\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void unknownPropertyIsAnErrorInCheck(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("p.scs"), CLEAN.replace("\tpassword: pw\n", "\tpasswd: pw\n"));
        Run r = run("check", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(f + ":4:2"), r.err());
        assertFalse(r.err().contains("pw\n"), "a password value never appears");
    }

    @Test
    void warningsDoNotFail(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("w.scs"), CLEAN + "Romeo receives:\n\t<presence scansion:note='x'/>\n");
        Run r = run("check", f.toString());
        assertEquals(0, r.exit());
        assertTrue(r.err().contains("warning: unknown attribute 'scansion:note' ignored"), r.err());
        assertEquals("checked 1 script: 1 ok, 0 with errors (1 warning)\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void missingPathExitsTwo(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("ok.scs"), CLEAN);
        Path missing = dir.resolve("missing.scs");
        Run r = run("check", f.toString(), missing.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: " + missing + ": no such file or directory"), r.err());
    }

    @Test
    void emptyDirectoryExitsTwo(@TempDir Path dir) {
        Run r = run("check", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no .scs scripts found in: " + dir), r.err());
    }

    @Test
    void noArgumentsIsAUsageError() {
        Run r = run("check");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("PATH"), r.err());
    }

    @Test
    void helpDocumentsExitCodes() {
        Run r = run("check", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        assertTrue(r.out().contains("--no-color"), r.out());
        assertTrue(r.out().contains("An unset ${env:NAME} in an actor property is a warning here"), r.out());
    }

    @Test
    void randomBytesGiveOneCleanError(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[100_000];
        new java.util.Random(1).nextBytes(junk);
        Path f = Files.write(dir.resolve("junk.scs"), junk);
        Run r = run("check", f.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("not a UTF-8 text file"), r.err());
    }

    @Test
    void colourFollowsOptionEnvironmentAndTerminal() {
        assertFalse(Terminal.colour(true, Map.of(), true));
        assertFalse(Terminal.colour(false, Map.of("NO_COLOR", "1"), true));
        assertFalse(Terminal.colour(false, Map.of(), false));
        assertTrue(Terminal.colour(false, Map.of(), true));
    }
}
