package dev.scansion.exec;

import static dev.scansion.exec.Scripts.captured;
import static dev.scansion.exec.Scripts.el;
import static dev.scansion.exec.Scripts.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Reason;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Value;

/** The accept mode's hook in the executor: what is offered, and how the run goes on after a yes. */
@Timeout(20)
class AcceptorHookTest {
    private static final String MSG_A = "<message id='a' from='x@localhost'/>";
    private static final String MSG_B = "<message id='b' from='x@localhost'/>";

    private final FakeSessions server = new FakeSessions();
    private final List<Acceptor.Proposal> offered = new ArrayList<>();
    private final RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(300))
            .withNothingWait(Duration.ofMillis(100)).withSettle(Duration.ZERO);

    private ScriptResult run(Script script, Acceptor acceptor) {
        Acceptor recording = p -> {
            offered.add(p);
            return acceptor.propose(p);
        };
        return new ScriptRunner(config, server, RunListener.NONE, Attempts.ONCE, recording).execute(script,
                Optional.empty(), List.of(), List.of(), new SimpleExpectations(Scripts.FILE));
    }

    @Test
    void anAcceptedReceiveTakesTheClosestAndGivesBackWhatCameAfterIt() {
        server.preload("Romeo", MSG_A, MSG_B);
        // expects id 'z': 'a' and 'b' are set aside, 'a' first (equally close, earlier); accepted as <message id='a'>
        // capturing the from, and 'b' is still there for the next step
        Script s = script().actor("Romeo", "romeo@localhost").connects("Romeo")
                .receives("Romeo", el("message", "id", "z"))
                .receives("Romeo", el("message", "id", "b", "from", captured("who"))).build();
        ScriptResult r = run(s, p -> new Acceptor.Decision.Accepted(Optional.of(el("message", "id", "a", "from",
                new Value.Capture("who"))), "/message/@id: z → a"));
        assertEquals(1, offered.size());
        assertEquals(Optional.of(MSG_A), offered.get(0).stanza());
        assertEquals(1, offered.get(0).step());
        assertTrue(offered.get(0).failure().reason() instanceof Reason.NoMatch, offered.get(0).failure().toString());
        assertEquals(StepStatus.ACCEPTED, r.steps().get(1).status());
        assertEquals("/message/@id: z → a", r.steps().get(1).accepted().orElseThrow().change());
        assertEquals(StepStatus.PASSED, r.steps().get(2).status(), "the capture was bound and 'b' given back");
        assertEquals(ScriptResult.ScriptStatus.PASSED, r.status());
    }

    @Test
    void aRewriteThatDoesNotMatchIsNotTaken() {
        server.preload("Romeo", MSG_A);
        Script s = script().actor("Romeo", "romeo@localhost").connects("Romeo")
                .receives("Romeo", el("message", "id", "z")).build();
        ScriptResult r = run(s, p -> new Acceptor.Decision.Accepted(Optional.of(el("message", "id", "q")), "wrong"));
        assertEquals(StepStatus.FAILED, r.steps().get(1).status());
    }

    @Test
    void receivesNothingThatGotAStanzaIsOfferedWithIt() {
        server.preload("Romeo", MSG_A);
        Script s = script().actor("Romeo", "romeo@localhost").connects("Romeo").receivesNothing("Romeo")
                .receivesNothing("Romeo").build();
        ScriptResult r = run(s, p -> new Acceptor.Decision.Accepted(Optional.of(el("message", "id", "a")), "now"));
        assertEquals(Optional.of(MSG_A), offered.get(0).stanza());
        assertEquals(StepStatus.ACCEPTED, r.steps().get(1).status());
        assertEquals(StepStatus.PASSED, r.steps().get(2).status());
    }

    @Test
    void nothingArrivedIsOfferedWithoutAStanzaAndADeclineFails() {
        Script s = script().actor("Romeo", "romeo@localhost").connects("Romeo")
                .receives("Romeo", el("message", "id", "z")).build();
        ScriptResult r = run(s, p -> new Acceptor.Decision.Declined("no"));
        assertEquals(Optional.empty(), offered.get(0).stanza());
        assertTrue(offered.get(0).failure().reason() instanceof Reason.NothingArrived);
        assertEquals(StepStatus.FAILED, r.steps().get(1).status());
    }
}
