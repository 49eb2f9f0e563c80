package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.exec.ReceiveMode;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.TlsSettings.TlsPolicy;
import picocli.CommandLine;

/** The run command without a server: usage, selection and parse errors, an unreachable port. */
@Timeout(60)
class RunCommandTest {
    private static final String SCRIPT = """
            # A tiny script
            ## smoke

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: secret-password

            -----

            Romeo connects

            Romeo sends:
            \t<presence/>
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(Main.normalise(args));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void noPathsIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("run"));
        assertTrue(err.toString().contains("no script paths given"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("run", "--frobnicate", "x.scs"));
    }

    @Test
    void badDurationIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("run", "--timeout", "soon", "x.scs"));
        assertTrue(err.toString().contains("not a duration"), err.toString());
    }

    @Test
    void badReceiveModeIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("run", "--receive-mode", "sideways", "x.scs"));
    }

    @Test
    void missingPathIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("run", dir.resolve("nope.scs").toString()));
        assertFalse(err.toString().isEmpty());
    }

    @Test
    void emptySelectionIsAUsageError() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(ExitCodes.USAGE, run("run", dir.resolve("empty").toString()));
        assertTrue(err.toString().contains("no .scs scripts"), err.toString());
    }

    @Test
    void scriptThatDoesNotParseIsAUsageErrorWithDiagnostics() throws IOException {
        Path bad = write("bad.scs", "[Client] Romeo\n\tjid: romeo@localhost\n-----\nJuliet connects\n");
        assertEquals(ExitCodes.USAGE, run("run", "--port", Integer.toString(closedPort()), bad.toString()));
        assertTrue(err.toString().contains("bad.scs:4:1"), err.toString());
        assertTrue(out.toString().contains("ERROR"), out.toString());
    }

    @Test
    void tagFilterThatSelectsNothingIsAUsageError() throws IOException {
        Path p = write("a.scs", SCRIPT);
        assertEquals(ExitCodes.USAGE, run("run", "--only-tags", "nothing-has-this", p.toString()));
        assertTrue(out.toString().contains("SKIP"), out.toString());
    }

    @Test
    void unreachablePortExitsThreeWithOneLineAndNoStackTrace() throws IOException {
        Path p = write("a.scs", SCRIPT);
        long t0 = System.nanoTime();
        int code = run("run", "--host", "127.0.0.1", "--port", Integer.toString(closedPort()), p.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(ExitCodes.RUNTIME, code, out + "\n" + err);
        String all = out + "\n" + err;
        assertFalse(all.contains("Exception"), all);
        assertFalse(all.contains("\tat "), all);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("ERROR") && l.contains("Connection refused")),
                all);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "within the connect timeout: " + took);
    }

    @Test
    void unresolvableHostExitsThree() throws IOException {
        Path p = write("a.scs", SCRIPT);
        assertEquals(ExitCodes.RUNTIME, run("run", "--host", "no-such-host.invalid", p.toString()));
        assertTrue(out.toString().contains("cannot resolve host 'no-such-host.invalid'"), out.toString());
    }

    @Test
    void bareScansionPathMeansRunAndDashDIsADirectory() throws IOException {
        write("d/a.scs", SCRIPT);
        int port = closedPort();
        assertEquals(ExitCodes.RUNTIME, run("--port", Integer.toString(port), dir.resolve("d").toString()));
        assertEquals(ExitCodes.RUNTIME, run("-d", dir.resolve("d").toString(), "--port", Integer.toString(port)));
        assertEquals(2, out.toString().lines().filter(l -> l.startsWith("ERROR")).count(), out.toString());
    }

    @Test
    void optionsBecomeTheRunConfig() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs("run", "--host", "h", "--port", "5999", "-t", "250ms",
                "--nothing-wait", "1", "--receive-mode", "NEXT", "--tls", "off", "--only-tags", "a,b",
                "--strict-captures", "x.scs");
        RunCommand cmd = parsed.subcommand().commandSpec().commandLine().getCommand();
        RunConfig c = cmd.config();
        assertEquals("h", c.host().orElseThrow());
        assertEquals(5999, c.port().orElseThrow());
        assertEquals(Duration.ofMillis(250), c.receiveTimeout());
        assertEquals(Duration.ofSeconds(1), c.nothingWait());
        assertEquals(ReceiveMode.NEXT, c.receiveMode());
        assertEquals(TlsPolicy.OFF, c.tls().policy());
        assertEquals(java.util.List.of("a", "b"), c.tags().only());
        assertTrue(c.strictCaptures());
    }

    @Test
    void defaults() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs("run", "x.scs");
        RunCommand cmd = parsed.subcommand().commandSpec().commandLine().getCommand();
        RunConfig c = cmd.config();
        assertEquals(Duration.ofSeconds(5), c.receiveTimeout());
        assertEquals(Duration.ofMillis(500), c.nothingWait());
        assertEquals(ReceiveMode.SKIP, c.receiveMode());
        assertEquals(TlsPolicy.OPTIONAL, c.tls().policy());
        assertFalse(c.tls().insecure());
        assertTrue(c.host().isEmpty());
    }

    @Test
    void orderAndWhetherTheSettleWasGiven() {
        RunConfig plain = ((RunCommand) Main.commandLine().parseArgs("run", "x.scs").subcommand().commandSpec()
                .commandLine().getCommand()).config();
        assertEquals(dev.scansion.exec.OrderMode.AUTO, plain.order());
        assertEquals(Duration.ofMillis(10), plain.settle());
        assertFalse(plain.settleGiven(), "the default may be cut to 1 ms after the read against Prosody");
        RunConfig given = ((RunCommand) Main.commandLine().parseArgs("run", "--settle", "10ms", "--order",
                "socket-table", "x.scs").subcommand().commandSpec().commandLine().getCommand()).config();
        assertEquals(dev.scansion.exec.OrderMode.SOCKET_TABLE, given.order());
        assertTrue(given.settleGiven(), "given, even at the default's value: waited in full");
        assertEquals(dev.scansion.exec.OrderMode.PAUSE, ((RunCommand) Main.commandLine().parseArgs("run",
                "--order=PAUSE", "x.scs").subcommand().commandSpec().commandLine().getCommand()).config().order());
        assertEquals(ExitCodes.USAGE, run("--order", "sometimes", "x.scs"));
        assertTrue(err.toString().contains("expected auto, socket-table or pause, not 'sometimes'"), err.toString());
    }
}
