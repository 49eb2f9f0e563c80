package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InboundBufferTest {
    private static Inbound.Stanza stanza(String raw) {
        return new Inbound.Stanza(raw, Instant.now());
    }

    @Test
    void stanzasComeOutInArrivalOrder() throws InterruptedException {
        InboundBuffer b = new InboundBuffer();
        b.add(stanza("<a/>"));
        b.add(stanza("<b/>"));
        assertEquals("<a/>", ((Inbound.Stanza) b.next(Duration.ZERO).orElseThrow()).raw());
        assertEquals("<b/>", ((Inbound.Stanza) b.next(Duration.ZERO).orElseThrow()).raw());
        assertEquals(Optional.empty(), b.next(Duration.ofMillis(20)));
    }

    @Test
    void terminalItemComesAfterTheStanzasAndStays() throws InterruptedException {
        InboundBuffer b = new InboundBuffer();
        b.add(stanza("<a/>"));
        b.add(new Inbound.Closed("gone", Instant.now()));
        b.add(stanza("<late/>"));
        assertEquals("<a/>", ((Inbound.Stanza) b.next(Duration.ZERO).orElseThrow()).raw());
        assertTrue(b.next(Duration.ZERO).orElseThrow().terminal());
        assertEquals("gone", b.next(Duration.ZERO).orElseThrow().describe());
        assertEquals(List.of(), b.drain());
    }

    @Test
    void aWaitingReaderWakesWhenAStanzaArrives() throws InterruptedException {
        InboundBuffer b = new InboundBuffer();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            b.add(stanza("<x/>"));
        });
        producer.start();
        assertEquals("<x/>", ((Inbound.Stanza) b.next(Duration.ofSeconds(5)).orElseThrow()).raw());
        producer.join();
    }

    @Test
    void drainTakesEverythingButTheEnd() {
        InboundBuffer b = new InboundBuffer();
        b.add(stanza("<a/>"));
        b.add(stanza("<b/>"));
        b.add(new Inbound.StreamError("conflict", "", "<stream:error/>", Instant.now()));
        assertEquals(2, b.drain().size());
        assertTrue(b.terminal().isPresent());
    }

    @Test
    void describeNamesConditionAndText() {
        assertEquals("stream error <conflict/>: Replaced by new connection",
                new Inbound.StreamError("conflict", "Replaced by new connection", "", Instant.now()).describe());
        assertEquals("stream error <system-shutdown/>",
                new Inbound.StreamError("system-shutdown", "", "", Instant.now()).describe());
    }

    @Test
    void aReaderWaitingLongIsWokenByTheProducerNotByItsTimeout() {
        InboundBuffer b = new InboundBuffer();
        Thread producer = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            b.add(stanza("<x/>"));
        });
        producer.start();
        // Without the wake-up in add(), next() would sleep its whole hour.
        Inbound got = assertTimeoutPreemptively(Duration.ofSeconds(3), () -> b.next(Duration.ofHours(1)).orElseThrow());
        assertEquals("<x/>", ((Inbound.Stanza) got).raw());
    }

    @Test
    void aFullBufferDropsNewStanzasAndCountsThem() throws InterruptedException {
        InboundBuffer b = new InboundBuffer(2, 1_000);
        b.add(stanza("<a/>"));
        b.add(stanza("<b/>"));
        b.add(stanza("<c/>"));
        assertEquals(1, b.dropped());
        assertEquals("<a/>", ((Inbound.Stanza) b.next(Duration.ZERO).orElseThrow()).raw());
        b.add(stanza("<d/>"));
        assertEquals(List.of("<b/>", "<d/>"), b.drain().stream().map(i -> ((Inbound.Stanza) i).raw()).toList());
        b.add(new Inbound.Closed("gone", Instant.now()));
        assertTrue(b.terminal().isPresent(), "the end of the stream is never dropped");
    }

    @Test
    void theCharacterBoundDropsButAnOversizedStanzaIsTakenWhenAlone() throws InterruptedException {
        InboundBuffer b = new InboundBuffer(100, 10);
        String big = "<m>" + "x".repeat(50) + "</m>";
        b.add(stanza(big));
        b.add(stanza("<a/>"));
        assertEquals(1, b.dropped());
        assertEquals(big, ((Inbound.Stanza) b.next(Duration.ZERO).orElseThrow()).raw());
        b.add(stanza("<a/>"));
        b.add(stanza("<b/>"));
        b.add(stanza("<c/>"));
        assertEquals(2, b.drain().size(), "4 + 4 characters fit in 10, a third stanza does not");
        assertEquals(2, b.dropped());
    }
}
