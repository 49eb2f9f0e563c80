package dev.scansion.exec;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything needed to open one actor's session.
 *
 * @param actor    the actor's name (for messages and traces)
 * @param jid      the account, bare ({@code user@host}); a resource is given separately
 * @param password the password ("" when the script gives none); never printed
 * @param resource the resource to request at bind; empty to let the server assign one
 * @param host     where to connect (host name or IP literal)
 * @param port     TCP port
 * @param sasl     the SASL mechanism to log in with; empty to pick from what the server offers
 */
public record ConnectRequest(String actor, String jid, String password, Optional<String> resource,
                             String host, int port, TlsSettings tls, Duration connectTimeout,
                             Optional<SaslMechanism> sasl) {
    /** Picks the SASL mechanism from what the server offers. */
    public ConnectRequest(String actor, String jid, String password, Optional<String> resource,
                          String host, int port, TlsSettings tls, Duration connectTimeout) {
        this(actor, jid, password, resource, host, port, tls, connectTimeout, Optional.empty());
    }

    @Override
    public String toString() {
        return "ConnectRequest[" + actor + " as " + jid + resource.map(r -> "/" + r).orElse("")
                + " at " + host + ":" + port + ", " + tls + sasl.map(m -> ", SASL " + m.wireName()).orElse("") + "]";
    }
}
