package dev.scansion.script.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An actor definition: {@code [Client] Romeo} and its indented properties, in file order.
 * Property values are kept as written; the accessors interpret the known ones.
 */
public record Actor(String actorClass, String name, Map<String, Property> properties, SourceSpan span) {
    public static final String JID = "jid";
    public static final String PASSWORD = "password";
    public static final String RESOURCE = "resource";
    public static final String CONNECT_HOST = "connect_host";
    public static final String CONNECT_PORT = "connect_port";
    /** {@code connect_tls: direct|starttls}: how the actor's server speaks TLS (read by the executor). */
    public static final String CONNECT_TLS = "connect_tls";

    /**
     * One {@code key: value} line.
     *
     * @param value   the value to use: as written, with any {@code ${env:NAME}} replaced by the variable
     * @param written the value as written in the script; what any dump or message shows, so that a
     *                value taken from the environment never reaches output
     */
    public record Property(String key, String value, SourceSpan span, String written) {
        /** A value written in the script itself. */
        public Property(String key, String value, SourceSpan span) {
            this(key, value, span, value);
        }

        public Property {
            if (written == null) written = value;
        }

        /** Never print a password, nor a value from the environment, not even in a model dump. */
        @Override
        public String toString() {
            return key + ": " + (PASSWORD.equals(key) ? "******" : written);
        }
    }

    public Actor {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Optional<String> property(String key) {
        Property p = properties.get(key);
        return p == null ? Optional.empty() : Optional.of(p.value());
    }

    /** The {@code jid} property as written (bare or full). */
    public String jid() {
        return property(JID).orElse("");
    }

    /** The bare JID: the {@code jid} property without any resource. */
    public String bareJid() {
        String jid = jid();
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    /** The resource to request at bind: {@code resource}, else the one in {@code jid}, else none. */
    public Optional<String> requestedResource() {
        Optional<String> explicit = property(RESOURCE);
        if (explicit.isPresent()) return explicit;
        String jid = jid();
        int slash = jid.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(jid.substring(slash + 1));
    }

    public Optional<String> password() {
        return property(PASSWORD);
    }

    public Optional<String> connectHost() {
        return property(CONNECT_HOST);
    }

    /** {@code connect_port}; the parser has already checked it is a number in range. */
    public Optional<Integer> connectPort() {
        return property(CONNECT_PORT).map(Integer::parseInt);
    }

    @Override
    public String toString() {
        return "[" + actorClass + "] " + name + " " + properties.values();
    }
}
