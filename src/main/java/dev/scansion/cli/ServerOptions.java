package dev.scansion.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SaslMechanism;
import dev.scansion.exec.TlsSettings;
import dev.scansion.exec.TlsSettings.TlsPolicy;
import dev.scansion.exec.TrustCertFile;
import dev.scansion.text.Printable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Where and how to connect: shared by every command that talks to a server. */
final class ServerOptions {
    @Option(names = "--host", paramLabel = "HOST",
            description = "Connect every actor to HOST instead of its connect_host or JID domain.")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Connect every actor to PORT instead of its connect_port or 5222.")
    Integer port;

    @Option(names = "--tls", paramLabel = "off|optional|required|direct", defaultValue = "optional",
            converter = TlsPolicyConverter.class,
            description = "STARTTLS policy: off never, optional when the server offers it, required or fail "
                    + "(default: ${DEFAULT-VALUE}); direct: TLS from the first byte (XEP-0368, port 5223 "
                    + "usually). Certificates are verified against the system trust store.")
    TlsPolicy tls;

    @Option(names = "--insecure", description = "Accept any TLS certificate and host name (test servers only).")
    boolean insecure;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "Trust the certificate(s) in FILE (PEM or DER) instead of the system trust store.")
    Path trustCert;

    @Option(names = "--sasl", paramLabel = "MECH",
            description = "Log in with SASL mechanism MECH only (${COMPLETION-CANDIDATES}); by default the "
                    + "strongest both sides support, PLAIN first against a server on this machine.",
            completionCandidates = SaslNames.class)
    String sasl;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Bound on connecting, each negotiation stage and waiting for the server at "
                    + "disconnect (default: ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    /**
     * Applies these options, checking what picocli cannot; a bad value is a usage error, found
     * before anything connects (a certificate file is loaded here as the TLS handshake would).
     */
    RunConfig applyTo(RunConfig config, CommandSpec spec) {
        if (host != null && host.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--host must not be empty");
        }
        if (port != null && (port < 1 || port > 65535)) {
            throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535, not " + port);
        }
        if (trustCert != null) {
            if (!Files.isReadable(trustCert)) {
                throw new ParameterException(spec.commandLine(),
                        "--trust-cert: cannot read " + Printable.line(trustCert.toString()));
            }
            Optional<String> problem = TrustCertFile.problem(trustCert);
            if (problem.isPresent()) {
                throw new ParameterException(spec.commandLine(), "--trust-cert: " + Printable.line(problem.get()));
            }
        }
        if (connectTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout must be positive");
        }
        Optional<SaslMechanism> mechanism = Optional.empty();
        if (sasl != null) {
            mechanism = SaslMechanism.named(sasl);
            if (mechanism.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--sasl: " + SaslMechanism.unknown(sasl));
            }
        }
        return config.withSasl(mechanism).withHost(host).withPort(port).withConnectTimeout(connectTimeout)
                .withTls(new TlsSettings(tls, insecure, Optional.ofNullable(trustCert)));
    }

    /** The names {@code --help} lists for {@code --sasl}. */
    static final class SaslNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(SaslMechanism.values()).map(SaslMechanism::wireName).iterator();
        }
    }

    static final class TlsPolicyConverter implements ITypeConverter<TlsPolicy> {
        @Override
        public TlsPolicy convert(String value) {
            try {
                return TlsPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected off, optional, required or direct, not '" + value + "'");
            }
        }
    }
}
