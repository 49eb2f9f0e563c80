package dev.scansion.exec;

import java.security.cert.CertificateException;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.jivesoftware.smack.SmackException;

import dev.scansion.exec.TlsSettings.TlsPolicy;

/** One line for a failed TLS negotiation that names the problem and, where there is one, the option that helps. */
final class TlsFailures {
    private TlsFailures() {
    }

    /** The failure as a TLS problem, or empty when {@code e} has nothing to do with TLS. */
    static Optional<SessionException> of(Exception failure, ConnectRequest r, ObservedTrust trust) {
        Throwable e = failure;
        if (failure instanceof SmackException.EndpointConnectionException c && !c.getConnectionExceptions().isEmpty()) {
            // A direct TLS handshake fails in what Smack calls the TCP connect: the cause is listed, not chained.
            e = c.getConnectionExceptions().get(0).getException();
        }
        boolean tls = e instanceof SmackException.SecurityRequiredException || Failures.causedBy(e, SSLException.class)
                || Failures.causedBy(e, CertificateException.class);
        if (!tls) return Optional.empty();
        String head = "TLS with " + r.host() + ":" + r.port() + " failed: ";
        String message;
        if (trust.rejected()) {
            message = "the server's certificate (" + trust.names() + ") is not trusted; trust it with --trust-cert FILE,"
                    + " or accept any certificate with --insecure (test servers only)";
        } else if (trust.trusted() && Failures.causedBy(e, CertificateException.class)) {
            message = "the server's certificate names " + trust.names() + ", not the XMPP domain " + domainOf(r.jid())
                    + " (--insecure skips this check, test servers only)";
        } else if (r.tls().policy() == TlsPolicy.DIRECT && !trust.trusted()) {
            message = Failures.describe(e) + " (does " + r.port() + " speak TLS from the first byte? direct TLS needs such a port,"
                    + " usually 5223)";
        } else {
            message = Failures.describe(e);
        }
        return Optional.of(new SessionException(SessionException.Kind.TLS, head + message));
    }

    private static String domainOf(String bareJid) {
        return bareJid.substring(bareJid.indexOf('@') + 1);
    }
}
