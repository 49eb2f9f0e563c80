package dev.scansion.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust managers for {@code --insecure} and {@code --trust-cert}. */
final class TlsTrust {
    private TlsTrust() {
    }

    /** Accepts every certificate: only for {@code --insecure}. */
    static X509TrustManager trustAll() {
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // Deliberately trusting (--insecure).
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // Deliberately trusting (--insecure).
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    /** Trusts exactly the certificates in a PEM or DER file (a self-signed server certificate or a CA). */
    static X509TrustManager trusting(Path file) throws SessionException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) throw new SessionException(SessionException.Kind.TLS, file + ": no certificate found");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) store.setCertificateEntry("cert" + i++, c);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) return x;
            }
            throw new SessionException(SessionException.Kind.TLS, "no X.509 trust manager available");
        } catch (IOException | GeneralSecurityException e) {
            throw new SessionException(SessionException.Kind.TLS, "cannot read certificate " + file + ": "
                    + Failures.describe(e));
        }
    }
}
