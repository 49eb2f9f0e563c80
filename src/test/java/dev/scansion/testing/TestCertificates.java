package dev.scansion.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates for test servers, made with openssl(1) into a server's private
 * directory: {@code NAME.crt} (PEM, what a client trusts with --trust-cert) and {@code NAME.key}.
 * EC P-256 keys: generated in milliseconds, unlike RSA.
 */
final class TestCertificates {
    private static final long BOUND_SECONDS = 30;

    private TestCertificates() {
    }

    /** Writes {@code dir/NAME.crt} and {@code dir/NAME.key} for the DNS name {@code name}; returns the certificate. */
    static Path create(Path dir, String name) throws IOException {
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        List<String> command = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-addext", "subjectAltName=DNS:" + name, "-keyout", key.toString(), "-out", cert.toString());
        Path log = dir.resolve("openssl-" + name + ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("cannot run openssl (run tools/ensure-deps): " + e.getMessage(), e);
        }
        try {
            if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish within " + BOUND_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a certificate");
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(cert)) {
            throw new IOException("openssl could not make a certificate for " + name + ": "
                    + new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip());
        }
        Files.deleteIfExists(log);
        return cert;
    }
}
