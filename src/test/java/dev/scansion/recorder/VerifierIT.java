package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.author.Conversation;
import dev.scansion.author.Conversation.Connected;
import dev.scansion.author.Conversation.Disconnected;
import dev.scansion.author.Conversation.Received;
import dev.scansion.author.Conversation.Sent;
import dev.scansion.author.Generaliser;
import dev.scansion.exec.RunConfig;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.testing.ProsodyServer;

/**
 * --verify against a real Prosody, with conversations built by hand: a value the server answers
 * differently from the recording (one no rule of the generaliser knows) is widened and the script
 * replays green; a difference no marker can absorb (an element the server does not send) is reported,
 * not hidden.
 */
@Timeout(120)
class VerifierIT {
    private static ProsodyServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static RunConfig config() {
        return RunConfig.defaults().withHost(server.host()).withPort(server.port());
    }

    /** Romeo asks the server's version (XEP-0092) and got {@code answer} when "recorded". */
    private static Conversation versionQuery(String answer) {
        String jid = "verify-romeo@localhost";
        return new Conversation(
                List.of(new Conversation.Connection(0, jid, ProsodyServer.PASSWORD, Optional.of("desk"), jid + "/desk")),
                List.of(new Connected(0),
                        new Sent(0, "<iq type='get' id='v1' to='localhost'><query xmlns='jabber:iq:version'/></iq>"),
                        new Received(0, "<iq type='result' id='v1' from='localhost' to='" + jid + "/desk'>"
                                + "<query xmlns='jabber:iq:version'>" + answer + "</query></iq>"),
                        new Disconnected(0)));
    }

    @Test
    void aVersionTheServerAnswersDifferentlyIsWidenedAndTheScriptReplaysGreen() throws Exception {
        Path out = dir.resolve("version.scs");
        Verification v = Verifier.verify(versionQuery(
                "<name>Prosody</name><version>0.0.0-recorded</version><os>Recorded OS</os>"),
                Generaliser.Options.titled("server version"), out, config());
        assertTrue(v.verified(), v::summary);
        assertEquals(2, v.rounds().size(), v::summary);
        assertEquals(ScriptStatus.FAILED, v.rounds().get(0).status());
        assertEquals(List.of("/os/text()", "/version/text()"), v.widened().stream()
                .map(r -> r.path().substring(r.path().lastIndexOf('}') + 1)).sorted().toList());
        assertTrue(v.widened().stream().allMatch(r -> r.event() == 2), v.widened()::toString);
        assertEquals("verified: replays green after widening 2 values (2 rounds)", v.summary());
        String written = Files.readString(out);
        assertFalse(written.contains("0.0.0-recorded") || written.contains("Recorded OS"), written);
        assertTrue(written.contains("<name>Prosody</name>"), written);
    }

    @Test
    void aDifferenceNoMarkerCanAbsorbIsReportedAfterOneRound() throws Exception {
        Path out = dir.resolve("extra.scs");
        Verification v = Verifier.verify(versionQuery(
                "<name>Prosody</name><version>0.0.0-recorded</version><extra/>"),
                Generaliser.Options.titled("server version"), out, config());
        assertFalse(v.verified());
        assertEquals(1, v.rounds().size());
        assertEquals(1, v.exitCode());
        assertTrue(v.summary().startsWith("not verified: the replay failed where no recorded value can be widened: "
                + out + ":"), v.summary());
        assertTrue(Files.exists(out));
    }
}
