package dev.scansion.recorder;

import java.util.Optional;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.ConnectRequests;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/**
 * A client's session with the real server, through the same session machinery as {@code run}. The
 * client's credentials are tried at its SASL step, when the resource it will ask for is not known
 * yet: that first session lets the server assign one. When the client then asks for a resource of
 * its own, the proxy logs in again with it (the credentials now known to work) and closes the first
 * session, which never sent presence, so no other client saw it.
 */
final class Upstream {
    private final SessionFactory sessions;
    private final RunConfig config;
    private final String name;
    private final String account;
    private final String password;
    private ActorSession session;

    private Upstream(SessionFactory sessions, RunConfig config, String name, String account, String password) {
        this.sessions = sessions;
        this.config = config;
        this.name = name;
        this.account = account;
        this.password = password;
    }

    /**
     * Logs in as {@code account}; {@code name} names the connection in messages.
     *
     * @throws SessionException when the server refuses or cannot be reached (one line, no password)
     */
    static Upstream login(SessionFactory sessions, RunConfig config, String name, String account, String password)
            throws SessionException, InterruptedException {
        Upstream u = new Upstream(sessions, config, name, account, password);
        u.session = u.connect(Optional.empty());
        return u;
    }

    String account() {
        return account;
    }

    String password() {
        return password;
    }

    /** The session bound with {@code resource} (the server's choice when empty). */
    ActorSession bind(Optional<String> resource) throws SessionException, InterruptedException {
        if (resource.isEmpty()) return session;
        ActorSession again = connect(resource);
        ActorSession first = session;
        session = again;
        first.disconnect();
        return again;
    }

    /** Closes the stream gracefully (bounded by the connect timeout). */
    void disconnect() {
        session.disconnect();
    }

    /** Releases the connection at once. */
    void abort() {
        session.abort();
    }

    private ActorSession connect(Optional<String> resource) throws SessionException, InterruptedException {
        ConnectRequest request = ConnectRequests.forAccount(name, account, password, resource, config);
        return sessions.connect(request, WireTap.NONE);
    }
}
