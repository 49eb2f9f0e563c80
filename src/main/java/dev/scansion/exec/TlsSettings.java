package dev.scansion.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS policy of every connection.
 *
 * @param policy    whether to use STARTTLS
 * @param insecure  accept any certificate and host name (testing only)
 * @param trustCert trust exactly the certificate(s) in this PEM or DER file instead of the system trust store
 */
public record TlsSettings(TlsPolicy policy, boolean insecure, Optional<Path> trustCert) {
    public static final TlsSettings DEFAULT = new TlsSettings(TlsPolicy.OPTIONAL, false, Optional.empty());

    /** {@code --tls}: off never negotiates TLS; optional uses STARTTLS when offered; required fails without it. */
    public enum TlsPolicy { OFF, OPTIONAL, REQUIRED }
}
