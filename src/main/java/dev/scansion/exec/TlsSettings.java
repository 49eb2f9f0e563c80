package dev.scansion.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS policy of every connection.
 *
 * @param policy    whether to use STARTTLS, or TLS from the first byte
 * @param insecure  accept any certificate and host name (testing only)
 * @param trustCert trust exactly the certificate(s) in this PEM or DER file instead of the system trust store
 */
public record TlsSettings(TlsPolicy policy, boolean insecure, Optional<Path> trustCert) {
    public static final TlsSettings DEFAULT = new TlsSettings(TlsPolicy.OPTIONAL, false, Optional.empty());

    /** The same settings with TLS from the first byte (an actor's {@code connect_tls: direct}). */
    public TlsSettings direct() {
        return new TlsSettings(TlsPolicy.DIRECT, insecure, trustCert);
    }

    /**
     * {@code --tls}: off never negotiates TLS; optional uses STARTTLS when offered; required fails
     * without it; direct speaks TLS from the first byte (XEP-0368, usually port 5223), no STARTTLS.
     */
    public enum TlsPolicy { OFF, OPTIONAL, REQUIRED, DIRECT }
}
