package dev.scansion.exec;

import static dev.scansion.exec.Scripts.captured;
import static dev.scansion.exec.Scripts.el;
import static dev.scansion.exec.Scripts.fullJid;
import static dev.scansion.exec.Scripts.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.scansion.result.Direction;
import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.result.StepResult;
import dev.scansion.result.StepResult.StepStatus;
import dev.scansion.result.StepTiming;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Value;

@Timeout(20)
class ScriptRunTest {
    private static final String MSG_A = "<message id='a' from='x@localhost'/>";
    private static final String MSG_B = "<message id='b' from='x@localhost'/>";

    private final FakeSessions server = new FakeSessions();
    private final List<StepResult> events = new ArrayList<>();
    private RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(300))
            .withNothingWait(Duration.ofMillis(100)).withSettle(Duration.ZERO);

    private ScriptResult run(Script script) {
        RunListener listener = new RunListener() {
            @Override
            public void stepFinished(String file, StepResult step) {
                events.add(step);
            }
        };
        return new ScriptRunner(config, server, listener).execute(script, Optional.empty(), List.of(),
                List.of(), new SimpleExpectations(Scripts.FILE));
    }

    private static Scripts romeo() {
        return script().actor("Romeo", "romeo@localhost").connects("Romeo");
    }

    @Test
    void skipModeSetsAsideNonMatchingStanzasAndConsumesThem() {
        server.preload("Romeo", MSG_A, MSG_B);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "b"))
                .receives("Romeo", el("message", "id", "a")).build());
        assertEquals(ScriptStatus.FAILED, r.status());
        assertEquals(StepStatus.PASSED, r.steps().get(1).status());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.TIMEOUT, f.kind(), "message a was set aside and consumed by the first receive");
        assertEquals(13, f.at().line());
    }

    @Test
    void skipModeTimeoutListsEverySetAsideStanzaWithTheClosestDifferences() {
        server.preload("Romeo", "<presence/>", MSG_A, "<iq id='z'/>");
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "q")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.MISMATCH, f.kind());
        assertEquals(List.of("<presence/>", MSG_A, "<iq id='z'/>"), f.setAside().kept());
        assertEquals(Optional.of(MSG_A), f.received(), "the message differs in one attribute only");
        assertEquals("/message/@id", f.differences().get(0).path());
        assertEquals("q", f.differences().get(0).expected());
        assertEquals("a", f.differences().get(0).received());
        assertTrue(message(f).contains("3 stanzas set aside"), message(f));
    }

    @Test
    void nextModeFailsAtTheFirstStanzaThatDoesNotMatch() {
        config = config.withReceiveMode(ReceiveMode.NEXT);
        server.preload("Romeo", MSG_A, MSG_B);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "b")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.MISMATCH, f.kind());
        assertEquals(Optional.of(MSG_A), f.received());
        assertEquals(List.of(), f.setAside().kept());
    }

    @Test
    void nextModePassesWhenStanzasComeInOrder() {
        config = config.withReceiveMode(ReceiveMode.NEXT);
        server.preload("Romeo", MSG_A, MSG_B);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "a"))
                .receives("Romeo", el("message", "id", "b")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
    }

    @Test
    void receiveWaitsForAStanzaThatArrivesLater() {
        server.onSend = (actor, xml) -> server.deliverLater("Romeo", MSG_B, Duration.ofMillis(50));
        ScriptResult r = run(romeo().sends("Romeo", el("message", "to", "x@localhost"))
                .receives("Romeo", el("message", "id", "b")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
    }

    @Test
    void receiveTimesOutWhenNothingArrives() {
        ScriptResult r = run(romeo().receives("Romeo", el("message")).disconnects("Romeo").build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.TIMEOUT, f.kind());
        assertTrue(message(f).contains("300 ms"), message(f));
        assertEquals(StepStatus.NOT_RUN, r.steps().get(2).status());
    }

    @Test
    void severalExpectedElementsAreExpectedInOrder() {
        server.preload("Romeo", MSG_B, MSG_A);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "a"), el("message", "id", "b")).build());
        Failure f = r.failure().orElseThrow();
        assertTrue(message(f).startsWith("expected element 2 of 2"), message(f));
    }

    @Test
    void severalExpectedElementsPassInOrder() {
        server.preload("Romeo", MSG_A, MSG_B);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "a"), el("message", "id", "b")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
    }

    @Test
    void streamErrorMidScriptFailsTheNextReceiveNamingTheCondition() {
        server.onSend = (actor, xml) -> server.session("Romeo").streamError("conflict", "Replaced");
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).receives("Romeo", el("message")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.STREAM_CLOSED, f.kind());
        assertTrue(message(f).contains("conflict"), message(f));
        assertTrue(r.transcript().stream().anyMatch(e -> e.xml().contains("conflict")));
    }

    @Test
    void stanzasBeforeAStreamErrorCanStillBeReceived() {
        server.onSend = (actor, xml) -> {
            server.deliver("Romeo", MSG_A);
            server.session("Romeo").streamError("system-shutdown", "");
        };
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).receives("Romeo", el("message", "id", "a"))
                .sends("Romeo", el("presence")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(4 - 1, r.failedStep().orElseThrow().number() - 1);
        assertEquals(Failure.Kind.STREAM_CLOSED, f.kind());
        assertTrue(message(f).contains("system-shutdown"), message(f));
    }

    @Test
    void receivesNothingFailsOnAStreamError() {
        server.onSend = (actor, xml) -> server.session("Romeo").streamError("conflict", "");
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).receivesNothing("Romeo").build());
        assertEquals(Failure.Kind.STREAM_CLOSED, r.failure().orElseThrow().kind());
    }

    @Test
    void disconnectAfterTheServerClosedTheStreamPassesWithANote() {
        server.onSend = (actor, xml) -> server.session("Romeo").streamError("not-authorized", "");
        ScriptResult r = run(romeo().sends("Romeo", el("iq")).disconnects("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
        assertTrue(r.steps().get(2).notes().get(0).contains("not-authorized"));
    }

    @Test
    void doubleDisconnectIsANoOp() {
        ScriptResult r = run(romeo().disconnects("Romeo").disconnects("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status());
        assertEquals(1, server.session("Romeo").disconnects);
        assertEquals(List.of("Romeo was not connected"), r.steps().get(2).notes());
    }

    @Test
    void actorThatNeverConnectedCannotSend() {
        ScriptResult r = run(script().actor("Romeo", "romeo@localhost").sends("Romeo", el("presence")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.NOT_CONNECTED, f.kind());
        assertEquals(ScriptStatus.FAILED, r.status());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void actorThatDisconnectedCannotReceive() {
        ScriptResult r = run(romeo().disconnects("Romeo").receives("Romeo", el("message")).build());
        assertEquals(Failure.Kind.NOT_CONNECTED, r.failure().orElseThrow().kind());
    }

    @Test
    void sendAfterDisconnectIsSkippedWithAWarningAndTheScriptGoesOn() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet").disconnects("Romeo").sends("Romeo", el("presence"))
                .sends("Juliet", el("presence")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
        StepResult skipped = r.steps().get(3);
        assertEquals(StepStatus.SKIPPED, skipped.status());
        assertEquals(Optional.of("Romeo has disconnected: nothing sent"), skipped.warning());
        assertEquals(List.of(), server.session("Romeo").sent, "nothing written on the closed session");
        assertEquals(StepStatus.PASSED, r.steps().get(4).status(), "the script went on");
        assertEquals(1, server.session("Juliet").sent.size());
    }

    @Test
    void sendAfterReconnectIsSentAgain() {
        ScriptResult r = run(romeo().disconnects("Romeo").connects("Romeo").sends("Romeo", el("presence")).build());
        assertEquals(StepStatus.PASSED, r.steps().get(3).status());
        assertEquals(1, server.session("Romeo").sent.size());
    }

    @Test
    void disconnectingAnActorThatNeverConnectedIsANoOp() {
        ScriptResult r = run(script().actor("Romeo", "romeo@localhost").disconnects("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status());
    }

    @Test
    void receivesNothingPassesWhenQuiet() {
        ScriptResult r = run(romeo().receivesNothing("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status());
    }

    @Test
    void receivesNothingFailsOnABufferedStanza() {
        server.preload("Romeo", MSG_A);
        ScriptResult r = run(romeo().receivesNothing("Romeo").build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.UNEXPECTED_STANZA, f.kind());
        assertEquals(Optional.of(MSG_A), f.received());
    }

    @Test
    void receivesNothingFailsOnAStanzaArrivingInTheQuietWindow() {
        config = config.withNothingWait(Duration.ofSeconds(5));
        server.onSend = (actor, xml) -> server.deliverLater("Romeo", MSG_B, Duration.ofMillis(100));
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).receivesNothing("Romeo").build());
        assertEquals(Optional.of(MSG_B), r.failure().orElseThrow().received());
    }

    @Test
    void capturesFeedLaterSends() {
        server.preload("Romeo", "<iq id='abc123' type='result'/>");
        ScriptResult r = run(romeo().receives("Romeo", el("iq", "id", new Value.Capture("id")))
                .sends("Romeo", el("iq", "id", captured("id"), "type", "get")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
        assertEquals(List.of("<iq id='abc123' type='get'/>"), server.session("Romeo").sent);
    }

    @Test
    void capturesFeedLaterReceives() {
        server.preload("Romeo", "<iq id='abc' type='result'/>", "<message id='abc'/>");
        ScriptResult r = run(romeo().receives("Romeo", el("iq", "id", new Value.Capture("n")))
                .receives("Romeo", el("message", "id", captured("n"))).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
    }

    @Test
    void aCaptureUsedBeforeItWasRecordedFailsTheStep() {
        ScriptResult r = run(romeo().sends("Romeo", el("iq", "id", captured("nope"))).build());
        assertEquals(Failure.Kind.UNBOUND_VARIABLE, r.failure().orElseThrow().kind());
    }

    @Test
    void fullJidBeforeConnectIsAStepFailure() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost")
                .sends("Romeo", el("message", "to", fullJid("Juliet"))).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(Failure.Kind.UNBOUND_VARIABLE, f.kind());
        assertTrue(message(f).contains("Juliet has not connected"), message(f));
        assertTrue(server.session("Romeo").sent.isEmpty());
    }

    @Test
    void fullJidAfterConnectIsTheBoundJid() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost/balcony").connects("Juliet")
                .sends("Romeo", el("message", "to", fullJid("Juliet"))).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
        assertEquals(List.of("<message to='juliet@localhost/balcony'/>"), server.session("Romeo").sent);
        assertEquals(Optional.of("balcony"), server.requests.get(1).resource());
    }

    @Test
    void everyActorStillConnectedIsDisconnectedAtTheEnd() {
        server.preload("Juliet", MSG_A);
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").actor("Nurse", "nurse@localhost")
                .connects("Juliet").build());
        assertEquals(ScriptStatus.PASSED, r.status(), "unread stanzas do not fail a script");
        assertEquals(1, server.session("Romeo").disconnects);
        assertEquals(1, server.session("Juliet").disconnects);
        assertTrue(r.transcriptOf("Juliet").stream().anyMatch(e -> e.xml().equals(MSG_A)),
                "unread stanzas are drained into the transcript");
    }

    @Test
    void actorsAreDisconnectedAtTheEndEvenAfterAFailure() {
        ScriptResult r = run(romeo().receives("Romeo", el("message")).build());
        assertEquals(ScriptStatus.FAILED, r.status());
        assertEquals(1, server.session("Romeo").disconnects);
    }

    @Test
    void connectingTwiceFails() {
        ScriptResult r = run(romeo().connects("Romeo").build());
        assertEquals(Failure.Kind.ALREADY_CONNECTED, r.failure().orElseThrow().kind());
    }

    @Test
    void reconnectAfterDisconnectOpensANewSession() {
        ScriptResult r = run(romeo().disconnects("Romeo").connects("Romeo").sends("Romeo", el("presence")).build());
        assertEquals(ScriptStatus.PASSED, r.status(), () -> r.failure().toString());
        assertEquals(2, server.byActor.get("Romeo").size());
    }

    @Test
    void unreachableServerIsAnError() {
        server.failConnect("Romeo", new SessionException(SessionException.Kind.UNREACHABLE, "refused"));
        ScriptResult r = run(romeo().build());
        assertEquals(ScriptStatus.ERROR, r.status());
        assertEquals(Failure.Kind.UNREACHABLE, r.failure().orElseThrow().kind());
    }

    @Test
    void authenticationFailureFailsTheScript() {
        server.failConnect("Romeo", new SessionException(SessionException.Kind.AUTHENTICATION, "not-authorized"));
        ScriptResult r = run(romeo().build());
        assertEquals(ScriptStatus.FAILED, r.status());
        assertEquals("not-authorized", message(r.failure().orElseThrow()));
    }

    @Test
    void connectAddressComesFromOptionsThenActorThenJid() {
        config = config.withPort(5999);
        run(romeo().build());
        assertEquals("localhost", server.requests.get(0).host());
        assertEquals(5999, server.requests.get(0).port());
        assertEquals("romeo@localhost", server.requests.get(0).jid());
        assertEquals("secret", server.requests.get(0).password());
    }

    @Test
    void transcriptHoldsSentAndReceivedInOrder() {
        server.onSend = (actor, xml) -> server.deliver("Romeo", MSG_A);
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).receives("Romeo", el("message")).build());
        List<TranscriptEntry> t = r.transcriptOf("Romeo");
        assertEquals(Direction.SENT, t.get(0).direction());
        assertEquals("<presence/>", t.get(0).xml());
        assertEquals(Direction.RECEIVED, t.get(1).direction());
        assertEquals(MSG_A, t.get(1).xml());
    }

    @Test
    void failureCarriesTheActorsRecentStanzas() {
        server.preload("Romeo", MSG_A, MSG_B);
        ScriptResult r = run(romeo().receives("Romeo", el("message", "id", "a"))
                .receives("Romeo", el("message", "id", "b")).receives("Romeo", el("iq")).build());
        Failure f = r.failure().orElseThrow();
        assertEquals(List.of(MSG_A, MSG_B), f.recent().stream().map(TranscriptEntry::xml).toList());
    }

    @Test
    void listenerSeesEveryStepThatRan() {
        ScriptResult r = run(romeo().sends("Romeo", el("presence")).disconnects("Romeo").build());
        assertEquals(3, events.size());
        assertEquals(r.steps(), events);
    }

    @Test
    void crossActorSendsKeepTheScriptOrder() {
        config = config.withSettle(Duration.ofMillis(5));
        List<String> order = new ArrayList<>();
        server.onSend = (actor, xml) -> order.add(actor);
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet")
                .sends("Romeo", el("message")).sends("Juliet", el("message")).sends("Romeo", el("message")).build());
        assertEquals(ScriptStatus.PASSED, r.status());
        assertEquals(List.of("Romeo", "Juliet", "Romeo"), order);
        assertEquals(1, server.session("Romeo").readChecks, "before Juliet's send");
        assertEquals(1, server.session("Juliet").readChecks, "before Romeo's second send");
    }

    @Test
    void noReadCheckWhenTheSameActorGoesOn() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet")
                .sends("Romeo", el("message")).sends("Romeo", el("message")).receivesNothing("Juliet").build());
        assertEquals(ScriptStatus.PASSED, r.status());
        assertEquals(0, server.session("Romeo").readChecks);
    }

    @Test
    void stepsSayWhereTheirTimeWent() {
        server.preload("Juliet", MSG_A);
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet")
                .sends("Romeo", el("message")).sends("Juliet", el("presence"))
                .receives("Juliet", el("message", "id", "a")).build());
        assertEquals(ScriptStatus.PASSED, r.status());
        StepTiming connect = r.steps().get(0).timing();
        assertTrue(connect.toSocket().isEmpty() && connect.toVerdict().isEmpty(), connect.toString());
        StepTiming romeoSends = r.steps().get(2).timing();
        assertTrue(romeoSends.toSocket().isPresent() && romeoSends.toVerdict().isEmpty(), romeoSends.toString());
        StepTiming julietSends = r.steps().get(3).timing();
        assertTrue(julietSends.ordering().orElseThrow().toNanos() > 0,
                "Juliet waited for the server to read Romeo's send, and the pause after it: " + julietSends);
        StepTiming receive = r.steps().get(4).timing();
        assertTrue(receive.toVerdict().isPresent() && receive.toSocket().isEmpty(), receive.toString());
        assertTrue(receive.toVerdict().get().compareTo(r.steps().get(4).duration()) <= 0,
                "the stanza was there before the step began, so its verdict time is within the step");
    }

    @Test
    void finalDisconnectsDoNotWaitForEachOtherButTheEndWaitsForAll() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet")
                .sends("Romeo", el("message")).disconnects("Juliet").disconnects("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status());
        assertEquals(0, server.session("Romeo").readChecks, "nothing after could observe the order");
        assertEquals(1, server.session("Juliet").closeChecks);
        assertEquals(1, server.session("Romeo").closeChecks);
    }

    @Test
    void aDisconnectBeforeMoreStepsWaitsForTheOtherActorsSend() {
        ScriptResult r = run(romeo().actor("Juliet", "juliet@localhost").connects("Juliet")
                .sends("Romeo", el("message")).disconnects("Juliet").receivesNothing("Romeo").build());
        assertEquals(ScriptStatus.PASSED, r.status());
        assertEquals(1, server.session("Romeo").readChecks);
    }

    /** The failure's one-line message, as every report words it. */
    private static String message(Failure f) {
        return dev.scansion.report.FailureMessages.of(f);
    }
}
