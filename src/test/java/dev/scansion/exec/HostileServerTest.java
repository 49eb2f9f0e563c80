package dev.scansion.exec;

import static dev.scansion.exec.Scripts.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.script.ast.Script;

/** The real Smack sessions against {@link HostileXmppServer}s, in this JVM. */
@Timeout(60)
class HostileServerTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static ScriptResult run(HostileXmppServer server, Script script) {
        RunConfig config = RunConfig.defaults().withHost("127.0.0.1").withPort(server.port())
                .withConnectTimeout(CONNECT_TIMEOUT).withSettle(Duration.ZERO)
                .withTls(new TlsSettings(TlsSettings.TlsPolicy.OFF, false, Optional.empty()));
        return new ScriptRunner(config, new SmackSessionFactory(), new RunListener() {
        }).execute(script, Optional.empty(), List.of(), List.of(), new LiveExpectations(
                dev.scansion.match.MatchOptions.DEFAULT, Scripts.FILE));
    }

    @Test
    void theEndOfAScriptAgainstAMuteServerTakesOneConnectTimeoutForAllActors() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.MUTE)) {
            Script script = script().actor("Romeo", "romeo@localhost").actor("Juliet", "juliet@localhost")
                    .actor("Nurse", "nurse@localhost").connects("Romeo").connects("Juliet").connects("Nurse").build();
            // One close after another would take (3 + 1) x 2 s; all together they take one 2 s.
            ScriptResult r = assertTimeoutPreemptively(CONNECT_TIMEOUT.multipliedBy(2).plusSeconds(1),
                    () -> run(server, script));
            assertEquals(ScriptResult.ScriptStatus.PASSED, r.status(), r.failure().toString());
        }
    }

    @Test
    void aServerThatIsNotXmppIsNamedWithWhatItSentEscaped() throws Exception {
        try (HostileXmppServer server = new HostileXmppServer(HostileXmppServer.Behaviour.GARBAGE)) {
            ScriptResult r = run(server, script().actor("Romeo", "romeo@localhost").connects("Romeo").build());
            Failure f = r.failure().orElseThrow();
            assertEquals(Failure.Kind.UNREACHABLE, f.kind(), "no XMPP: a server-level failure (README Exit codes)");
            assertEquals("the server at 127.0.0.1:" + server.port() + " did not answer with an XMPP stream; it sent: "
                    + "\"HTTP/1.1 400 Bad Request\\r\\n\\e[31mServer: evil\\x07\\r\\n\\r\\n\"", message(f));
        }
    }

    /** The failure's one-line message, as every report words it. */
    private static String message(Failure f) {
        return dev.scansion.report.FailureMessages.of(f);
    }
}
