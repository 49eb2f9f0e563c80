package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** Option values that cannot work are usage errors (exit 2, one line, no stack trace) before anything connects. */
@Timeout(60)
class OptionValidationTest {
    private static final String SCRIPT = """
            # Connects once

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: secret-password

            -----

            Romeo connects
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

    private String script() throws IOException {
        Path p = dir.resolve("a.scs");
        Files.writeString(p, SCRIPT, StandardCharsets.UTF_8);
        return p.toString();
    }

    /** Exit 2 with one "error:" line and the help hint, nothing on stdout, no trace. */
    private void assertUsageError(int code, String expected) {
        assertEquals(ExitCodes.USAGE, code, out + "\n" + err);
        String[] lines = err.toString().split("\\R");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].startsWith("error: ") && lines[0].contains(expected), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertEquals("", out.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout", "--nothing-wait", "--connect-timeout", "--settle"})
    void durationsBeyondADayOrALongAreRefused(String option) throws IOException {
        assertUsageError(run(option, "99999999999999999s", script()), "longer than the maximum of 86400 s");
    }

    @Test
    void aDayIsAccepted() throws IOException {
        int code = run("--timeout", "1440m", "--connect-timeout", "86400000ms", "--port",
                Integer.toString(closedPort()), "--host", "127.0.0.1", script());
        assertEquals(ExitCodes.RUNTIME, code, "a refused port, not a usage error: " + err);
    }

    @Test
    void emptyHostIsRefused() throws IOException {
        assertUsageError(run("--host=", script()), "--host must not be empty");
    }

    @Test
    void blankHostIsRefused() throws IOException {
        assertUsageError(run("--host", "  ", script()), "--host must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0ms", "0.0001s"})
    void zeroNothingWaitIsRefused(String value) throws IOException {
        assertUsageError(run("--nothing-wait", value, script()), "--nothing-wait must be positive");
    }

    @Test
    void controlCharactersInAnOptionValueAreShownEscaped() throws IOException {
        assertUsageError(run("--timeout", "5\u001b[2Js", script()), "'5\\e[2Js' is not a duration");
    }

    @Test
    void aTrustCertThatIsNotACertificateIsAUsageErrorBeforeAnythingConnects() throws IOException {
        Path notACert = dir.resolve("server.pem");
        Files.writeString(notACert, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int code = run("--host", "127.0.0.1", "--port", Integer.toString(server.getLocalPort()), "--tls",
                    "required", "--trust-cert", notACert.toString(), script());
            assertUsageError(code, "--trust-cert: cannot read certificate " + notACert + ": ");
            server.setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, server::accept, "nothing connected");
        }
    }

    @Test
    void anEmptyTrustCertIsAUsageError() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pem"));
        assertUsageError(run("--trust-cert", empty.toString(), script()), "--trust-cert: ");
        assertTrue(err.toString().contains(empty.toString()), err.toString());
    }

    @Test
    void aRealCertificateIsAccepted() throws Exception {
        Path store = dir.resolve("self.p12");
        Path pem = dir.resolve("self.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        exec(keytool, "-genkeypair", "-alias", "x", "-keyalg", "EC", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit");
        exec(keytool, "-exportcert", "-rfc", "-alias", "x", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        int code = run("--host", "127.0.0.1", "--port", Integer.toString(closedPort()), "--trust-cert", pem.toString(),
                script());
        assertEquals(ExitCodes.RUNTIME, code, "got as far as connecting: " + out + err);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!p.waitFor(50, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + Files.readString(dir.resolve("keytool.log")));
        }
    }
}
