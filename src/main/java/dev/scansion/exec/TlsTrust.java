package dev.scansion.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** Trust managers for {@code --insecure}, {@code --trust-cert}, and the system's, made when first needed. */
final class TlsTrust {
    private TlsTrust() {
    }

    /**
     * The JDK's default trust manager (the system trust store), created at the first TLS
     * handshake. Smack builds an SSL context for every connection configuration, TLS or not;
     * with the default trust manager that means reading and parsing the whole CA store at the
     * first connect (~0.1 s of a cold start), even when the server offers no TLS or it is off.
     * Every check is delegated unchanged.
     */
    static X509ExtendedTrustManager systemDefault() {
        return new LazyDefault();
    }

    private static final class LazyDefault extends X509ExtendedTrustManager {
        private volatile X509ExtendedTrustManager real;

        private X509ExtendedTrustManager real() throws CertificateException {
            X509ExtendedTrustManager r = real;
            if (r != null) return r;
            synchronized (this) {
                if (real == null) {
                    try {
                        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                        tmf.init((KeyStore) null);
                        for (TrustManager tm : tmf.getTrustManagers()) {
                            if (tm instanceof X509ExtendedTrustManager x) real = x;
                        }
                    } catch (GeneralSecurityException e) {
                        throw new CertificateException("the system trust store cannot be used: " + e.getMessage(), e);
                    }
                    if (real == null) throw new CertificateException("no X.509 trust manager available");
                }
                return real;
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            real().checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            real().checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            real().checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            real().checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            real().checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            real().checkServerTrusted(chain, authType, engine);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            try {
                return real().getAcceptedIssuers();
            } catch (CertificateException e) {
                return new X509Certificate[0];
            }
        }
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
