package dev.scansion.exec;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The trust manager of one connection attempt: delegates every check, and remembers the server's
 * certificate and whether it was trusted, so that a failure can say which problem it was
 * (untrusted, or trusted but naming another domain). Once trusted, it reports the negotiated
 * protocol and cipher suite (for {@code -v}); never key material.
 */
final class ObservedTrust extends X509ExtendedTrustManager {
    private final X509TrustManager delegate;
    private final Consumer<String> negotiated;
    private volatile X509Certificate leaf;
    private volatile boolean trusted;
    private volatile boolean rejected;

    ObservedTrust(X509TrustManager delegate, Consumer<String> negotiated) {
        this.delegate = delegate;
        this.negotiated = negotiated;
    }

    /** The server presented a certificate that the trust manager rejected. */
    boolean rejected() {
        return rejected;
    }

    /** The server's certificate was trusted (host-name checks come after). */
    boolean trusted() {
        return trusted;
    }

    /** The DNS names of the server's certificate ({@code CN=...} when it has none), or "" before a handshake. */
    String names() {
        X509Certificate c = leaf;
        if (c == null) return "";
        List<String> dns = new ArrayList<>();
        try {
            Collection<List<?>> alt = c.getSubjectAlternativeNames();
            if (alt != null) {
                for (List<?> entry : alt) {
                    if (entry.size() > 1 && Integer.valueOf(2).equals(entry.get(0))) dns.add(String.valueOf(entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // Fall back to the subject.
        }
        return dns.isEmpty() ? c.getSubjectX500Principal().getName() : String.join(", ", dns);
    }

    private void check(X509Certificate[] chain, Check check, Optional<SSLSession> session) throws CertificateException {
        if (chain != null && chain.length > 0) leaf = chain[0];
        try {
            check.run();
        } catch (CertificateException | RuntimeException e) {
            rejected = true;
            throw e;
        }
        trusted = true;
        session.ifPresent(s -> {
            try {
                negotiated.accept(s.getProtocol() + " " + s.getCipherSuite());
            } catch (RuntimeException e) {
                // Tracing is best effort; never disturb the handshake.
            }
        });
    }

    @FunctionalInterface
    private interface Check {
        void run() throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, () -> delegate.checkServerTrusted(chain, authType), Optional.empty());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        Optional<SSLSession> session = socket instanceof SSLSocket s ? Optional.ofNullable(s.getHandshakeSession()) : Optional.empty();
        if (delegate instanceof X509ExtendedTrustManager x) {
            check(chain, () -> x.checkServerTrusted(chain, authType, socket), session);
        } else {
            check(chain, () -> delegate.checkServerTrusted(chain, authType), session);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        Optional<SSLSession> session = Optional.ofNullable(engine == null ? null : engine.getHandshakeSession());
        if (delegate instanceof X509ExtendedTrustManager x) {
            check(chain, () -> x.checkServerTrusted(chain, authType, engine), session);
        } else {
            check(chain, () -> delegate.checkServerTrusted(chain, authType), session);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
