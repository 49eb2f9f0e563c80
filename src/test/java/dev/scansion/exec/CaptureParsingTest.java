package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Stream errors and SASL redaction, as seen in captured elements. */
class CaptureParsingTest {
    @Test
    void streamErrorConditionAndText() {
        String raw = "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text></stream:error>";
        Inbound.StreamError e = StreamErrors.parse(raw, "stream", Instant.now()).orElseThrow();
        assertEquals("conflict", e.condition());
        assertEquals("Replaced by new connection", e.text());
        assertEquals(raw, e.raw());
    }

    @Test
    void streamErrorWithAnotherPrefix() {
        String raw = "<s:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></s:error>";
        assertEquals("policy-violation", StreamErrors.parse(raw, "s", Instant.now()).orElseThrow().condition());
    }

    @Test
    void ordinaryStanzasAreNotStreamErrors() {
        assertFalse(StreamErrors.parse("<message type='error'><error/></message>", "stream", Instant.now())
                .isPresent());
    }

    @Test
    void saslPayloadsAreRedacted() {
        String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AHVzZXIAcGFzc3dvcmQ=</auth>";
        String redacted = SaslRedactor.redact(auth);
        assertFalse(redacted.contains("AHVzZXIAcGFzc3dvcmQ="), redacted);
        assertEquals("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>[redacted]</auth>", redacted);
        for (String name : new String[]{"response", "challenge", "success"}) {
            String el = "<" + name + " xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>cj1zZWNyZXQ=</" + name + ">";
            assertFalse(SaslRedactor.redact(el).contains("cj1zZWNyZXQ="), name);
        }
    }

    @Test
    void emptySaslElementsAndStanzasStayAsTheyAre() {
        String success = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";
        assertEquals(success, SaslRedactor.redact(success));
        String msg = "<message><body>auth</body></message>";
        assertEquals(msg, SaslRedactor.redact(msg));
        String failure = "<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>";
        assertTrue(SaslRedactor.redact(failure).contains("not-authorized"));
    }
}
