package dev.scansion.exec;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/** An XMPPTCPConnection whose reader and writer pass through a {@link StreamCapture}. */
final class CapturingConnection extends XMPPTCPConnection {
    private final StreamCapture capture;

    CapturingConnection(XMPPTCPConnectionConfiguration config, StreamCapture capture) {
        super(config);
        this.capture = capture;
        capture.onStreamErrorWhileClosing(this::stopWaitingForClosingTag);
    }

    /**
     * A stream error that arrives after our {@code </stream:stream>} ends Smack's reader without
     * waking {@code disconnect}, which would then wait the whole reply timeout for a closing tag
     * that Smack will never parse.
     */
    private void stopWaitingForClosingTag() {
        setCurrentConnectionExceptionAndNotify(new IllegalStateException("the server sent a stream error"));
    }

    /** Smack calls this at connect and again after STARTTLS with fresh reader and writer. */
    @Override
    protected void initDebugger() {
        super.initDebugger();
        reader = capture.wrapReader(reader);
        writer = capture.wrapWriter(writer);
    }

    /**
     * Smack calls this itself when the server closes the stream; the default would send an
     * unavailable presence first. Only {@code </stream:stream>} may go on the wire.
     */
    @Override
    public void disconnect() {
        try {
            disconnect((Presence) null);
        } catch (SmackException.NotConnectedException | RuntimeException e) {
            // Already closed: nothing to do.
        }
    }
}
