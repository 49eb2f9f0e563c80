package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.author.Conversation;
import dev.scansion.author.Conversation.Connected;
import dev.scansion.author.Conversation.Disconnected;
import dev.scansion.author.Conversation.Received;
import dev.scansion.author.Conversation.Sent;
import dev.scansion.exec.RunConfig;
import dev.scansion.script.ParseOptions;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Script;

/** record -i with a fake server: typed input in, the console's lines and the conversation out. */
@Timeout(60)
class InteractiveRecorderTest {
    private static final String ACTORS = "[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: s3cret-pw\n\n"
            + "[Client] Juliet\n\tjid: juliet@localhost/balcony\n\tpassword: n1ght-pw\n\n";
    private static final RunConfig CONFIG = RunConfig.defaults().withHost("127.0.0.1").withPort(5222);


    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintWriter out = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Optional<Script> script(String text) {
        return ScriptParser.parse("actors.scs", text + "-----\n", ParseOptions.RUN).script();
    }

    @Test
    void typedActionsBecomeTheConversationInTheOrderSeen() {
        Conversation c = InteractiveRecorder.record(new StringReader(ACTORS + "Romeo connects\nJuliet connects\n"
                + "Romeo sends:\n<iq type='get' id='v1' to='localhost'>\n  <query xmlns='jabber:iq:version'/>\n</iq>\n\n"
                + "Romeo disconnects\nquit\n"), out, Optional.empty(), CONFIG, versionServer());
        assertEquals(2, c.connections().size());
        assertEquals(new Conversation.Connection(0, "romeo@localhost", "s3cret-pw", Optional.empty(),
                "romeo@localhost/minted1", Optional.of("Romeo")), c.connections().get(0));
        assertEquals(Optional.of("balcony"), c.connections().get(1).requestedResource());
        assertEquals(List.of(new Connected(0), new Connected(1),
                new Sent(0, "<iq type=\"get\" id=\"v1\" to=\"localhost\"><query xmlns=\"jabber:iq:version\"/></iq>"),
                new Received(0, VERSION_REPLY), new Disconnected(0), new Disconnected(1)), c.events());
        String shown = output();
        assertTrue(shown.contains("Romeo receives:\n\t<iq"), shown);
        assertTrue(shown.contains("Romeo is connected as romeo@localhost/minted1"), shown);
        assertFalse(shown.contains("s3cret-pw") || shown.contains("n1ght-pw"), shown);
    }

    private static final String VERSION_REPLY = "<iq type='result' id='v1' from='localhost'>"
            + "<query xmlns='jabber:iq:version'><name>Fake</name></query></iq>";

    private static VerifFakeServer versionServer() {
        return new VerifFakeServer((n, xml) -> xml.contains("jabber:iq:version") ? List.of(VERSION_REPLY) : List.of());
    }

    @Test
    void actorsComeFromAScriptAndVariablesAreSubstituted() {
        VerifFakeServer s = versionServer();
        Conversation c = InteractiveRecorder.record(new StringReader("Juliet connects\nRomeo connects\n"
                + "Romeo sends:\n<message to=\"${Juliet's full JID}\" from=\"${Romeo's JID}\"/>\n\n"), out,
                script(ACTORS), CONFIG, s);
        assertEquals(new Sent(1, "<message to=\"juliet@localhost/balcony\" from=\"romeo@localhost\"/>"), c.events().get(2));
        assertTrue(output().contains("Actors: Romeo (romeo@localhost), Juliet (juliet@localhost/balcony)"), output());
    }

    @Test
    void badXmlIsRefusedWithItsPlaceAndNothingIsSent() {
        VerifFakeServer s = versionServer();
        Conversation c = InteractiveRecorder.record(new StringReader(ACTORS + "Romeo connects\n"
                + "Romeo sends:\n<message>\n<body>hi</bdy>\n</message>\n\nquit\n"), out, Optional.empty(), CONFIG, s);
        assertTrue(output().contains("error: input:12:9: mismatched end tag </bdy>; nothing sent\n"), output());
        assertEquals(List.of(), s.sessions.get(0).sent);
        assertEquals(List.of(new Connected(0), new Disconnected(0)), c.events());
    }

    @Test
    void unknownActorsAndUnconnectedActorsAreOneLineEach() {
        VerifFakeServer s = versionServer();
        InteractiveRecorder.record(new StringReader(ACTORS + "Tybalt connects\nRomeo sends:\n<presence/>\n\n"
                + "Romeo disconnects\nRomeo receives:\n<presence/>\n\n  <presence/>\nRomeo connects\n"
                + "Romeo sends:\n<a to=\"${Juliet's full JID}\"/>\n\n"), out, Optional.empty(), CONFIG, s);
        String shown = output();
        assertTrue(shown.contains("error: input:9:1: unknown actor 'Tybalt'\n"), shown);
        assertTrue(shown.contains("error: Romeo is not connected (type 'Romeo connects' first); nothing sent\n"), shown);
        assertTrue(shown.contains("error: Romeo is not connected\n"), shown);
        assertTrue(shown.contains("error: input:14: receives is not typed here: what each actor receives is recorded "
                + "as it arrives\n"), shown);
        assertTrue(shown.contains("error: input:17: an indented line belongs"), shown);
        assertTrue(shown.contains("error: ${Juliet's full JID} is not known: Juliet is not connected; nothing sent\n"),
                shown);
        assertEquals(1, s.requests.size());
        assertEquals(List.of(), s.sessions.get(0).sent);
    }

    @Test
    void theEndOfInputInsideASendsSendsNothingAndEndsTheRecording() {
        VerifFakeServer s = versionServer();
        Conversation c = InteractiveRecorder.record(new StringReader(ACTORS + "Romeo connects\nRomeo sends:\n"
                + "<iq type='get' id='v1' to='localhost'><query xmlns='jabber:iq:version'/></iq>\n"), out,
                Optional.empty(), CONFIG, s);
        assertTrue(output().contains("error: input:10: the input ended inside the sends; nothing of it was sent\n"),
                output());
        assertEquals(List.of(), s.sessions.get(0).sent);
        assertEquals(List.of(new Connected(0), new Disconnected(0)), c.events());
        assertTrue(s.sessions.get(0).isClosed());
    }

    @Test
    void aRefusedLoginIsOneLineAndRecordsNothing() throws Exception {
        VerifFakeServer s = versionServer();
        Conversation c = InteractiveRecorder.record(new StringReader("[Client] Romeo\n\tjid: romeo@localhost\n"
                + "\tpassword: wrong\n\nRomeo connects\n"), out, Optional.empty(), CONFIG, s);
        assertTrue(output().contains("error: Romeo could not connect: SASL authentication failed: not-authorized\n"),
                output());
        assertFalse(output().contains("wrong"), output());
        assertEquals(List.of(), c.connections());
    }

    @Test
    void aStreamTheServerEndsIsADisconnectInTheConversation() throws Exception {
        VerifFakeServer s = new VerifFakeServer((n, xml) -> List.of());
        VerifFakeServer.Session[] session = new VerifFakeServer.Session[1];
        java.io.PipedWriter typing = new java.io.PipedWriter();
        java.io.PipedReader in = new java.io.PipedReader(typing);
        Thread user = new Thread(() -> {
            try {
                typing.write(ACTORS + "Romeo connects\n");
                typing.flush();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (s.sessions.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
                session[0] = s.sessions.get(0);
                session[0].deliver("<message><body>bye</body></message>");
                session[0].close("connection reset");
                while (!output().contains("ended by the server") && System.nanoTime() < deadline) Thread.sleep(10);
                typing.write("Romeo sends:\n<presence/>\n\nquit\n");
                typing.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        user.setDaemon(true); // a test that fails must not keep the JVM
        user.start();
        Conversation c = InteractiveRecorder.record(in, out, Optional.empty(), CONFIG, s);
        user.join();
        assertEquals(List.of(new Connected(0), new Received(0, "<message><body>bye</body></message>"),
                new Disconnected(0)), c.events());
        assertTrue(output().contains("error: Romeo's stream was ended by the server: connection reset\n"), output());
        assertTrue(output().contains("error: Romeo is not connected (type 'Romeo connects' first); nothing sent"), output());
    }
}
