package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.script.ast.Script;

/** The minimal editor on scripts in files, with stanzas given as the server would send them. */
class ExpectationEditorTest {
    @TempDir
    Path dir;

    /** The script text after accepting {@code stanza} for the step on {@code line} (its first element). */
    private String accept(String body, int line, String stanza) throws Exception {
        return accept(body, line, 0, stanza, Map.of());
    }

    private String accept(String body, int line, int element, String stanza, Map<String, String> captures)
            throws Exception {
        Path file = Fixtures.write(dir, body);
        Script script = Fixtures.parse(file);
        ScriptEdits edits = ScriptEdits.read(file, script);
        int step = Fixtures.stepAt(script, line);
        edits.commit(edits.prepare(Fixtures.proposal(script, step, element, Optional.ofNullable(stanza), captures)));
        return edits.text();
    }

    private static String script(String actions) {
        return Fixtures.HEAD + actions;
    }

    private static final int FIRST = 14; // the line of the first action after HEAD's "Romeo connects"

    @Test
    void aDifferingValueIsReplacedAndNothingElseMoves() throws Exception {
        String before = script("""
                # a comment stays
                Romeo receives:
                \t<iq type="get" id="v1">
                \t\t<query xmlns="jabber:iq:version"/>
                \t</iq>

                Romeo disconnects
                """);
        String after = accept(before, FIRST + 1, "<iq type='result' id='v1' from='localhost'>"
                + "<query xmlns='jabber:iq:version'/></iq>");
        assertEquals(before.replace("type=\"get\"", "type=\"result\""), after);
    }

    @Test
    void anAttributeThatDidNotArriveIsDropped() throws Exception {
        String before = script("Romeo receives:\n\t<message type=\"chat\" id=\"m1\">\n\t\t<body>hi</body>\n\t</message>\n");
        String after = accept(before, FIRST, "<message type='chat'><body>hi</body></message>");
        assertEquals(before.replace(" id=\"m1\"", ""), after);
    }

    @Test
    void anExpectedChildThatDidNotArriveIsDroppedWithItsLine() throws Exception {
        String before = script("Romeo receives:\n\t<message type=\"chat\">\n\t\t<body>hi</body>\n\t\t<subject>s</subject>\n"
                + "\t</message>\n");
        String after = accept(before, FIRST, "<message type='chat'><body>hi</body><thread>t</thread></message>");
        assertEquals(before.replace("\t\t<subject>s</subject>\n", ""), after);
    }

    @Test
    void aStrictElementGetsTheChildItRequiresIndentedAsItsSiblings() throws Exception {
        String before = script("Romeo receives:\n\t<iq type=\"result\">\n\t\t<query xmlns=\"jabber:iq:version\">\n"
                + "\t\t\t<name>Prosody</name>\n\t\t\t<os/>\n\t\t</query>\n\t</iq>\n");
        String after = accept(before, FIRST, "<iq type='result'><query xmlns='jabber:iq:version'>"
                + "<name>Prosody</name><version/><os/></query></iq>");
        assertEquals(before.replace("\t\t\t<os/>", "\t\t\t<version/>\n\t\t\t<os/>"), after);
    }

    @Test
    void aNamespaceIsFixedInItsDeclaration() throws Exception {
        String before = script("Romeo receives:\n\t<iq type=\"result\">\n\t\t<query xmlns=\"jabber:iq:versions\"/>\n\t</iq>\n");
        String after = accept(before, FIRST, "<iq type='result'><query xmlns='jabber:iq:version'/></iq>");
        assertEquals(before.replace("jabber:iq:versions", "jabber:iq:version"), after);
    }

    @Test
    void aStrictElementsChildrenArePutInTheReceivedOrder() throws Exception {
        String before = script("Romeo receives:\n\t<iq type=\"result\">\n\t\t<query xmlns=\"jabber:iq:version\">\n"
                + "\t\t\t<os/>\n\t\t\t<name>Prosody</name>\n\t\t</query>\n\t</iq>\n");
        String after = accept(before, FIRST, "<iq type='result'><query xmlns='jabber:iq:version'>"
                + "<name>Prosody</name><os/></query></iq>");
        assertEquals(before.replace("\t\t\t<os/>\n\t\t\t<name>Prosody</name>", "\t\t\t<name>Prosody</name>\n\t\t\t<os/>"),
                after);
    }

    @Test
    void receivesNothingThatGotAStanzaBecomesReceivesWithItGeneralised() throws Exception {
        String before = script("Romeo receives:\n\t<presence/>\n\nJuliet receives: nothing\n\nRomeo disconnects\n");
        String after = accept(before, FIRST + 3, "<message from='romeo@localhost/balcony' to='juliet@localhost/garden' "
                + "type='chat'><body>hi</body></message>");
        // attributes in one fixed order (type, id, from, to, ...), whatever order the server sent
        assertEquals(before.replace("Juliet receives: nothing\n", "Juliet receives:\n\t<message "
                + "type=\"chat\" from=\"${Romeo's full JID}\" to=\"${Juliet's full JID}\">\n\t\t<body>hi</body>\n"
                + "\t</message>\n"), after);
    }

    @Test
    void anIdTheScriptSentStaysLiteralAndAnIdTheServerMintedIsLeftOut() throws Exception {
        String before = script("Romeo sends:\n\t<message to=\"${Juliet's full JID}\" id=\"m1\" type=\"chat\"/>\n\n"
                + "Juliet receives: nothing\n\nJuliet receives: nothing\n\nRomeo disconnects\n");
        String once = accept(before, FIRST + 3, "<message from='romeo@localhost/balcony' id='m1' type='chat'/>");
        assertTrue(once.contains("\t<message type=\"chat\" id=\"m1\" from=\"${Romeo's full JID}\"/>\n"), once);
        String minted = accept(before, FIRST + 5, "<message from='romeo@localhost/balcony' id='x7f3a' type='chat'/>");
        assertTrue(minted.contains("\t<message type=\"chat\" from=\"${Romeo's full JID}\"/>\n"), minted);
    }

    @Test
    void placeholdersOutsideTheChangedAttributeStay() throws Exception {
        String before = script("Romeo receives:\n\t<message from=\"${Juliet's full JID}\" id=\"{scansion:any}\" "
                + "type=\"chat\">\n\t\t<stanza-id xmlns=\"urn:xmpp:sid:0\" id=\"{scansion:capture:sid}\" by=\"${Romeo's JID}\"/>"
                + "\n\t\t<x xmlns=\"jabber:x:oob\" scansion:strict=\"false\"><url>u</url></x>\n\t</message>\n");
        String after = accept(before, FIRST, "<message from='juliet@localhost/garden' id='abc' type='normal'>"
                + "<stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='romeo@localhost'/>"
                + "<x xmlns='jabber:x:oob'><url>u</url><desc>d</desc></x></message>");
        assertEquals(before.replace("type=\"chat\"", "type=\"normal\""), after);
    }

    @Test
    void aReceivedJidBecomesTheActorsVariable() throws Exception {
        String before = script("Romeo receives:\n\t<message from=\"juliet@localhost/elsewhere\" type=\"chat\"/>\n");
        String after = accept(before, FIRST, "<message from='juliet@localhost/garden' type='chat'/>");
        assertEquals(before.replace("juliet@localhost/elsewhere", "${Juliet's full JID}"), after);
    }

    @Test
    void crlfAndSingleQuotesAndSpacesAreKept() throws Exception {
        String before = script("Romeo receives:\n  <iq type='get'>\n    <query xmlns='jabber:iq:version'/>\n  </iq>\n")
                .replace("\n", "\r\n");
        String after = accept(before, FIRST, "<iq type='result'><query xmlns='jabber:iq:version'/></iq>");
        assertEquals(before.replace("type='get'", "type='result'"), after);
    }

    @Test
    void aStrictElementWrittenEmptyOpensForTheChildrenItRequires() throws Exception {
        String before = script("Romeo receives:\n\t<iq type=\"result\">\n\t\t<query xmlns=\"jabber:iq:version\"/>\n\t</iq>\n");
        String after = accept(before, FIRST, "<iq type='result'><query xmlns='jabber:iq:version'><name>x</name>"
                + "</query></iq>");
        assertEquals(before.replace("<query xmlns=\"jabber:iq:version\"/>",
                "<query xmlns=\"jabber:iq:version\">\n\t\t\t<name>x</name>\n\t\t</query>"), after);
    }

    @Test
    void aByteOrderMarkStays() throws Exception {
        String before = "\uFEFF" + script("Romeo receives:\n\t<message type=\"chat\"/>\n");
        String after = accept(before, FIRST, "<message type='normal'/>");
        assertEquals(before.replace("chat", "normal"), after);
    }

    @Test
    void anotherElementIsNotRewritten() throws IOException {
        String before = script("Romeo receives:\n\t<message type=\"chat\"/>\n");
        ScriptEdits.NotAccepted e = assertThrows(ScriptEdits.NotAccepted.class,
                () -> accept(before, FIRST, "<presence/>"));
        assertTrue(e.getMessage().contains("expected <message>, the closest stanza is <presence>"), e.getMessage());
    }
}
