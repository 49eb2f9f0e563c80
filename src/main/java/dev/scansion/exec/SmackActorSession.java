package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.SmackException;

import dev.scansion.text.Durations;

/** An {@link ActorSession} over a logged-in {@link CapturingConnection}. */
final class SmackActorSession implements ActorSession {
    private static final String PROSODY_CAPS_NODE = "http://prosody.im";
    private final CapturingConnection connection;
    private final StreamCapture capture;
    private final InboundBuffer buffer;
    private final String fullJid;
    private final Duration writeTimeout;
    private final ReadBarrier barrier;
    private volatile boolean disconnected;
    /** When the last write returned, and when our end was closed ({@link System#nanoTime()}). */
    private volatile long lastWriteNanos;
    private volatile long closedNanos;

    SmackActorSession(CapturingConnection connection, StreamCapture capture, InboundBuffer buffer,
                      Duration writeTimeout, java.net.Socket socket) {
        this.barrier = ReadBarrier.of(socket);
        this.connection = connection;
        this.capture = capture;
        this.buffer = buffer;
        this.fullJid = String.valueOf(connection.getUser());
        this.writeTimeout = writeTimeout;
    }

    @Override
    public String fullJid() {
        return fullJid;
    }

    @Override
    public void send(String xml) throws SessionException {
        Optional<Inbound> end = buffer.terminal();
        if (end.isPresent()) throw new SessionException(SessionException.Kind.CLOSED, end.get().describe());
        if (disconnected) throw new SessionException(SessionException.Kind.CLOSED, "the session is disconnected");
        TrackingWriter writer = capture.writer();
        long target = writer.written() + xml.length();
        try {
            connection.sendNonza(new RawElement(xml));
            boolean flushed = writer.awaitFlushed(target, writeTimeout.toNanos());
            lastWriteNanos = System.nanoTime();
            if (!flushed) {
                Optional<Inbound> closed = buffer.terminal();
                throw closed.isPresent() ? new SessionException(SessionException.Kind.CLOSED, closed.get().describe())
                        : new SessionException(SessionException.Kind.IO,
                        "the stanza was not written within " + Durations.format(writeTimeout));
            }
        } catch (SmackException.NotConnectedException e) {
            throw new SessionException(SessionException.Kind.CLOSED,
                    buffer.terminal().map(Inbound::describe).orElse("the connection is closed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException(SessionException.Kind.IO, "interrupted while sending");
        }
    }

    @Override
    public boolean awaitServerRead(Duration bound) throws InterruptedException {
        return !disconnected && buffer.terminal().isEmpty() && barrier.await(lastWriteNanos, bound);
    }

    @Override
    public Optional<String> orderDoubt() {
        return barrier.doubt();
    }

    /** Prosody announces itself in its stream features' caps node; its single event loop handles each read to the end. */
    @Override
    public boolean serverHandlesReadsInOrder() {
        return PROSODY_CAPS_NODE.equals(capture.serverCapsNode());
    }

    @Override
    public Optional<Inbound> next(Duration timeout) throws InterruptedException {
        return buffer.next(timeout);
    }

    @Override
    public List<Inbound> drain() {
        return buffer.drain();
    }

    @Override
    public long dropped() {
        return buffer.dropped();
    }

    @Override
    public void abort() {
        disconnected = true;
        capture.closingByUs();
        try {
            connection.instantShutdown();
        } catch (RuntimeException e) {
            // Already down.
        }
        if (closedNanos == 0) closedNanos = System.nanoTime();
    }

    @Override
    public Optional<Inbound> ended() {
        return buffer.terminal();
    }

    @Override
    public void disconnect() {
        if (disconnected) return;
        disconnected = true;
        capture.closingByUs();
        if (buffer.terminal().isPresent()) {
            // The server has already ended the stream (Smack stops reading at a stream error, so
            // it would wait in vain for the closing tag): just release the socket.
            connection.instantShutdown();
        } else {
            try {
                // Sends </stream:stream> only and waits (bounded by the reply timeout) for the server's.
                connection.disconnect();
            } catch (RuntimeException e) {
                // Fall through to the hard stop below.
            }
            if (connection.isConnected()) connection.instantShutdown();
        }
        closedNanos = System.nanoTime();
    }

    /**
     * Waits (bounded) until the server process has closed its end too, so that it has finished
     * with the session before the script goes on (servers may reset state when the last client
     * leaves, as Prosody's debug_reset does).
     */
    @Override
    public boolean awaitServerClosed(Duration bound) throws InterruptedException {
        return disconnected && barrier.awaitServerClosed(closedNanos, bound);
    }
}
