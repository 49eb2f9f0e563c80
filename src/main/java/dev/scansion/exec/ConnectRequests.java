package dev.scansion.exec;

import java.util.Optional;

import dev.scansion.script.ast.Actor;

/** Where and as whom an actor connects: {@code --host}/{@code --port}, else its properties, else its JID's domain and 5222. */
public final class ConnectRequests {
    static final int DEFAULT_PORT = 5222;

    private ConnectRequests() {
    }

    public static ConnectRequest of(Actor actor, RunConfig config) {
        String bare = actor.bareJid();
        int at = bare.indexOf('@');
        String domain = at < 0 ? bare : bare.substring(at + 1);
        String host = config.host().or(actor::connectHost).orElse(domain);
        int port = config.port().or(actor::connectPort).orElse(DEFAULT_PORT);
        return new ConnectRequest(actor.name(), bare, actor.password().orElse(""), actor.requestedResource(), host,
                port, tlsOf(actor, config), config.connectTimeout(), config.sasl());
    }

    /**
     * The request for an account known only by its credentials (a recording proxy's client): {@code --host}
     * and {@code --port} else the JID's domain and 5222, and the run's TLS, timeout and SASL options.
     */
    public static ConnectRequest forAccount(String name, String bareJid, String password, Optional<String> resource,
                                            RunConfig config) {
        int at = bareJid.indexOf('@');
        String domain = at < 0 ? bareJid : bareJid.substring(at + 1);
        return new ConnectRequest(name, bareJid, password, resource, config.host().orElse(domain),
                config.port().orElse(DEFAULT_PORT), config.tls(), config.connectTimeout(), config.sasl());
    }

    /** {@code connect_tls: direct} wins over {@code --tls}: that server speaks nothing but TLS. */
    static TlsSettings tlsOf(Actor actor, RunConfig config) {
        boolean direct = actor.property(Actor.CONNECT_TLS).map(v -> v.strip().equals("direct")).orElse(false);
        return direct ? config.tls().direct() : config.tls();
    }
}
