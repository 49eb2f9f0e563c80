package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The system trust manager made on first use judges exactly as the JDK's default one. */
@Timeout(60)
class TlsTrustTest {
    private static X509TrustManager jdkDefault() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) return x;
        }
        throw new AssertionError("no default trust manager");
    }

    /** A self-signed certificate made by the JDK's keytool. */
    private static X509Certificate selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("self.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "x", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        if (!p.waitFor(50, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("keytool failed");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) ks.getCertificate("x");
    }

    @Test
    void trustsWhatTheSystemStoreTrusts() throws Exception {
        X509TrustManager lazy = TlsTrust.systemDefault();
        X509Certificate[] expected = jdkDefault().getAcceptedIssuers();
        assertArrayEquals(expected, lazy.getAcceptedIssuers());
        if (expected.length > 0) {
            // A CA of the system store, presented as a (self-issued) chain of one, passes as with the JDK's.
            X509Certificate ca = expected[0];
            CertificateException jdk = null;
            try {
                jdkDefault().checkServerTrusted(new X509Certificate[]{ca}, "RSA");
            } catch (CertificateException e) {
                jdk = e;
            }
            CertificateException ours = null;
            try {
                lazy.checkServerTrusted(new X509Certificate[]{ca}, "RSA");
            } catch (CertificateException e) {
                ours = e;
            }
            assertEquals(jdk == null, ours == null, "same verdict as the JDK's trust manager");
        }
    }

    @Test
    void refusesASelfSignedServerCertificate(@TempDir Path dir) throws Exception {
        X509Certificate[] chain = {selfSigned(dir)};
        X509TrustManager lazy = TlsTrust.systemDefault();
        assertThrows(CertificateException.class, () -> lazy.checkServerTrusted(chain, "RSA"));
        assertThrows(CertificateException.class, () -> ((javax.net.ssl.X509ExtendedTrustManager) lazy)
                .checkServerTrusted(chain, "RSA", (SSLEngine) null));
        // ...which --trust-cert accepts.
        Path pem = dir.resolve("self.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(chain[0].getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        TlsTrust.trusting(pem).checkServerTrusted(chain, "RSA");
    }
}
