package dev.scansion.recorder;

/**
 * What the proxy tells its user about its clients, one line each; called from the clients' threads.
 * {@code client} is the proxy's count of accepted connections, from 1. No text here ever holds a
 * password or a SASL payload.
 */
public interface ProxyListener {
    ProxyListener NONE = new ProxyListener() {
    };

    /** A client logged in and the server bound {@code fullJid}. */
    default void bound(int client, String fullJid) {
    }

    /** The server (or the way to it) refused a client's login; it got a SASL failure. */
    default void refused(int client, String account, String reason) {
    }

    /** A client's stream was ended by a problem: garbage, a timeout, a refused bind... */
    default void problem(int client, String peer, String reason) {
    }

    /** A bound client's session ended. */
    default void ended(int client, String fullJid, String how) {
    }
}
