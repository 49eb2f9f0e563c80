package dev.scansion.exec;

import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.ConnectionListener;

import dev.scansion.result.Direction;
import dev.scansion.text.Printable;
import dev.scansion.wire.StreamHeader;
import dev.scansion.wire.StreamSplitter;

/**
 * The faithful pipe of one connection: splits the characters Smack reads into top-level elements
 * exactly as the server wrote them and queues those that arrive after the bind result; traces
 * both directions (SASL redacted). Everything here runs on Smack's reader and writer threads and
 * never throws.
 */
final class StreamCapture implements ConnectionListener {
    private static final Pattern IQ_ID = Pattern.compile("<iq\\b[^>]*?\\bid=(['\"])(.*?)\\1");
    /** The entity-capabilities node a server may announce in its stream features (XEP-0115 §6.3). */
    private static final Pattern CAPS_NODE = Pattern.compile(
            "<c\\b(?=[^>]*\\bxmlns=(['\"])http://jabber\\.org/protocol/caps\\1)[^>]*?\\bnode=(['\"])(.*?)\\2");

    /** How many of the server's first characters a "not an XMPP stream" message shows. */
    static final int FIRST_SHOWN = 64;

    private final String actor;
    private final WireTap tap;
    private final InboundBuffer buffer;
    /** What Smack wrote during login, to recognise replies to its own requests (e.g. session). */
    private final StringBuilder loginOutput = new StringBuilder();
    private volatile boolean armed;
    private volatile boolean loginDone;
    private volatile boolean closingByUs;
    private volatile String streamPrefix = "stream";
    private volatile String serverCapsNode = "";
    private volatile TrackingWriter writer;
    /** The first characters the server sent, to say what arrived when it is not an XMPP stream. */
    private final StringBuilder firstChars = new StringBuilder();
    private volatile boolean streamOpened;
    private volatile Runnable streamErrorWhileClosing = () -> {
    };

    StreamCapture(String actor, WireTap tap, InboundBuffer buffer) {
        this.actor = actor;
        this.tap = tap;
        this.buffer = buffer;
    }

    /** Called from initDebugger (at connect and again after STARTTLS) with the fresh reader. */
    Reader wrapReader(Reader reader) {
        StreamSplitter splitter = new StreamSplitter(Limits.ELEMENT_CHARS, new Incoming());
        return new TeeReader(reader, (chars, off, len) -> {
            remember(chars, off, len);
            feed(splitter, chars, off, len);
        });
    }

    Writer wrapWriter(Writer out) {
        StreamSplitter splitter = new StreamSplitter(Limits.ELEMENT_CHARS, new Outgoing());
        TrackingWriter w = new TrackingWriter(out, (chars, off, len) -> feed(splitter, chars, off, len));
        writer = w;
        return w;
    }

    TrackingWriter writer() {
        return writer;
    }

    /** The caps node the server announced in its stream features (e.g. {@code http://prosody.im}), or "". */
    String serverCapsNode() {
        return serverCapsNode;
    }

    /**
     * When the server sent something that did not open an XMPP stream (an HTTP server, a TLS port):
     * its first characters, escaped for printing, e.g. {@code HTTP/1.1 400 Bad Request\r\n…}.
     */
    Optional<String> notAnXmppStream() {
        if (streamOpened) return Optional.empty();
        synchronized (firstChars) {
            if (firstChars.isEmpty()) return Optional.empty();
            boolean more = firstChars.length() > FIRST_SHOWN;
            return Optional.of(Printable.line(firstChars.substring(0, Math.min(FIRST_SHOWN, firstChars.length())))
                    + (more ? "…" : ""));
        }
    }

    private void remember(char[] chars, int off, int len) {
        if (streamOpened) return;
        synchronized (firstChars) {
            int room = FIRST_SHOWN + 1 - firstChars.length();
            if (room > 0) firstChars.append(chars, off, Math.min(room, len));
        }
    }

    void loginDone() {
        loginDone = true;
        synchronized (loginOutput) {
            loginOutput.setLength(0);
        }
    }

    void closingByUs() {
        closingByUs = true;
    }

    /** Called (on the reader thread) when a stream error arrives after we began closing. */
    void onStreamErrorWhileClosing(Runnable action) {
        streamErrorWhileClosing = action;
    }

    @Override
    public void connectionClosedOnError(Exception e) {
        if (!closingByUs) buffer.add(new Inbound.Closed("the connection was lost: " + Failures.describe(e), Instant.now()));
        TrackingWriter w = writer;
        if (w != null) w.markFailed();
    }

    @Override
    public void connectionClosed() {
        if (!closingByUs) buffer.add(new Inbound.Closed("the connection was closed", Instant.now()));
        TrackingWriter w = writer;
        if (w != null) w.markFailed();
    }

    private void feed(StreamSplitter splitter, char[] chars, int off, int len) {
        try {
            splitter.feed(chars, off, len);
        } catch (Throwable t) {
            buffer.add(new Inbound.Closed("the runner could not split the XML stream: " + printable(t), Instant.now()));
        }
    }

    private void onIncoming(String raw) {
        Instant now = Instant.now(); // the arrival: before the -v tap prints anything
        // The trace (-v) prints what arrived; a huge stanza is cut there as in every report.
        // whole: the run masks it, then cuts it (a password across the cut must not half show)
        safeTap(Direction.RECEIVED, SaslRedactor.redact(raw));
        if (!armed) {
            if (raw.contains("http://jabber.org/protocol/caps")) {
                Matcher caps = CAPS_NODE.matcher(raw);
                if (caps.find()) serverCapsNode = caps.group(3);
            }
            armed = raw.startsWith("<iq") && raw.contains("urn:ietf:params:xml:ns:xmpp-bind");
            return;
        }
        if (!loginDone && isReplyToSmack(raw)) return;
        Optional<Inbound.StreamError> error = StreamErrors.parse(raw, streamPrefix, now);
        buffer.add(error.<Inbound>map(e -> e).orElseGet(() -> new Inbound.Stanza(raw, now)));
        if (error.isPresent() && closingByUs) streamErrorWhileClosing.run();
    }

    private boolean isReplyToSmack(String raw) {
        Matcher m = IQ_ID.matcher(raw);
        if (!m.find()) return false;
        String id = m.group(2);
        synchronized (loginOutput) {
            return loginOutput.indexOf("id='" + id + "'") >= 0 || loginOutput.indexOf("id=\"" + id + "\"") >= 0;
        }
    }

    private void onOutgoing(String raw) {
        if (!loginDone) {
            synchronized (loginOutput) {
                loginOutput.append(raw);
            }
        }
        safeTap(Direction.SENT, SaslRedactor.redact(raw));
    }

    private final class Incoming implements StreamSplitter.Listener {
        @Override
        public void element(String xml) {
            try {
                onIncoming(xml);
            } catch (Throwable t) {
                buffer.add(new Inbound.Closed("the runner failed to capture a stanza: " + printable(t), Instant.now()));
            }
        }

        @Override
        public void streamOpened(StreamHeader header) {
            streamPrefix = header.prefix();
            streamOpened = true;
            safeTap(Direction.RECEIVED, Printable.cut(header.raw(), Limits.STANZA_CHARS));
        }

        @Override
        public void streamClosed(String closingTag) {
            safeTap(Direction.RECEIVED, Printable.cut(closingTag, Limits.STANZA_CHARS));
            if (!closingByUs) buffer.add(new Inbound.Closed("the server closed the stream", Instant.now()));
        }

        @Override
        public void malformed(String message) {
            buffer.add(new Inbound.Closed("the runner could not split the XML stream: " + message, Instant.now()));
        }
    }

    private final class Outgoing implements StreamSplitter.Listener {
        @Override
        public void element(String xml) {
            try {
                onOutgoing(xml);
            } catch (Throwable t) {
                // Tracing is best effort; never disturb the writer thread.
            }
        }

        @Override
        public void streamOpened(StreamHeader header) {
            safeTap(Direction.SENT, header.raw());
        }

        @Override
        public void streamClosed(String closingTag) {
            safeTap(Direction.SENT, closingTag);
        }

        @Override
        public void malformed(String message) {
            // Only the trace of what we send is lost: Smack writes the stream, the server judges it.
        }
    }

    private void safeTap(Direction direction, String xml) {
        try {
            tap.wire(actor, direction, xml);
        } catch (Throwable t) {
            // A broken trace sink must not break the connection.
        }
    }

    /** An exception's text can quote the server's bytes: escaped and cut. */
    private static String printable(Throwable t) {
        return Printable.shortLine(String.valueOf(t), 300);
    }
}
