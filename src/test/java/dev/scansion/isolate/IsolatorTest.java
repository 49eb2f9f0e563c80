package dev.scansion.isolate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptDump;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Script;

/** One test per rewrite rule, each with what the rule must leave alone. */
class IsolatorTest {
    private static final String ACTORS = """
            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: password

            [Client] Juliet
            \tjid: juliet@localhost/balcony
            \tpassword: password

            -----

            Romeo connects

            """;

    static Script parse(String actions) {
        ParseResult r = ScriptParser.parse("t.scs", ACTORS + actions);
        assertTrue(r.ok(), () -> r.diagnostics().toString());
        return r.script().orElseThrow();
    }

    private static String isolated(String actions) {
        return ScriptDump.dump(Isolator.isolate(parse(actions), "s1").script());
    }

    @Test
    void actorJidsGetTheSuffixInTheirLocalpartOnly() {
        Script s = Isolator.isolate(parse(""), "s1").script();
        assertEquals("romeo-s1@localhost", s.actor("Romeo").orElseThrow().jid());
        // the resource (bound at connect) and the domain stay as written
        assertEquals("juliet-s1@localhost/balcony", s.actor("Juliet").orElseThrow().jid());
        // the password is not a JID and is never rewritten
        assertEquals("password", s.actor("Romeo").orElseThrow().password().orElseThrow());
    }

    @Test
    void otherAccountsInAttributesAndTextAreRenamedConsistently() {
        String dump = isolated("""
                Romeo sends:
                \t<message to="nurse@localhost"><body>tell nurse@localhost.</body></message>

                Romeo receives:
                \t<message from="nurse@localhost/chamber"/>
                """);
        assertTrue(dump.contains("@to = \"nurse-s1@localhost\""), dump);
        assertTrue(dump.contains("text \"tell nurse-s1@localhost.\""), dump);
        assertTrue(dump.contains("@from = \"nurse-s1@localhost/chamber\""), dump);
    }

    @Test
    void roomsOnASubdomainAreRenamedButNicknamesAreNot() {
        String dump = isolated("""
                Romeo sends:
                \t<presence to="room@conference.localhost/Romeo"/>

                Romeo receives:
                \t<presence from="room@conference.localhost/romeo@localhost"/>
                """);
        assertTrue(dump.contains("@to = \"room-s1@conference.localhost/Romeo\""), dump);
        // a resource is never rewritten, even when it looks like a JID of ours
        assertTrue(dump.contains("@from = \"room-s1@conference.localhost/romeo@localhost\""), dump);
    }

    @Test
    void domainsOtherDomainsVariablesAndMarkersAreLeftAlone() {
        String dump = isolated("""
                Romeo sends:
                \t<iq to="localhost" id="x"><query xmlns="q" a="conference.localhost" b="juliet@example.org" c="x@notlocalhost"/></iq>

                Romeo receives:
                \t<iq from="${Romeo's JID}" id="{scansion:any}"><query xmlns="q" a="{scansion:capture:who}">{scansion:any}@localhost</query></iq>
                """);
        assertTrue(dump.contains("@to = \"localhost\""), dump);
        assertTrue(dump.contains("@a = \"conference.localhost\""), dump);
        assertTrue(dump.contains("@b = \"juliet@example.org\""), dump);
        assertTrue(dump.contains("@c = \"x@notlocalhost\""), dump);
        assertTrue(dump.contains("@from = ${Romeo's JID}[JID \"Romeo\""), dump);
        assertTrue(dump.contains("@id = {scansion:any}"), dump);
        assertTrue(dump.contains("@a = {scansion:capture:who}"), dump);
        assertTrue(dump.contains("text \"{scansion:any}@localhost\""), dump);
    }

    @Test
    void pubsubNodesOnAServiceAreRenamed() {
        String dump = isolated("""
                Romeo sends:
                \t<iq type="set" id="c" to="pubsub.localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><create node="sonnets"/></pubsub></iq>

                Romeo receives:
                \t<message from="pubsub.localhost"><event xmlns="http://jabber.org/protocol/pubsub#event"><items node="sonnets"/></event></message>
                """);
        assertTrue(dump.contains("@node = \"sonnets-s1\""), dump);
        assertFalse(dump.contains("@node = \"sonnets\""), dump);
    }

    @Test
    void pepNodesAndNodesOutsidePubsubNamespacesAreNotRenamed() {
        String dump = isolated("""
                Romeo sends:
                \t<iq type="set" id="p"><pubsub xmlns="http://jabber.org/protocol/pubsub"><publish node="tune"/></pubsub></iq>

                Romeo sends:
                \t<iq type="get" id="q" to="juliet@localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><items node="mood"/></pubsub></iq>

                Romeo sends:
                \t<iq type="get" id="r" to="pubsub.localhost"><query xmlns="http://jabber.org/protocol/disco#info" node="caps"/></iq>

                Romeo sends:
                \t<iq type="get" id="s" to="localhost"><pubsub xmlns="http://jabber.org/protocol/pubsub"><items node="server"/></pubsub></iq>
                """);
        assertTrue(dump.contains("@node = \"tune\""), dump);
        assertTrue(dump.contains("@node = \"mood\""), dump);
        assertTrue(dump.contains("@node = \"caps\""), dump);
        assertTrue(dump.contains("@node = \"server\""), dump);
    }

    @Test
    void restoreGivesBackTheScriptsNamesAndTheRenamesAreListed() {
        Isolator.Isolated i = Isolator.isolate(parse("""
                Romeo sends:
                \t<presence to="room@conference.localhost/Romeo"/>
                """), "s1");
        assertEquals(Map.of("romeo@localhost", "romeo-s1@localhost", "juliet@localhost", "juliet-s1@localhost",
                "room@conference.localhost", "room-s1@conference.localhost"), i.isolation().renames());
        assertEquals("<presence from='room@conference.localhost/Romeo' to='romeo@localhost/x'/>",
                i.isolation().restore("<presence from='room-s1@conference.localhost/Romeo' to='romeo-s1@localhost/x'/>"));
        assertTrue(i.isolation().describe().startsWith("romeo@localhost → romeo-s1@localhost, "), i.isolation().describe());
    }

    @Test
    void theGivenScriptIsNotChanged() {
        Script s = parse("Romeo sends:\n\t<message to=\"nurse@localhost\"/>\n");
        String before = ScriptDump.dump(s);
        Isolator.isolate(s, "s1");
        assertEquals(before, ScriptDump.dump(s));
        assertEquals("romeo@localhost", s.actor("Romeo").orElseThrow().jid());
    }

    @Test
    void suffixesAreUniqueLowerCaseAndUnambiguous() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String s = Suffixes.next();
            assertTrue(s.matches("[a-z0-9_]{5,16}"), s);
            assertTrue(seen.add(s), "repeated: " + s);
        }
        // the same random characters: (pid 1, run 23) and (pid 12, run 3) must still differ
        assertFalse(Suffixes.of(1, 36 * 2 + 3, new java.util.Random(7))
                .equals(Suffixes.of(36 + 2, 3, new java.util.Random(7))));
        List<String> parts = List.of(Suffixes.of(1234567, 0, new java.util.Random(1)).split("_"));
        assertEquals(Long.toString(1234567, 36), parts.get(0));
    }

    @Test
    void aSerialScriptKeepsItsNames() {
        assertTrue(Isolator.applies(parse("")));
        ParseResult serial = ScriptParser.parse("s.scs", "# Alone\n## serial\n\n" + ACTORS);
        assertFalse(Isolator.applies(serial.script().orElseThrow()), serial.diagnostics().toString());
    }
}
