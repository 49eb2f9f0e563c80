package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Direction;
import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.script.Diagnostic;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Script;

/** An isolated run with {@code --register}, over fake sessions that also register accounts. */
@Timeout(20)
class IsolatedRunTest {
    private static final String SCRIPT = """
            # Two accounts, three actors

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: hunter22

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: hunter22

            [Client] Juliet's phone
            \tjid: juliet@localhost/phone
            \tpassword: hunter22

            -----

            Romeo connects

            Romeo sends:
            \t<message to="juliet@localhost"/>

            Romeo receives:
            \t<message from="juliet@localhost"/>
            """;

    /** Fake sessions that also take registrations; the removal of an account is answered by {@link #removal}. */
    private static final class Registering implements SessionFactory {
        final FakeSessions sessions = new FakeSessions();
        final List<String> registered = new CopyOnWriteArrayList<>();
        final List<String> removed = new CopyOnWriteArrayList<>();
        String refuse = "";
        String removal = "<iq type='result' id='scansion-remove'/>";

        Registering() {
            sessions.onSend = (actor, xml) -> {
                if (xml.contains("<remove/>")) {
                    removed.add(sessions.session(actor).fullJid);
                    sessions.deliver(actor, removal);
                }
            };
        }

        @Override
        public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
            return sessions.connect(request, tap);
        }

        @Override
        public void register(ConnectRequest request, WireTap tap) throws SessionException {
            tap.wire(request.actor(), Direction.SENT, "<iq type='set'><query xmlns='jabber:iq:register'><username>"
                    + request.jid() + "</username><password>" + request.password() + "</password></query></iq>");
            if (!refuse.isEmpty() && request.jid().startsWith(refuse)) {
                throw new SessionException(SessionException.Kind.AUTHENTICATION, "the server refused to register "
                        + request.jid() + " (in-band registration, XEP-0077): not-allowed");
            }
            registered.add(request.jid() + " " + request.password());
        }
    }

    private final Registering server = new Registering();
    private final List<String> wire = new CopyOnWriteArrayList<>();
    private final List<String> isolated = new CopyOnWriteArrayList<>();

    private ScriptResult run() {
        return run(SCRIPT);
    }

    private ScriptResult run(String text) {
        ParseResult parsed = ScriptParser.parse("t.scs", text);
        Script script = parsed.script().orElseThrow();
        RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(200)).withSettle(Duration.ZERO)
                .withIsolate(true).withRegister(true);
        RunListener listener = new RunListener() {
            @Override
            public void isolated(String file, String renames) {
                isolated.add(renames);
            }

            @Override
            public boolean wantsWire() {
                return true;
            }

            @Override
            public void wire(String actor, Direction direction, String xml) {
                wire.add(xml);
            }
        };
        return new ScriptRunner(config, server, listener).execute(script, Optional.empty(), text.lines().toList(),
                List.of());
    }

    /** The marker of the run, from the first account registered. */
    private String marker() {
        String first = server.registered.get(0);
        return first.substring("romeo".length(), first.indexOf('@'));
    }

    @Test
    void eachAccountIsRegisteredIsolatedAndRemovedAfterAFailingScript() {
        ScriptResult r = run();
        assertEquals(ScriptStatus.FAILED, r.status());
        String m = marker();
        assertTrue(m.matches("-[a-z0-9_]+"), m);
        // one account per bare JID, with the actor's password
        assertEquals(List.of("romeo" + m + "@localhost hunter22", "juliet" + m + "@localhost hunter22"),
                server.registered);
        assertEquals(2, server.removed.size(), server.removed.toString());
        assertTrue(server.removed.get(0).startsWith("romeo" + m + "@localhost/"), server.removed.toString());
        assertTrue(server.removed.get(1).startsWith("juliet" + m + "@localhost/"), server.removed.toString());
        assertEquals(List.of(), r.diagnostics());
        // -v: the renames, and the wire as sent (isolated), password masked
        assertEquals(List.of("romeo@localhost → romeo" + m + "@localhost, juliet@localhost → juliet" + m + "@localhost"),
                isolated);
        assertTrue(wire.stream().anyMatch(w -> w.contains("<username>romeo" + m + "@localhost</username>")
                && w.contains("<password>******</password>")), wire.toString());
        assertTrue(wire.stream().noneMatch(w -> w.contains("hunter22")), wire.toString());
    }

    @Test
    void aRefusedRegistrationFailsTheScriptAtTheActorAndRunsNoStep() {
        server.refuse = "juliet";
        ScriptResult r = run();
        assertEquals(ScriptStatus.FAILED, r.status());
        var failure = r.failure().orElseThrow();
        assertEquals("t.scs:7:1", failure.at().toString());
        assertTrue(failure.reason() instanceof Reason.ConnectFailed c && !c.affectsEveryScript()
                && c.reason().equals("the server refused to register juliet@localhost (in-band registration, "
                + "XEP-0077): not-allowed"), failure.reason().toString());
        // the first step carries the failure (reports show a failed step), the others did not run
        assertEquals(failure, r.failedStep().orElseThrow().failure().orElseThrow());
        assertEquals(1, r.failedStep().orElseThrow().number());
        assertTrue(r.steps().stream().skip(1).allMatch(s -> s.status() == StepStatus.NOT_RUN), r.steps().toString());
        // Romeo's one session is the one that removed his account: his connects never ran
        assertEquals(1, server.sessions.byActor.get("Romeo").size());
        // what was created is removed all the same
        assertEquals(1, server.registered.size());
        assertEquals(1, server.removed.size());
    }

    @Test
    void anAccountLeftOnTheServerIsAWarningNamingIt() {
        server.removal = "<iq type='error' id='scansion-remove'><error type='cancel'><not-allowed "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>";
        ScriptResult r = run();
        String m = marker();
        List<String> warnings = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .map(Diagnostic::message).toList();
        assertEquals(List.of("could not remove the account romeo" + m + "@localhost registered for this run: "
                + "the server refused: not-allowed", "could not remove the account juliet" + m + "@localhost "
                + "registered for this run: the server refused: not-allowed"), warnings);
        assertFalse(warnings.isEmpty());
    }

    @Test
    void aSerialScriptRunsWithItsOwnNamesAndNoAccountsAreMade() {
        String serial = SCRIPT.replace("# Two accounts, three actors\n", "# Two accounts, three actors\n## serial\n");
        ScriptResult r = run(serial);
        assertEquals(ScriptStatus.FAILED, r.status());
        assertEquals(List.of(), server.registered);
        assertEquals(List.of(), isolated);
        assertEquals("romeo@localhost", server.sessions.requests.get(0).jid());
    }
}
