package dev.scansion.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.scansion.recorder.ClientTls;
import dev.scansion.recorder.ListenAddress;
import dev.scansion.recorder.ProxyCertificate;
import dev.scansion.text.Printable;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Where the recording proxy listens and what TLS it offers its clients ({@code scansion record}). */
final class ListenOptions {
    /** Bound on making a certificate with keytool. */
    private static final Duration KEYTOOL = Duration.ofSeconds(60);

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:5223",
            description = "Where clients connect: a loopback address only (127.0.0.1, [::1], localhost) "
                    + "(default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--listen-tls", paramLabel = "off|optional|required", defaultValue = "optional",
            converter = ClientTlsConverter.class,
            description = "STARTTLS towards the clients: off, offered (optional) or required before login "
                    + "(default: ${DEFAULT-VALUE}).")
    ClientTls tls;

    @Option(names = "--listen-cert", paramLabel = "FILE",
            description = "The certificate (PEM, chain first) the proxy shows after STARTTLS; its key in the same "
                    + "file or --listen-key. Default: a self-signed one for --listen-domain, made at start.")
    Path cert;

    @Option(names = "--listen-key", paramLabel = "FILE",
            description = "The unencrypted PKCS#8 PEM private key (BEGIN PRIVATE KEY) of --listen-cert.")
    Path key;

    @Option(names = "--listen-domain", paramLabel = "DOMAIN", defaultValue = "localhost",
            description = "The XMPP domain the generated certificate names (default: ${DEFAULT-VALUE}).")
    String domain;

    ListenAddress address(CommandLine cl) {
        try {
            return ListenAddress.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, "--listen: " + Printable.line(e.getMessage()));
        }
    }

    /**
     * The certificate for STARTTLS: loaded (a bad file is a usage error) or generated into {@code dir}.
     *
     * @throws IOException when one cannot be made
     */
    Optional<ProxyCertificate> certificate(CommandLine cl, Path dir) throws IOException {
        if (key != null && cert == null) throw new ParameterException(cl, "--listen-key needs --listen-cert");
        if (tls == ClientTls.OFF) return Optional.empty();
        if (cert == null) return Optional.of(ProxyCertificate.generate(domain, dir, KEYTOOL));
        for (Path p : key == null ? new Path[]{cert} : new Path[]{cert, key}) {
            if (!Files.isReadable(p)) throw new ParameterException(cl, "cannot read " + Printable.line(p.toString()));
        }
        try {
            return Optional.of(ProxyCertificate.load(cert, key == null ? cert : key));
        } catch (IOException e) {
            throw new ParameterException(cl, "--listen-cert: " + Printable.line(e.getMessage()));
        }
    }

    /** Whether a certificate will be generated (and so a temporary directory is needed). */
    boolean generates() {
        return tls != ClientTls.OFF && cert == null;
    }

    static final class ClientTlsConverter implements ITypeConverter<ClientTls> {
        @Override
        public ClientTls convert(String value) {
            try {
                return ClientTls.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected off, optional or required, not '" + value + "'");
            }
        }
    }
}
