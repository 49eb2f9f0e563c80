package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.scansion.result.StepOutcome;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SendOrderTest {
    /** A session whose server "reads" only when the test says so. */
    private static final class Gate implements ActorSession {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch read = new CountDownLatch(1);
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch serverClosed = new CountDownLatch(1);
        /** As Prosody: a moment after the read suffices (the other tests are about the read itself). */
        boolean inOrder = true;
        /** What {@link ActorSession#orderDoubt} answers (AUTO). */
        Optional<String> doubt = Optional.empty();

        @Override
        public Optional<String> orderDoubt() {
            return doubt;
        }

        @Override
        public boolean serverHandlesReadsInOrder() {
            return inOrder;
        }
        final AtomicInteger closeChecks = new AtomicInteger();

        @Override
        public boolean awaitServerClosed(Duration bound) throws InterruptedException {
            closeChecks.incrementAndGet();
            return serverClosed.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean awaitServerRead(Duration bound) throws InterruptedException {
            checks.incrementAndGet();
            asked.countDown();
            return read.await(bound.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public String fullJid() {
            return "romeo@localhost/r";
        }

        @Override
        public void send(String xml) {
        }

        @Override
        public Optional<Inbound> next(Duration timeout) {
            return Optional.empty();
        }

        @Override
        public List<Inbound> drain() {
            return List.of();
        }

        @Override
        public Optional<Inbound> ended() {
            return Optional.empty();
        }

        @Override
        public void disconnect() {
        }
    }

    /** What an actor's step does first, run on a thread of its own so that the test can see it wait. */
    private interface Act {
        void run() throws InterruptedException;
    }

    private static Thread inBackground(Act act) {
        Thread t = new Thread(() -> {
            try {
                act.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    /** True when {@code t} is still waiting after {@code millis} (it would have been through by then). */
    private static boolean stillWaiting(Thread t, long millis) throws InterruptedException {
        t.join(millis);
        return t.isAlive();
    }

    private static void finishes(Thread t) throws InterruptedException {
        t.join(10_000);
        assertFalse(t.isAlive());
    }

    @Test
    void theWaitStartsRightAfterTheSendWhenAnotherActorActsNext() throws Exception {
        Gate romeo = new Gate();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(30), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", romeo, true);
            assertTrue(romeo.asked.await(10, TimeUnit.SECONDS), "asked in the background, before Juliet acts");
            Thread juliet = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(juliet, 300), "Juliet waits while the server has not read Romeo's send");
            romeo.read.countDown();
            finishes(juliet);
            assertEquals(1, romeo.checks.get(), "one wait, shared by the background and Juliet");
        }
    }

    @Test
    void noWaitWhenTheSameActorActsNextOrNobodyDoes() throws Exception {
        Gate romeo = new Gate();
        romeo.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(30), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", romeo, false);
            order.before("Romeo");
            assertEquals(0, romeo.checks.get());
        }
    }

    @Test
    void anUnplannedOtherActorStillWaits() throws Exception {
        Gate romeo = new Gate();
        romeo.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(30), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", romeo, false);
            order.before("Juliet");
            assertEquals(1, romeo.checks.get(), "checked at Juliet's step");
        }
    }

    @Test
    void afterADisconnectTheNextActAndTheEndWaitForTheServerToClose() throws Exception {
        Gate romeo = new Gate();
        Gate juliet = new Gate();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(30), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(20))) {
            order.closed(romeo);
            Thread next = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(next, 300), "the next act waits for Romeo's close");
            romeo.serverClosed.countDown();
            finishes(next);

            order.closed(juliet);
            Thread end = inBackground(() -> order.finish(System.nanoTime() + Duration.ofSeconds(20).toNanos()));
            assertTrue(stillWaiting(end, 300), "the end waits for Juliet's close");
            juliet.serverClosed.countDown();
            finishes(end);
            assertEquals(1, romeo.closeChecks.get());
            assertEquals(1, juliet.closeChecks.get());
        }
    }

    @Test
    void afterTheReadAnInOrderServerGetsAMomentOthersTheWholeSettle() throws Exception {
        Gate prosody = new Gate();
        prosody.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", prosody, true);
            order.before("Juliet"); // would take a minute with the whole settle
        }
        Gate other = new Gate();
        other.inOrder = false;
        other.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), false, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", other, true);
            Thread juliet = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(juliet, 500), "still within the settle after the read");
            juliet.interrupt();
            finishes(juliet);
        }
    }

    @Test
    void anExplicitSettleIsWaitedInFullAfterTheReadEvenByAnInOrderServer() throws Exception {
        Gate prosody = new Gate();
        prosody.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), true, OrderMode.SOCKET_TABLE, Duration.ofSeconds(5))) {
            order.sent("Romeo", prosody, true);
            Thread juliet = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(juliet, 500), "the given settle, not 1 ms");
            juliet.interrupt();
            finishes(juliet);
            assertEquals(1, prosody.checks.get());
        }
    }

    @Test
    void pauseNeverAsksTheTableAndWaitsTheSettleFromTheWrite() throws Exception {
        Gate romeo = new Gate();
        romeo.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), false, OrderMode.PAUSE, Duration.ofSeconds(5))) {
            order.sent("Romeo", romeo, true);
            Thread juliet = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(juliet, 500), "the settle, not 1 ms after a read");
            juliet.interrupt();
            finishes(juliet);
            order.closed(romeo);
            order.before("Romeo");
            assertEquals(0, romeo.checks.get(), "no read awaited");
            assertEquals(0, romeo.closeChecks.get(), "no close awaited");
        }
    }

    @Test
    void autoPausesForADoubtedSessionAndSaysSoOnce() throws Exception {
        Gate proxied = new Gate();
        proxied.read.countDown();
        proxied.doubt = Optional.of("pid 7 does not listen on port 5222");
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), false, OrderMode.AUTO, Duration.ofSeconds(5))) {
            order.sent("Romeo", proxied, true);
            Thread juliet = inBackground(() -> order.before("Juliet"));
            assertTrue(stillWaiting(juliet, 500), "the whole settle, not 1 ms after the proxy's read");
            juliet.interrupt();
            finishes(juliet);
            assertEquals(0, proxied.checks.get(), "the proxy's socket is not watched");
            StepOutcome failed = new StepOutcome.Failed(new dev.scansion.result.Failure(
                    dev.scansion.script.ast.SourceSpan.of("a.scs", 1, 1), "", new dev.scansion.result.Reason.Interrupted()));
            assertEquals(failed, order.noted(failed), "a failed step keeps its failure only");
            StepOutcome first = order.noted(StepOutcome.Passed.note("bound"));
            assertEquals(List.of("bound", "cross-actor order: pausing 60 s after each send instead of watching the "
                    + "socket table: pid 7 does not listen on port 5222"), ((StepOutcome.Passed) first).notes());
            assertEquals(StepOutcome.Passed.plain(), order.noted(StepOutcome.Passed.plain()), "once");
        }
    }

    @Test
    void autoWatchesTheTableWhenNothingIsInDoubt() throws Exception {
        Gate prosody = new Gate();
        prosody.read.countDown();
        try (SendOrder order = new SendOrder(Duration.ofSeconds(60), false, OrderMode.AUTO, Duration.ofSeconds(5))) {
            order.sent("Romeo", prosody, true);
            order.before("Juliet"); // 1 ms after the read, not a minute
            assertEquals(1, prosody.checks.get());
            assertEquals(StepOutcome.Passed.plain(), order.noted(StepOutcome.Passed.plain()));
        }
    }
}
