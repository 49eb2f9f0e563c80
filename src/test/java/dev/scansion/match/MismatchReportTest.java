package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scansion.script.ast.SourceSpan;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Distances (for ranking skipped stanzas), the file-name parameter, and how differences read. */
@Timeout(60)
class MismatchReportTest {
    private static final String EXPECTED = """
            <presence from='room@conference.localhost/Juliet' type='unavailable'>
            	<x xmlns='http://jabber.org/protocol/muc#user'>
            		<item affiliation='none' role='none'/>
            	</x>
            </presence>""";

    private static MatchResult.Mismatch mismatch(String received) throws Exception {
        MatchResult r = new StanzaMatcher(MatchOptions.DEFAULT)
                .match(ExpectedXml.parse(EXPECTED), "muc.scs", new TestBindings(), ReceivedStanza.parse(received));
        assertTrue(r instanceof MatchResult.Mismatch, "should not match: " + received);
        return (MatchResult.Mismatch) r;
    }

    @Test
    void closerStanzasHaveSmallerDistances() throws Exception {
        List<String> fromClosestToFarthest = List.of(
                // one attribute differs
                "<presence from='room@conference.localhost/Juliet' type='unavailable'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='none'/></x></presence>",
                // two attributes differ
                "<presence from='room@conference.localhost/Romeo' type='unavailable'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='none'/></x></presence>",
                // the whole x is missing
                "<presence from='room@conference.localhost/Juliet' type='unavailable'/>",
                // x missing and attributes wrong
                "<presence from='room@conference.localhost/Romeo'/>",
                // another element altogether
                "<message from='room@conference.localhost/Juliet' type='unavailable'/>");
        double previous = 0;
        for (String received : fromClosestToFarthest) {
            double d = mismatch(received).distance();
            assertTrue(d > previous, "distance " + d + " should exceed " + previous + " for " + received);
            previous = d;
        }
    }

    @Test
    void theClosestCandidateCanBePickedByDistance() throws Exception {
        List<MatchResult.Mismatch> candidates = List.of(
                mismatch("<message type='chat'><body>hi</body></message>"),
                mismatch("<presence from='room@conference.localhost/Juliet'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='none'/></x></presence>"),
                mismatch("<presence from='room@conference.localhost/Romeo'/>"));
        MatchResult.Mismatch closest = candidates.stream().min(Comparator.comparingDouble(MatchResult.Mismatch::distance)).orElseThrow();
        assertEquals(List.of("muc.scs:1:51: /presence/@type: missing attribute: expected 'unavailable', received (absent)"),
                closest.differences().stream().map(Difference::oneLine).toList());
    }

    @Test
    void differencesCarryTheFileAndPositionOfTheExpectation() throws Exception {
        Difference d = mismatch("<presence from='room@conference.localhost/Juliet' type='unavailable'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='none' role='visitor'/></x></presence>")
                .differences().get(0);
        assertEquals(SourceSpan.of("muc.scs", 3, 28), d.expectedAt());
        assertEquals("/presence/x{muc#user}/item/@role", d.path());
        assertEquals("attribute value differs", d.reason());
        assertEquals("none", d.expected());
        assertEquals("visitor", d.received());
    }

    @Test
    void withoutAFileNameThePositionSaysScript() throws Exception {
        MatchResult r = new StanzaMatcher(MatchOptions.DEFAULT)
                .match(ExpectedXml.parse("<presence type='x'/>"), new TestBindings(), ReceivedStanza.parse("<presence/>"));
        assertEquals("<script>:1:11", ((MatchResult.Mismatch) r).differences().get(0).expectedAt().toString());
    }

    @Test
    void namespaceHints() {
        assertEquals("muc#user", Paths.hint("http://jabber.org/protocol/muc#user"));
        assertEquals("pubsub", Paths.hint("http://jabber.org/protocol/pubsub"));
        assertEquals("data", Paths.hint("jabber:x:data"));
        assertEquals("mam:2", Paths.hint("urn:xmpp:mam:2"));
        assertEquals("xmpp-stanzas", Paths.hint("urn:ietf:params:xml:ns:xmpp-stanzas"));
        assertEquals("streams", Paths.hint("http://etherx.jabber.org/streams"));
        assertEquals("caps", Paths.hint("http://jabber.org/protocol/caps/"));
    }
}
