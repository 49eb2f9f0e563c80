package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Strict captures turn loose children into a search; it must stay bounded and say so when cut short. */
@Timeout(60)
class StrictCaptureSearchTest {
    private static MatchResult run(int each, boolean strictCaptures) throws Exception {
        StringBuilder expected = new StringBuilder("<message>");
        StringBuilder received = new StringBuilder("<message>");
        for (int i = 0; i < 2 * each; i++) {
            expected.append("<a k='{scansion:capture:n}'/>");
            received.append("<a k='").append(i < each ? 1 : 2).append("'/>");
        }
        return new StanzaMatcher(new MatchOptions(strictCaptures)).match(ExpectedXml.parse(expected + "</message>"),
                "t", new TestBindings(), ReceivedStanza.parse(received + "</message>"));
    }

    @Test
    void conflictingCapturesAreRejectedByASmallSearch() throws Exception {
        MatchResult r = run(4, true);
        assertTrue(r instanceof MatchResult.Mismatch m && !m.differences().get(0).reason().startsWith("gave up"), r.toString());
    }

    @Test
    void withoutStrictCapturesTheSameStanzaMatches() throws Exception {
        assertTrue(run(8, false).matched());
    }

    @Test
    void aHugeSearchGivesUpAndSaysSo() throws Exception {
        MatchResult r = run(9, true);
        assertTrue(r instanceof MatchResult.Mismatch, r.toString());
        Difference first = ((MatchResult.Mismatch) r).differences().get(0);
        assertEquals("gave up after 200000 tries to pair children so that strict captures agree; the stanza may match",
                first.reason());
        assertEquals("/message", first.path());
    }
}
