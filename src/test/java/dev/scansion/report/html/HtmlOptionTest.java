package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import dev.scansion.cli.Main;
import picocli.CommandLine;

/** {@code scansion run --html DIR} end to end, with an unreachable server (exit 3, as for the other reports). */
@Timeout(60)
class HtmlOptionTest {
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

    private Path script() throws IOException {
        return Files.writeString(dir.resolve("smoke.scs"), "# Smoke\n[Client] Romeo\n\tjid: romeo@localhost\n"
                + "\tpassword: pw-123\n-----\nRomeo connects\n");
    }

    private static String closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }

    @Test
    void writesTheReport() throws Exception {
        Path html = dir.resolve("out/html");
        int code = run("run", "--host", "127.0.0.1", "--port", closedPort(), "--html", html.toString(),
                script().toString());
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
