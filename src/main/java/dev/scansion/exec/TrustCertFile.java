package dev.scansion.exec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a {@code --trust-cert} file before anything connects, with the same loading the TLS
 * handshake uses, so that a wrong file is a usage error rather than a failure of every script.
 */
public final class TrustCertFile {
    private TrustCertFile() {
    }

    /** Why {@code file} cannot be used as trusted certificates ("cannot read certificate F: ..."), or empty. */
    public static Optional<String> problem(Path file) {
        try {
            TlsTrust.trusting(file);
            return Optional.empty();
        } catch (SessionException e) {
            return Optional.of(e.getMessage());
        }
    }
}
