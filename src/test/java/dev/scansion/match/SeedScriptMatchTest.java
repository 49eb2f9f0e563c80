package dev.scansion.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed script's expectations (parsed by the real parser) against stanzas shaped as Prosody
 * sends them, and broken copies of the script that a correct matcher must reject.
 */
@Timeout(60)
class SeedScriptMatchTest {
    private static final Path SEED = Path.of("/work/shared/seed/muc_members_only_deregister.scs");

    /** What Prosody sends for each receive step of the seed, in order (to= added, attributes reordered). */
    private static final List<String> RECEIVED = List.of(
            "<presence from='room@conference.localhost/Romeo' to='user@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><status code='201'/><item role='moderator' jid='user@localhost/r1' affiliation='owner'/><status code='110'/></x></presence>",
            "<message type='groupchat' to='user@localhost/r1' from='room@conference.localhost'><subject/></message>",
            "<iq type='result' id='config1' from='room@conference.localhost' to='user@localhost/r1'/>",
            "<message from='room@conference.localhost' to='user@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' jid='user2@localhost'/></x></message>",
            "<iq type='result' id='member1' from='room@conference.localhost' to='user@localhost/r1'/>",
            "<presence from='room@conference.localhost/Romeo' to='user2@localhost/j1'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator'/></x></presence>",
            "<presence from='room@conference.localhost/Juliet' to='user2@localhost/j1'><x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='member' role='participant'/><status code='110'/></x></presence>",
            "<message type='groupchat' from='room@conference.localhost' to='user2@localhost/j1'><subject/></message>",
            "<presence from='room@conference.localhost/Juliet' to='user@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><item jid='user2@localhost/j1' affiliation='member' role='participant'/></x></presence>",
            "<presence type='unavailable' from='room@conference.localhost/Juliet' to='user2@localhost/j1'><x xmlns='http://jabber.org/protocol/muc#user'><status code='321'/><item jid='user2@localhost/j1' role='none' affiliation='none'/><status code='110'/></x></presence>",
            "<iq type='result' id='unreg1' from='room@conference.localhost' to='user2@localhost/j1'/>",
            "<presence type='unavailable' from='room@conference.localhost/Juliet' to='user@localhost/r1'><x xmlns='http://jabber.org/protocol/muc#user'><status code='321'/><item jid='user2@localhost/j1' affiliation='none' role='none'/></x></presence>");

    private static final Bindings BINDINGS = new Bindings() {
        @Override
        public String resolve(Value.Variable v) throws UnboundVariableException {
            boolean romeo = "Romeo".equals(v.actor());
            String bare = romeo ? "user@localhost" : "user2@localhost";
            return v.kind() == Value.Variable.Kind.FULL_JID ? bare + (romeo ? "/r1" : "/j1") : bare;
        }

        @Override
        public Optional<String> capture(String name) {
            return Optional.empty();
        }
    };

    private static List<Step.Receive> receives(String text) {
        Script s = ScriptParser.parse("seed.scs", text).script().orElseThrow();
        return s.steps().stream().filter(Step.Receive.class::isInstance).map(Step.Receive.class::cast).toList();
    }

    private static MatchResult match(Step.Receive step, String raw) throws Exception {
        return new StanzaMatcher(MatchOptions.DEFAULT).match(step.payload().get(0), "seed.scs", BINDINGS,
                ReceivedStanza.parse(raw));
    }

    @Test
    void everyReceiveOfTheSeedMatchesWhatTheServerSends() throws Exception {
        List<Step.Receive> receives = receives(Files.readString(SEED));
        assertEquals(RECEIVED.size(), receives.size());
        for (int i = 0; i < receives.size(); i++) {
            MatchResult r = match(receives.get(i), RECEIVED.get(i));
            assertTrue(r.matched(), "receive #" + (i + 1) + " at " + receives.get(i).span() + ": " + r);
        }
    }

    @Test
    void aStanzaMeantForAnotherStepDoesNotMatch() throws Exception {
        List<Step.Receive> receives = receives(Files.readString(SEED));
        int[][] wrongPairs = {
            {1, 9},   // another occupant's presence
            {3, 5},   // another iq id
            {4, 2},   // a subject message instead of the affiliation change
            {10, 12}, // Romeo's copy lacks status 110 (strict x: missing child)
            {12, 10}, // Juliet's copy has status 110 (strict x: extra child)
            {7, 1},   // Romeo's presence, not Juliet's
        };
        for (int[] p : wrongPairs) {
            assertFalse(match(receives.get(p[0] - 1), RECEIVED.get(p[1] - 1)).matched(), "step " + p[0] + " vs stanza " + p[1]);
        }
    }

    record Broken(String name, String from, String to, String firstDifference) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Broken> brokenCopies() {
        return List.of(
                new Broken("status order swapped", null, null,
                        "/presence/x{muc#user}/status[2]: child element out of order (strict element)"),
                new Broken("wrong role", "role='moderator'/>", "role='participant'/>",
                        "/presence/x{muc#user}/item/@role: attribute value differs"),
                new Broken("bare instead of full JID", "jid=\"${Romeo's full JID}\"", "jid=\"${Romeo's JID}\"",
                        "/presence/x{muc#user}/item/@jid: attribute value differs (expected is ${Romeo's JID})"),
                new Broken("an extra expected status", "<status code='110'/>\n\t\t</x>\n\t</presence>\n\nRomeo receives:",
                        "<status code='110'/>\n\t\t\t<status code='100'/>\n\t\t</x>\n\t</presence>\n\nRomeo receives:",
                        "/presence/x{muc#user}/status: missing child element"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void brokenCopiesOfTheSeedAreRejected(Broken b) throws Exception {
        String seed = Files.readString(SEED);
        String broken;
        if (b.from() == null) { // swap the first two status codes
            broken = seed.replaceFirst("<status code='201'/>", "<status code='TMP'/>")
                    .replaceFirst("<status code='110'/>", "<status code='201'/>")
                    .replaceFirst("<status code='TMP'/>", "<status code='110'/>");
        } else {
            assertTrue(seed.contains(b.from()), "the seed must contain: " + b.from());
            broken = seed.replace(b.from(), b.to());
        }
        MatchResult r = match(receives(broken).get(0), RECEIVED.get(0));
        assertFalse(r.matched(), b.name());
        String first = ((MatchResult.Mismatch) r).differences().get(0).oneLine();
        assertTrue(first.startsWith("seed.scs:") && first.contains(": " + b.firstDifference()), b.name() + ": " + first);
    }
}
