package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class ReceivedStanzaTest {

    @Test
    void aStanzaWithoutXmlnsIsInJabberClient() throws Exception {
        ReceivedStanza s = ReceivedStanza.parse("<presence from='a@b/c'/>");
        assertEquals("presence", s.localName());
        assertEquals("jabber:client", s.namespace());
        assertEquals("presence", s.qualifiedName());
        assertEquals("<presence from='a@b/c'/>", s.raw());
        assertFalse(s.isStreamError());
    }

    @Test
    void aStreamErrorUsesThePrefixDeclaredOnTheStream() throws Exception {
        ReceivedStanza s = ReceivedStanza.parse("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text></stream:error>");
        assertEquals("error", s.localName());
        assertEquals("http://etherx.jabber.org/streams", s.namespace());
        assertEquals("stream:error", s.qualifiedName());
        assertTrue(s.isStreamError()); // its condition and text: dev.scansion.wire.StreamError
    }

    @Test
    void anErrorElementInJabberClientIsNotAStreamError() throws Exception {
        assertFalse(ReceivedStanza.parse("<error type='cancel'/>").isStreamError());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><message>&e;</message>",
        "<message>&e;</message>",
        "<!DOCTYPE message><message/>",
        "<message><body>unclosed</message>",
        "<message/><presence/>",
        "",
        "just text",
        "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>",
        "<undeclared:prefix/>",
    })
    void refusesAnythingButOneWellFormedElement(String raw) {
        var e = assertThrows(ReceivedStanza.MalformedStanzaException.class, () -> ReceivedStanza.parse(raw));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void theParserStillWorksAfterAFailure() throws Exception {
        assertThrows(ReceivedStanza.MalformedStanzaException.class, () -> ReceivedStanza.parse("<a><b></a>"));
        assertEquals("a", ReceivedStanza.parse("<a><b/></a>").localName());
    }

    @Test
    void prettyPrintsIndentedWithAttributesAndPrefixesAsReceived() throws Exception {
        ReceivedStanza s = ReceivedStanza.parse("<presence from='room@conference.localhost/Romeo' xml:lang='en'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'>\n  <status code='201'/><item jid=\"r@l/b\" "
                + "role='moderator'/></x><p:c xmlns:p='urn:caps' note='it&apos;s &lt;&amp;&gt;'/>"
                + "<body>  Hello &lt;world&gt; &amp; all  </body><mixed>one<b/>two</mixed></presence>");
        String expected = """
                <presence from='room@conference.localhost/Romeo' xml:lang='en'>
                  <x xmlns='http://jabber.org/protocol/muc#user'>
                    <status code='201'/>
                    <item jid='r@l/b' role='moderator'/>
                  </x>
                  <p:c xmlns:p='urn:caps' note='it&apos;s &lt;&amp;>'/>
                  <body>Hello &lt;world&gt; &amp; all</body>
                  <mixed>
                    one
                    <b/>
                    two
                  </mixed>
                </presence>""";
        assertEquals(expected, s.pretty());
        assertEquals(s.pretty(), ReceivedStanza.parse(s.raw()).pretty(), "stable");
    }

    @Test
    void startTagIsAOneLineSummary() throws Exception {
        assertEquals("<message type='chat' to='a@b'>",
                ReceivedStanza.parse("<message type='chat' to='a@b'><body>x</body></message>").startTag());
    }

    @Test
    void oneParseServesManyThreads() throws Exception {
        ReceivedStanza s = ReceivedStanza.parse("<presence><x xmlns='urn:x'><a/><b/></x></presence>");
        var expected = ExpectedXml.parse("<presence><x xmlns='urn:x'><a/><b/></x></presence>");
        var wrong = ExpectedXml.parse("<presence><x xmlns='urn:x'><b/><a/></x></presence>");
        StanzaMatcher matcher = new StanzaMatcher(MatchOptions.DEFAULT);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> matcher.match(good ? expected : wrong, new TestBindings(), s).matched() == good
                        && ReceivedStanza.parse("<m><n/></m>").localName().equals("m")));
            }
            for (Future<Boolean> f : results) assertTrue(f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
