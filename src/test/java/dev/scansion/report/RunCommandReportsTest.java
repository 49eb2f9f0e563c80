package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.cli.ExitCodes;
import dev.scansion.cli.Main;
import picocli.CommandLine;

/** {@code scansion run --junit/--json/--transcripts} end to end, with an unreachable server. */
@Timeout(60)
class RunCommandReportsTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Path script() throws IOException {
        Path p = dir.resolve("specs/smoke.scs");
        Files.createDirectories(p.getParent());
        Files.writeString(p, "# Smoke\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw-123\n-----\n"
                + "Romeo connects\n");
        return p;
    }

    @Test
    void writesEveryRequestedReport() throws Exception {
        Path s = script();
        Path junit = dir.resolve("out/junit.xml");
        Path json = dir.resolve("out/run.json");
        Path transcripts = dir.resolve("out/transcripts");
        int code = run("run", "--host", "127.0.0.1", "--port", Integer.toString(closedPort()), "--junit",
                junit.toString(), "--json", json.toString(), "--transcripts", transcripts.toString(), s.toString());
        assertEquals(ExitCodes.RUNTIME, code, err.toString());
        String xml = Files.readString(junit);
        JUnitXmlReporterTest.validate(xml);
        assertTrue(xml.contains("errors=\"1\""), xml);
        assertTrue(xml.contains("type=\"unreachable\""), xml);
        assertTrue(xml.contains("<property name=\"scansion.host\" value=\"127.0.0.1\"/>"), xml);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> parsed = (java.util.Map<String, Object>) JsonTree.parse(Files.readString(json));
        assertEquals("error", parsed.get("verdict"));
        try (var files = Files.list(transcripts)) {
            assertEquals(1, files.count());
        }
        assertFalse(Files.readString(json).contains("pw-123"));
    }

    @Test
    void aReportThatCannotBeWrittenIsAnErrorAndExitCodeThree() throws Exception {
        Path s = script();
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "");
        // the run itself fails (1 is impossible here: unreachable gives 3); use a parse error for 2
        Path bad = dir.resolve("bad.scs");
        Files.writeString(bad, "nonsense\n");
        int code = run("run", "--port", Integer.toString(closedPort()), "--junit", blocker.resolve("x.xml").toString(),
                bad.toString());
        assertEquals(ExitCodes.USAGE, code, "a worse exit code is kept");
        assertTrue(err.toString().contains("error: cannot write --junit " + blocker.resolve("x.xml")), err.toString());
        assertTrue(Files.exists(s));
    }

    /** The HTML report (report.html) through the same option handling. */
    private Path smoke() throws IOException {
        return Files.writeString(dir.resolve("smoke.scs"), "# Smoke\n[Client] Romeo\n\tjid: romeo@localhost\n"
                + "\tpassword: pw-123\n-----\nRomeo connects\n");
    }

    @Test
    void writesTheReport() throws Exception {
        Path html = dir.resolve("out/html");
        int code = run("run", "--host", "127.0.0.1", "--port", Integer.toString(closedPort()), "--html", html.toString(),
                smoke().toString());
        assertEquals(3, code, err.toString());
        String index = Files.readString(html.resolve("index.html"));
        assertTrue(index.contains(">Smoke</a>") && index.contains("smoke.scs:6"), index);
        assertTrue(Files.exists(html.resolve("scripts/0001-smoke.html")));
    }

    @Test
    void aDirectoryThatIsNotAReportIsLeftAloneAndTheRunExitsThree() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        Path bad = Files.writeString(dir.resolve("bad.scs"), "not a script\n");
        int code = run("run", "--html", mine.toString(), bad.toString());
        assertEquals(2, code, "a worse exit code stands: " + err);
        assertTrue(err.toString().contains("error: cannot write --html " + mine + ": exists and is not an earlier HTML report"),
                err.toString());
        assertEquals("keep", Files.readString(mine.resolve("notes.txt")));
    }
}
