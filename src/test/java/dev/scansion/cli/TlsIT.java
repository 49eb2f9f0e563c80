package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.testing.ProsodyServer;
import dev.scansion.testing.ServerTls;
import picocli.CommandLine;

/** TLS negotiated for real: STARTTLS and direct TLS against a Prosody with a self-signed certificate. */
@Timeout(300)
class TlsIT {
    private static ProsodyServer server;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        server = ProsodyServer.startWithTls();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** A ping to the domain; {@code extra} goes into the actor's properties. */
    private Path script(String domain, String extra) throws IOException {
        Path file = dir.resolve("ping.scs");
        Files.writeString(file, "# TLS ping\n\n[Client] Romeo\n\tjid: romeo@" + domain + "\n\tpassword: password\n" + extra
                + "\n---------\n\nRomeo connects\n\nRomeo sends:\n\t<iq type='get' id='p1' to='" + domain
                + "'><ping xmlns='urn:xmpp:ping'/></iq>\n\nRomeo receives:\n\t<iq type='result' id='p1' from='" + domain
                + "'/>\n\nRomeo disconnects\n");
        return file;
    }

    private int run(int port, Path script, String... options) {
        List<String> args = new ArrayList<>(List.of("--host", server.host(), "--port", Integer.toString(port)));
        args.addAll(List.of(options));
        args.add(script.toString());
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(Main.normalise(args.toArray(String[]::new)));
    }

    private String output() {
        return out + "\n" + err + "\n" + server.logTail();
    }

    @Test
    void startTlsRequiredWithTheCertificateTrustedPassesAndVerboseNamesTheCipher() throws IOException {
        int code = run(server.port(), script("localhost", ""), "--tls", "required", "--trust-cert",
                server.certificate().toString(), "-v");
        assertEquals(ExitCodes.OK, code, output());
        assertTrue(err.toString().contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"), output());
        assertTrue(err.toString().matches("(?s).*<!-- TLS TLSv1\\.[23] TLS_\\w+ -->.*"), output());
        assertFalse(output().contains("PRIVATE KEY"), output());
    }

    /** ejabberd too: STARTTLS and direct TLS with its own harness-made certificate (one short-lived server). */
    @Test
    void ejabberdOffersStartTlsAndDirectTls() throws IOException {
        try (dev.scansion.testing.EjabberdServer ejabberd = dev.scansion.testing.EjabberdServer.startWithTls()) {
            String cert = ejabberd.certificate().toString();
            assertEquals(ExitCodes.OK, run(ejabberd.port(), script("localhost", ""), "--tls", "required",
                    "--trust-cert", cert), output() + ejabberd.logTail());
            assertEquals(ExitCodes.OK, run(ejabberd.directTlsPort(), script("localhost", ""), "--tls", "direct",
                    "--trust-cert", cert), output() + ejabberd.logTail());
        }
    }

    @Test
    void anUntrustedCertificateFailsOnOneLineThatSuggestsWhatToDo() throws IOException {
        int code = run(server.port(), script("localhost", ""), "--tls", "required");
        assertEquals(ExitCodes.FAILED, code, output());
        assertTrue(out.toString().contains("Romeo connects: TLS with 127.0.0.1:" + server.port() + " failed: the server's"
                + " certificate (localhost) is not trusted; trust it with --trust-cert FILE, or accept any certificate"
                + " with --insecure (test servers only)\n"), output());
    }

    @Test
    void insecureAcceptsTheCertificate() throws IOException {
        assertEquals(ExitCodes.OK, run(server.port(), script("localhost", ""), "--tls", "required", "--insecure"), output());
    }

    @Test
    void aCertificateForAnotherNameThanTheXmppDomainFails() throws IOException {
        // Trusted (both certificates are in the file), but it names example.org, not the domain asked for.
        Path both = dir.resolve("both.crt");
        Files.writeString(both, Files.readString(server.certificate()) + Files.readString(server.mismatchCertificate()));
        int code = run(server.port(), script(ServerTls.MISMATCH_DOMAIN, ""), "--tls", "required", "--trust-cert",
                both.toString());
        assertEquals(ExitCodes.FAILED, code, output());
        assertTrue(out.toString().contains("failed: the server's certificate names example.org, not the XMPP domain "
                + ServerTls.MISMATCH_DOMAIN), output());
    }

    @Test
    void directTlsPassesWithTheOptionAndWithTheActorProperty() throws IOException {
        String cert = server.certificate().toString();
        assertEquals(ExitCodes.OK, run(server.directTlsPort(), script("localhost", ""), "--tls", "direct",
                "--trust-cert", cert, "-v"), output());
        assertFalse(err.toString().contains("<starttls"), "no STARTTLS inside direct TLS:\n" + output());
        assertTrue(err.toString().contains("<!-- TLS TLSv1."), output());
        assertEquals(ExitCodes.OK, run(server.directTlsPort(), script("localhost", "\tconnect_tls: direct\n"),
                "--trust-cert", cert), output());
    }

    @Test
    void directTlsChecksTrustAndNamesToo() throws IOException {
        int code = run(server.directTlsPort(), script(ServerTls.MISMATCH_DOMAIN, ""), "--tls", "direct", "--trust-cert",
                server.certificate().toString());
        assertEquals(ExitCodes.FAILED, code, output());
        assertTrue(out.toString().contains("failed: the server's certificate names localhost, not the XMPP domain "
                + ServerTls.MISMATCH_DOMAIN), output());
    }

    @Test
    void directTlsToAStartTlsPortSaysWhatIsWrong() throws IOException {
        int code = run(server.port(), script("localhost", ""), "--tls", "direct", "--insecure");
        assertEquals(ExitCodes.FAILED, code, output());
        assertTrue(out.toString().contains("(does " + server.port() + " speak TLS from the first byte?"), output());
    }
}
