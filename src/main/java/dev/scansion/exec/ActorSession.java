package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One actor's client connection, logged in and bound. After {@link SessionFactory#connect} returns,
 * the wire carries only what {@link #send} writes. Implementations: {@link SmackSessionFactory} for
 * real servers, fakes in tests.
 */
public interface ActorSession {
    /** The full JID the server bound. */
    String fullJid();

    /**
     * Writes one top-level element verbatim and returns once it has been handed to the socket.
     *
     * @throws SessionException when the stream is closed or the write fails
     */
    void send(String xml) throws SessionException;

    /**
     * Waits until the server process has read everything sent so far, when that can be observed
     * (a server on this machine, Linux). Returns false at once when it cannot be observed, or when
     * {@code bound} passed first; the caller then falls back to a pause.
     */
    default boolean awaitServerRead(Duration bound) throws InterruptedException {
        return false;
    }

    /**
     * Why the socket that {@link #awaitServerRead} watches may not be the server's own (a local
     * proxy's, or its owner cannot be seen; see {@link ProxyCheck}); empty when it is the server's,
     * or when nothing is watched. Called once per session, off the script's thread.
     */
    default Optional<String> orderDoubt() {
        return Optional.empty();
    }

    /**
     * Whether the server handles what it has read from a connection to the end before it reads
     * another one (one event loop, as Prosody's): then, once it was seen to have read a send, a
     * moment is enough before another actor acts. Servers that handle sessions concurrently
     * (ejabberd: a process per session, which archives and routes after reading) get the whole
     * {@link RunConfig#settle()}.
     */
    default boolean serverHandlesReadsInOrder() {
        return false;
    }

    /** The next inbound item (see {@link InboundBuffer#next}), waiting at most {@code timeout}. */
    Optional<Inbound> next(Duration timeout) throws InterruptedException;

    /** Every stanza buffered now, without waiting. */
    List<Inbound> drain();

    /** How many stanzas were dropped unread because the actor's buffer was full ({@link InboundBuffer}). */
    default long dropped() {
        return 0;
    }

    /** Why the stream ended, if it has. */
    Optional<Inbound> ended();

    /**
     * Closes the stream gracefully: {@code </stream:stream>} only, then waits (bounded) for the
     * server's closing tag or EOF. Idempotent; never throws.
     */
    void disconnect();

    /**
     * Releases the connection at once, without waiting for the server (a {@link #disconnect} still
     * running on another thread then returns). Idempotent; never throws.
     */
    default void abort() {
    }

    /**
     * After {@link #disconnect}: waits until the server process has closed its end of the
     * connection, when that can be observed (as for {@link #awaitServerRead}). Returns false at
     * once when it cannot be observed, or when {@code bound} passed first.
     */
    default boolean awaitServerClosed(Duration bound) throws InterruptedException {
        return false;
    }
}
