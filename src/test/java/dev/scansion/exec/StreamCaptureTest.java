package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** The raw capture on its own: splitting, arming at the bind result, stream ends, tracing. */
class StreamCaptureTest {
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
            + " xmlns='jabber:client' xml:lang='en' from='localhost' id='s1' version='1.0'>";
    private static final String NEGOTIATION = HEADER
            + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
            + "</mechanisms></stream:features>"
            + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>c2VjcmV0</success>"
            + HEADER + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>"
            + "<iq type='result' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>r@localhost/x</jid></bind></iq>";
    /** Smack opens its stream before it writes anything else. */
    private static final String OUR_HEADER = "<stream:stream xmlns='jabber:client' to='localhost'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0' xml:lang='en'>";
    private static final String MESSAGE = "<message from='a@localhost/b' type='chat'><body>one &amp; two</body></message>";
    private static final String PRESENCE = "<presence from='a@localhost/b'><x xmlns='http://jabber.org/protocol/muc#user'/></presence>";

    private final InboundBuffer buffer = new InboundBuffer();
    private final List<String> trace = new CopyOnWriteArrayList<>();
    private final StreamCapture capture = new StreamCapture("Romeo", (a, d, x) -> trace.add(d + " " + x), buffer);

    /** Reads everything through the tee in small reads at varying offsets, as a parser might. */
    private void readThrough(String wire) throws IOException {
        Reader tee = capture.wrapReader(new StringReader(wire));
        char[] buf = new char[64];
        int off = 0;
        while (true) {
            int len = 1 + (off * 7) % 13;
            int n = tee.read(buf, off, len);
            if (n < 0) break;
            off = (off + 5) % 40;
        }
    }

    private List<String> stanzas() throws InterruptedException {
        List<String> raws = new ArrayList<>();
        for (Inbound i : buffer.drain()) raws.add(((Inbound.Stanza) i).raw());
        return raws;
    }

    @Test
    void elementsAfterTheBindResultArriveIntactWhateverTheReadOffsets() throws Exception {
        capture.loginDone();
        readThrough(NEGOTIATION + MESSAGE + "\n " + PRESENCE);
        assertEquals(List.of(MESSAGE, PRESENCE), stanzas());
        assertFalse(buffer.terminal().isPresent());
    }

    @Test
    void negotiationIsTracedButNotBufferedAndSaslIsRedacted() throws Exception {
        readThrough(NEGOTIATION);
        assertEquals(List.of(), stanzas());
        assertTrue(trace.stream().anyMatch(t -> t.startsWith("RECEIVED <success") && t.contains("[redacted]")), trace.toString());
        assertTrue(trace.stream().noneMatch(t -> t.contains("c2VjcmV0")), trace.toString());
    }

    @Test
    void aStreamErrorEndsTheStream() throws Exception {
        capture.loginDone();
        readThrough(NEGOTIATION + MESSAGE + "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "</stream:error></stream:stream>");
        assertEquals(List.of(MESSAGE), stanzas());
        Inbound end = buffer.terminal().orElseThrow();
        assertEquals("stream error <conflict/>", end.describe());
    }

    @Test
    void theServersClosingTagEndsTheStream() throws Exception {
        capture.loginDone();
        readThrough(NEGOTIATION + "</stream:stream>");
        assertEquals("the server closed the stream", buffer.terminal().orElseThrow().describe());
    }

    @Test
    void ourOwnCloseIsNotAnEnd() throws Exception {
        capture.loginDone();
        capture.closingByUs();
        readThrough(NEGOTIATION + "</stream:stream>");
        assertFalse(buffer.terminal().isPresent());
    }

    @Test
    void repliesToSmacksOwnRequestsDuringLoginAreNotBuffered() throws Exception {
        Writer w = capture.wrapWriter(new StringWriter());
        w.write(OUR_HEADER);
        w.write("<iq id='sess1' type='set'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
        readThrough(NEGOTIATION + "<iq type='result' id='sess1'/>");
        capture.loginDone();
        assertEquals(List.of(), stanzas());
    }

    @Test
    void writesAreCountedAndFlushesReleaseWaiters() throws Exception {
        TrackingWriter w = (TrackingWriter) capture.wrapWriter(new StringWriter());
        char[] chars = ("xx" + OUR_HEADER + "<presence/>").toCharArray();
        w.write(chars, 2, chars.length - 2);
        long written = OUR_HEADER.length() + 11;
        assertEquals(written, w.written());
        assertFalse(w.awaitFlushed(written, Duration.ofMillis(10).toNanos()));
        w.flush();
        assertTrue(w.awaitFlushed(written, Duration.ofMillis(10).toNanos()));
        assertTrue(trace.contains("SENT <presence/>"), trace.toString());
    }

    @Test
    void theTraceShowsBothStreamsHeadersRestartsAndClosesAsWritten() throws Exception {
        Writer w = capture.wrapWriter(new StringWriter());
        w.write(OUR_HEADER + "<presence/></stream:stream>");
        readThrough(NEGOTIATION + "</stream:stream >");
        String theirs = HEADER.substring(HEADER.indexOf("<stream:stream"));
        assertEquals(List.of("SENT " + OUR_HEADER, "SENT <presence/>", "SENT </stream:stream>"), trace.subList(0, 3));
        assertEquals(2, trace.stream().filter(t -> t.equals("RECEIVED " + theirs)).count(), trace.toString());
        assertEquals("RECEIVED </stream:stream >", trace.get(trace.size() - 1));
    }

    @Test
    void aStreamThatCannotBeSplitEndsWithTheReasonAndItsFirstCharacters() throws Exception {
        capture.loginDone();
        readThrough(NEGOTIATION + MESSAGE + "<message><body>x</message>" + PRESENCE);
        assertEquals(List.of(MESSAGE), stanzas());
        String end = buffer.terminal().orElseThrow().describe();
        assertTrue(end.startsWith("the runner could not split the XML stream: </message> where </body> was expected"
                + " at character "), end);
        assertTrue(end.endsWith(": \"<message><body>x</message>\""), end);
    }

    @Test
    void theServersCapsNodeComesFromItsStreamFeatures() throws Exception {
        String withCaps = NEGOTIATION.replace("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>",
                "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/><c xmlns='http://jabber.org/protocol/caps' "
                        + "hash='sha-1' node='http://prosody.im' ver='x'/></stream:features>");
        capture.loginDone();
        readThrough(withCaps + "<message><c xmlns='http://jabber.org/protocol/caps' node='http://other'/></message>");
        assertEquals("http://prosody.im", capture.serverCapsNode(), "from the features, not from later stanzas");
    }

    @Test
    void noCapsNodeWhenTheServerAnnouncesNone() throws Exception {
        capture.loginDone();
        readThrough(NEGOTIATION + "<message><c xmlns='http://jabber.org/protocol/caps' node='http://other'/></message>");
        assertEquals("", capture.serverCapsNode());
    }
}
