package dev.scansion.recorder;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.scansion.exec.RunConfig;

/**
 * How the proxy runs.
 *
 * @param listen      where clients connect
 * @param tls         whether STARTTLS is offered to clients
 * @param certificate what the proxy shows after STARTTLS; required unless {@code tls} is OFF
 * @param upstream    where and how to log in upstream: host, port, TLS, SASL, connect timeout, as {@code run}
 * @param maxClients  connections open at once; a further one gets a stream error
 */
public record ProxySettings(ListenAddress listen, ClientTls tls, Optional<ProxyCertificate> certificate,
                            RunConfig upstream, int maxClients) {
    /** Connections open at once, by default. */
    public static final int MAX_CLIENTS = 32;
    /** The longest element a client may send, in characters. */
    static final int ELEMENT_CHARS = 1024 * 1024;

    public ProxySettings {
        Objects.requireNonNull(listen);
        Objects.requireNonNull(upstream);
        if (tls != ClientTls.OFF && certificate.isEmpty()) throw new IllegalArgumentException("STARTTLS needs a certificate");
        if (maxClients < 1) throw new IllegalArgumentException("maxClients must be positive");
    }

    /** Bound on each negotiation step with a client (and the TLS handshake): the upstream connect timeout. */
    Duration negotiationTimeout() {
        return upstream.connectTimeout();
    }
}
