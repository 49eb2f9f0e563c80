package dev.scansion.exec;

import static dev.scansion.exec.Scripts.el;
import static dev.scansion.exec.Scripts.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.result.Failure;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.TranscriptEntry;
import dev.scansion.script.ast.Script;

/** A receive ends on its clock whatever arrives, and keeps what it sets aside bounded. */
class ReceiveBoundsTest {
    private final FakeSessions server = new FakeSessions();
    private RunConfig config = RunConfig.defaults().withReceiveTimeout(Duration.ofMillis(300))
            .withNothingWait(Duration.ofMillis(100)).withSettle(Duration.ZERO);

    private ScriptResult run(Script script) {
        return new ScriptRunner(config, server, new RunListener() {
        }).execute(script, Optional.empty(), List.of(), List.of(), new SimpleExpectations(Scripts.FILE));
    }

    private Script romeoWaitsForQ() {
        return script().actor("Romeo", "romeo@localhost").connects("Romeo").sends("Romeo", el("presence"))
                .receives("Romeo", el("message", "id", "q")).build();
    }

    @Test
    void aFloodDoesNotKeepAReceiveWaitingPastItsTimeout() {
        config = config.withReceiveTimeout(Duration.ofSeconds(2));
        Thread[] flood = new Thread[1];
        server.onSend = (actor, xml) -> {
            FakeSessions.FakeSession s = server.session(actor);
            flood[0] = new Thread(() -> {
                for (long i = 0; !Thread.currentThread().isInterrupted(); i++) {
                    s.buffer.add(new Inbound.Stanza("<message id='m" + i + "'/>", Instant.now()));
                    // Up to 100k stanzas a second; pausing now and then lets the script thread take the lock.
                    if (i % 100 == 0) java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            });
            flood[0].setDaemon(true);
            flood[0].start();
        };
        try {
            ScriptResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> run(romeoWaitsForQ()));
            Failure f = r.failure().orElseThrow();
            assertEquals(Failure.Kind.MISMATCH, f.kind());
            assertEquals(Limits.SET_ASIDE_KEPT, f.setAside().kept().size());
            assertTrue(f.setAside().total() > Limits.SET_ASIDE_KEPT, message(f));
            assertTrue(message(f).startsWith("no matching stanza within 2 s; " + f.setAside().total()
                    + " stanzas set aside (the first 20 kept)"), message(f));
            assertTrue(f.received().isPresent());
            assertTrue(r.transcript().size() <= Limits.TRANSCRIPT_ENTRIES + 1, "transcript " + r.transcript().size());
        } finally {
            if (flood[0] != null) flood[0].interrupt();
        }
    }

    @Test
    void aHugeStanzaIsCutEverywhereItIsKept() {
        String huge = "<message id='a'><body>" + "x".repeat(20 * 1024 * 1024) + "</body></message>";
        server.preload("Romeo", huge);
        ScriptResult r = run(romeoWaitsForQ());
        Failure f = r.failure().orElseThrow();
        String cut = f.received().orElseThrow();
        assertTrue(cut.length() < Limits.STANZA_CHARS + 40, "received kept " + cut.length() + " characters");
        assertTrue(cut.endsWith("… (" + huge.length() + " bytes)"), cut.substring(cut.length() - 40));
        assertEquals(List.of(cut), f.setAside().kept());
        assertTrue(f.differences().get(0).reason().contains("not explained in detail"), f.differences().toString());
        for (TranscriptEntry e : r.transcript()) {
            assertTrue(e.xml().length() < Limits.STANZA_CHARS + 40, "transcript entry of " + e.xml().length());
        }
        for (TranscriptEntry e : f.recent()) {
            assertTrue(e.xml().length() < Limits.STANZA_CHARS + 40, "recent entry of " + e.xml().length());
        }
    }

    @Test
    void droppedStanzasAreSaidInTheFailure() {
        server.onSend = (actor, xml) -> {
            FakeSessions.FakeSession s = server.session(actor);
            for (int i = 0; i < Limits.BUFFER_STANZAS + 5; i++) {
                s.buffer.add(new Inbound.Stanza("<presence id='p" + i + "'/>", Instant.now()));
            }
        };
        Failure f = run(romeoWaitsForQ()).failure().orElseThrow();
        assertTrue(message(f).endsWith("; 5 more stanzas were dropped unread: Romeo's buffer was full (10000 stanzas"
                + " or 16 MiB)"), message(f));
    }

    @Test
    void aFullTranscriptSaysHowManyElementsItDidNotKeep() {
        Transcript t = new Transcript(dev.scansion.script.SecretMask.NONE, 3, 1_000);
        for (int i = 0; i < 5; i++) t.sent("Romeo", "<a/>", Instant.now());
        t.received("Romeo", new Inbound.Closed("the server closed the stream", Instant.now()));
        List<TranscriptEntry> entries = t.entries();
        assertEquals(5, entries.size(), entries.toString());
        assertEquals("<!-- the server closed the stream -->", entries.get(3).xml());
        assertEquals("<!-- 2 more elements not kept (a transcript keeps at most 3 elements, 0 MiB) -->",
                entries.get(4).xml());
    }

    /** The failure's one-line message, as every report words it. */
    private static String message(Failure f) {
        return dev.scansion.report.FailureMessages.of(f);
    }
}
