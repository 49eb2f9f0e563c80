package dev.scansion.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.scansion.match.Difference;
import dev.scansion.match.MatchOptions;
import dev.scansion.match.MatchResult;
import dev.scansion.match.ReceivedStanza;
import dev.scansion.match.StanzaMatcher;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;

/** The generaliser beyond the corpus: the --verify loop's contract (origins, widening), naming. */
class GeneraliserTest {
    private static final StanzaMatcher MATCHER = new StanzaMatcher(MatchOptions.DEFAULT);

    private static Conversation conversation(String name) throws Exception {
        return ConversationFile.parse(Files.readString(GeneraliserGoldenTest.DIR.resolve(name), StandardCharsets.UTF_8))
                .conversation();
    }

    /**
     * A replay whose server answers differently: each difference the matcher reports names, by
     * expectedAt, an origin whose ValueRef is that event and that very path; widened, the values are
     * markers and the stanza matches.
     */
    @Test
    void aDifferenceOfAReplayFindsItsOriginAndWideningItMatches() throws Exception {
        Conversation c = conversation("iq-version-time-last.conv");
        int event = 2; // the version result (after connects and the get)
        String changed = ((Conversation.Received) c.events().get(event)).xml()
                .replace("13.0.2", "13.0.3").replace("type='result'", "type='error'")
                .replace("<os>Linux</os>", "<os>Linux</os><extra/>");
        Generaliser.Generalised g = Generaliser.generalise(c, Generaliser.Options.titled("t"));
        List<Difference> differences = mismatch(g, 1, changed);
        Set<Generaliser.ValueRef> widened = new HashSet<>();
        for (Difference d : differences) {
            Generaliser.ValueRef ref = g.origins().get(d.expectedAt().pos());
            if (d.reason().contains("extra")) continue; // a strict element's extra child is not a value
            assertEquals(new Generaliser.ValueRef(event, d.path()), ref, d.oneLine());
            widened.add(ref);
        }
        assertEquals(Set.of(new Generaliser.ValueRef(event, "/iq/@type"),
                new Generaliser.ValueRef(event, "/iq/query{version}/version/text()")), widened);
        String unchangedShape = changed.replace("<extra/>", "");
        Generaliser.Generalised again = Generaliser.generalise(c,
                new Generaliser.Options("t", Optional.empty(), widened));
        assertTrue(mismatch(again, 1, unchangedShape).isEmpty());
        assertFalse(again.text().contains("13.0.2"));
        assertTrue(again.text().contains("<iq id=\"v1\""), again.text()); // type left out: loose
    }

    /** The differences of the n-th receives step against {@code raw}; empty when it matches. */
    private static List<Difference> mismatch(Generaliser.Generalised g, int receive, String raw) throws Exception {
        Script script = GeneraliserGoldenTest.parse("t.scs", g.text());
        Step.Receive r = script.steps().stream().filter(Step.Receive.class::isInstance).map(Step.Receive.class::cast)
                .skip(receive - 1).findFirst().orElseThrow();
        Replay bindings = new Replay(script);
        bindings.bound("Romeo", "romeo@localhost/balcony");
        MatchResult result = MATCHER.match(r.payload().get(0), "t.scs", bindings, ReceivedStanza.parse(raw));
        return result instanceof MatchResult.Mismatch m ? m.differences() : List.of();
    }

    @Test
    void aStrictElementWithAWidenedAttributeIsLooseAndTheAttributeLeftOutTextWidenedIsLeftOut() throws Exception {
        Conversation c = conversation("disco.conv");
        Set<Generaliser.ValueRef> widened = Set.of(
                new Generaliser.ValueRef(2, "/iq/query{disco#info}/identity/@name"),
                new Generaliser.ValueRef(2, "/iq/query{disco#info}/x{data}/field[1]/value/text()"));
        String text = Generaliser.generalise(c, new Generaliser.Options("", Optional.empty(), widened)).text();
        // another run may leave the attribute out: only a loose element accepts that
        assertTrue(text.contains("<identity scansion:strict=\"false\" category=\"server\" type=\"im\"/>"), text);
        assertTrue(text.contains("<field var=\"FORM_TYPE\" type=\"hidden\">\n\t\t\t\t\t<value/>"), text);
        assertTrue(text.contains("<value>mailto:abuse@localhost</value>"), text);
    }

    @Test
    void thePasswordIsWrittenFromTheEnvironmentWhenAsked() throws Exception {
        Conversation c = conversation("chat.conv");
        String plain = Generaliser.generalise(c, Generaliser.Options.titled("")).text();
        String env = Generaliser.generalise(c, new Generaliser.Options("", Optional.of("PW"), Set.of())).text();
        assertTrue(plain.contains("\tpassword: s3cret\n"));
        assertFalse(env.contains("s3cret"));
        assertFalse(env.contains("n1ght"));
        assertEquals(2, env.split("\tpassword: \\$\\{env:PW}\n", -1).length - 1);
    }

    @Test
    void aPasswordThatCannotStandInAScriptIsAskedFromTheEnvironment() {
        List<Conversation.Connection> connections = List.of(
                new Conversation.Connection(0, "a@h", "line\nbreak", Optional.empty(), "a@h/x1"),
                new Conversation.Connection(1, "b@h", " blank", Optional.empty(), "b@h/x2"),
                new Conversation.Connection(2, "c@h", "${env:HOME}", Optional.empty(), "c@h/x3"),
                new Conversation.Connection(3, "d@h", "plain pass", Optional.empty(), "d@h/x4"));
        List<Conversation.Event> events = List.of(new Conversation.Connected(0), new Conversation.Connected(1),
                new Conversation.Connected(2), new Conversation.Connected(3));
        String text = Generaliser.generalise(new Conversation(connections, events), Generaliser.Options.titled("")).text();
        for (int k = 1; k <= 3; k++) assertTrue(text.contains("\tpassword: ${env:SCANSION_PASSWORD_" + k + "}\n"), text);
        assertTrue(text.contains("\tpassword: plain pass\n"), text);
        assertFalse(text.contains("password: line") || text.contains("password:  blank") || text.contains("HOME"), text);
        Script script = GeneraliserGoldenTest.parse("p.scs", text);
        assertEquals(4, script.actors().size());
    }

    @Test
    void actorsAreNamedPerAccountAndSessionsOfOneAccountPerDevice() {
        List<Conversation.Connection> connections = List.of(
                connection(0, "a@h", "one"), connection(1, "a@h", "two"), connection(2, "b@h", "x"),
                connection(3, "a@h", "three"), connection(4, "c@h", "y"), connection(5, "a@h", "four"),
                connection(6, "a@h", "five"));
        List<Conversation.Event> events = new java.util.ArrayList<>();
        for (Conversation.Connection k : connections) events.add(new Conversation.Connected(k.id()));
        Actors actors = new Actors(new Conversation(connections, events));
        assertEquals(List.of("Romeo", "Romeo's phone", "Juliet", "Romeo's laptop", "Mercutio", "Romeo's tablet",
                "Romeo's desktop"), actors.definitions().stream().map(Actors.Actor::name).toList());
    }

    @Test
    void aNameTheRecorderKnowsIsKeptAndTheOthersDoNotReuseIt() {
        List<Conversation.Connection> connections = List.of(
                new Conversation.Connection(0, "a@h", "pw", Optional.empty(), "a@h/1", Optional.of("Juliet")),
                connection(1, "b@h", "x"),
                new Conversation.Connection(2, "c@h", "pw", Optional.empty(), "c@h/2", Optional.of("Alice")),
                connection(3, "a@h", "y"));
        List<Conversation.Event> events = new java.util.ArrayList<>();
        for (Conversation.Connection k : connections) events.add(new Conversation.Connected(k.id()));
        Actors actors = new Actors(new Conversation(connections, events));
        assertEquals(List.of("Juliet", "Mercutio", "Alice", "Juliet's phone"),
                actors.definitions().stream().map(Actors.Actor::name).toList());
    }

    @Test
    void aSessionAskingForTheSameResourceAfterTheFirstLeftIsTheSameActor() {
        List<Conversation.Connection> connections = List.of(connection(0, "a@h", "r"), connection(1, "a@h", "r"),
                connection(2, "a@h", "r"));
        Actors actors = new Actors(new Conversation(connections, List.of(new Conversation.Connected(0),
                new Conversation.Disconnected(0), new Conversation.Connected(1), new Conversation.Connected(2))));
        assertEquals("Romeo", actors.of(1));
        assertEquals("Romeo's phone", actors.of(2)); // the first is still connected then
    }

    @Test
    void anEmptyConversationIsAScriptWithoutActors() {
        String text = Generaliser.generalise(new Conversation(List.of(), List.of()), Generaliser.Options.titled("")).text();
        assertEquals("-----\n", text);
    }

    @Test
    void aShortMintedValueIsNotCapturedWhenTheSameTextIsSentLater() {
        Conversation c = new Conversation(List.of(connection(0, "a@h", "r")), List.of(new Conversation.Connected(0),
                new Conversation.Received(0, "<iq type='set' id='push-2f9a'><query xmlns='jabber:iq:roster' ver='2'/></iq>"),
                new Conversation.Sent(0, "<iq type='result' id='push-2f9a'/>"),
                new Conversation.Sent(0, "<iq type='get' id='2'><query xmlns='urn:x'><max>2</max></query></iq>")));
        String text = Generaliser.generalise(c, Generaliser.Options.titled("")).text();
        assertTrue(text.contains("<iq type=\"set\" id=\"{scansion:capture:id}\">"), text);
        assertTrue(text.contains("<query xmlns=\"jabber:iq:roster\" ver=\"{scansion:any}\"/>"), text);
        assertTrue(text.contains("<iq type=\"result\" id=\"${id}\"/>"), text);
        assertTrue(text.contains("<iq type=\"get\" id=\"2\">"), text);
        assertTrue(text.contains("<max>2</max>"), text);
    }

    /** Odd but well-formed elements replay; what is not one element is left out; the script always parses. */
    @Test
    void oddInputGivesAScriptThatParsesAndReplays() throws Exception {
        String[] received = {
                "<message><x xmlns='urn:a'><y xmlns=''>none</y></x></message>",
                "<message xmlns:p='urn:p' p:flag='1'><p:thing p:other='2' plain='3'>t</p:thing></message>",
                "<message><body><![CDATA[<b>&amp;</b>]]></body><!-- a comment --></message>",
                "<message><html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>"
                        + "<p>Hello <b>bold</b> and\n<i>italic</i></p></body></html></message>",
                "<message><body>\t \u00e9\ud83d\ude00 \u2028</body></message>",
                "", "<a/><b/>", "<!DOCTYPE x><x/>", "<message>"};
        List<Conversation.Event> events = new java.util.ArrayList<>();
        events.add(new Conversation.Connected(0));
        for (String xml : received) events.add(new Conversation.Received(0, xml));
        for (String xml : received) events.add(new Conversation.Sent(0, xml));
        Conversation c = new Conversation(List.of(connection(0, "a@h", "r")), events);
        Generaliser.Generalised g = Generaliser.generalise(c, Generaliser.Options.titled("odd\ntitle"));
        Script script = GeneraliserGoldenTest.parse("odd.scs", g.text());
        GeneraliserGoldenTest.assertOriginsArePositions(script, g);
        new Replay(script).run(c, GeneraliserGoldenTest.eventsWithSteps(c), raw -> raw);
        assertEquals(1 + 2 * 5, script.steps().size());
        assertTrue(g.text().startsWith("# odd\\ntitle\n"), g.text());
        assertTrue(g.text().contains("<y xmlns=\"\">none</y>"), g.text());
        assertTrue(g.text().contains("<p>Hello <b>bold</b> and&#10;<i>italic</i></p>"), g.text());
        assertTrue(g.text().contains("# Romeo sends an element a script cannot hold, left out ("), g.text());
    }

    /** The parser's depth limit: the deepest element it accepts is written, one level more is left out. */
    @Test
    void aStanzaAsDeepAsTheParserTakesIsWrittenOneLevelMoreIsLeftOut() {
        for (int depth : new int[] {dev.scansion.script.ParseOptions.DEFAULT_MAX_DEPTH,
                dev.scansion.script.ParseOptions.DEFAULT_MAX_DEPTH + 1}) {
            String xml = "<message>" + "<x xmlns='urn:deep'>".repeat(depth - 1) + "</x>".repeat(depth - 1) + "</message>";
            Conversation c = new Conversation(List.of(connection(0, "a@h", "r")), List.of(new Conversation.Connected(0),
                    new Conversation.Received(0, xml)));
            String text = Generaliser.generalise(c, Generaliser.Options.titled("")).text();
            GeneraliserGoldenTest.parse("deep.scs", text);
            assertEquals(depth == dev.scansion.script.ParseOptions.DEFAULT_MAX_DEPTH, text.contains("Romeo receives:"),
                    "depth " + depth);
        }
    }

    private static Conversation.Connection connection(int id, String account, String resource) {
        return new Conversation.Connection(id, account, "pw", Optional.of(resource), account + "/" + resource);
    }

    @Test
    void theActorNamesMatchTheRecorder() {
        assertEquals(List.of("Romeo", "Juliet", "Mercutio", "Tybalt", "Benvolio"), Actors.NAMES.subList(0, 5));
        assertInstanceOf(List.class, Actors.DEVICES);
        assertEquals(List.of("phone", "laptop", "tablet"), Actors.DEVICES.subList(0, 3));
    }
}
