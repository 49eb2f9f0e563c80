package dev.scansion.testing;

import java.io.IOException;
import java.nio.file.Path;

/**
 * TLS of a test server started "with TLS": STARTTLS offered on its port, and a second loopback
 * port that speaks TLS from the first byte (XEP-0368 direct TLS). The certificates are
 * self-signed, made at start into the server's private directory (they go when it is closed).
 *
 * @param directTlsPort the port of the direct TLS listener
 */
public record ServerTls(int directTlsPort) {
    /** The XMPP domain whose certificate names another host (see {@link #mismatchCertificate}); Prosody only. */
    public static final String MISMATCH_DOMAIN = "mismatch.localhost";
    /** The name in the certificate that {@link #MISMATCH_DOMAIN} presents. */
    public static final String MISMATCH_NAME = "example.org";

    static ServerTls pickPort() {
        return new ServerTls(FreePorts.pick());
    }

    /** The server's certificate (PEM), self-signed for "localhost": what a client trusts with --trust-cert. */
    public static Path certificate(Path serverDir) {
        return certificates(serverDir).resolve(ServerProcess.DOMAIN + ".crt");
    }

    /** A self-signed certificate for "example.org", presented for {@link #MISMATCH_DOMAIN} where the server supports that. */
    public static Path mismatchCertificate(Path serverDir) {
        return certificates(serverDir).resolve(MISMATCH_NAME + ".crt");
    }

    static Path certificates(Path serverDir) {
        return serverDir.resolve("certs");
    }

    /** Makes both certificates (and their keys) in the server's certs directory. */
    static void createCertificates(Path serverDir) throws IOException {
        java.nio.file.Files.createDirectories(certificates(serverDir));
        TestCertificates.create(certificates(serverDir), ServerProcess.DOMAIN);
        TestCertificates.create(certificates(serverDir), MISMATCH_NAME);
    }
}
