package dev.scansion.exec;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the test fakes' sessions share: a full JID, an {@link InboundBuffer} their fake server
 * fills, and a server that has always read what was sent. Subclasses say what sending and
 * disconnecting do.
 */
public abstract class BufferedFakeSession implements ActorSession {
    protected final String fullJid;
    protected final InboundBuffer buffer = new InboundBuffer();
    protected volatile boolean closed;

    protected BufferedFakeSession(String fullJid) {
        this.fullJid = fullJid;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public String fullJid() {
        return fullJid;
    }

    @Override
    public boolean awaitServerRead(Duration bound) {
        return true;
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
    public Optional<Inbound> ended() {
        return buffer.terminal();
    }
}
