package dev.scansion.recorder;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionException;
import dev.scansion.text.Durations;
import dev.scansion.text.Printable;
import dev.scansion.wire.StreamHeader;
import dev.scansion.wire.StreamSplitter;

/**
 * One client of the proxy, on its own thread: the server side of the stream up to binding
 * ({@link Negotiation}), then the relay, with a second thread for what the server sends. Every
 * element is recorded before it is passed on. The session ends once ({@link #end}), whichever side
 * ends it, and then the other side is closed too.
 */
final class ClientSession implements Runnable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Pattern CONDITION = Pattern.compile("[a-z][a-z-]{0,63}");

    /** What the splitter found, queued so that a switch to TLS can drop what follows. */
    private sealed interface Item permits Opened, Element, Closed, Malformed {
    }

    private record Opened(StreamHeader header) implements Item {
    }

    private record Element(String xml) implements Item {
    }

    private record Closed() implements Item {
    }

    private record Malformed(String message) implements Item {
    }

    private final int number;
    private final ClientLink link;
    private final RecordingProxy proxy;
    private final ArrayDeque<Item> items = new ArrayDeque<>();
    private final StreamSplitter splitter;
    private final Negotiation negotiation;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Thread relay;
    private volatile Upstream upstream;
    private volatile ActorSession session;
    /** The recording's connection number once bound, else -1. */
    private volatile int connection = -1;
    private boolean headerSent;

    ClientSession(int number, ClientLink link, RecordingProxy proxy) {
        this.number = number;
        this.link = link;
        this.proxy = proxy;
        this.negotiation = new Negotiation(this, proxy.settings());
        this.splitter = new StreamSplitter(ProxySettings.ELEMENT_CHARS, new StreamSplitter.Listener() {
            @Override
            public void streamOpened(StreamHeader header) {
                items.add(new Opened(header));
            }

            @Override
            public void element(String xml) {
                items.add(new Element(xml));
            }

            @Override
            public void streamClosed(String closingTag) {
                items.add(new Closed());
            }

            @Override
            public void malformed(String message) {
                items.add(new Malformed(message));
            }
        });
    }

    int number() {
        return number;
    }

    ClientLink link() {
        return link;
    }

    RecordingProxy proxy() {
        return proxy;
    }

    @Override
    public void run() {
        char[] buffer = new char[8192];
        try {
            link.readTimeout(proxy.settings().negotiationTimeout());
            while (!ended.get()) {
                int n = link.read(buffer);
                if (n < 0) {
                    end(Ending.CLIENT_LOST, "the client closed the connection");
                    return;
                }
                splitter.feed(buffer, 0, n);
                while (!items.isEmpty() && !ended.get()) handle(items.poll());
            }
        } catch (SocketTimeoutException e) {
            fail("connection-timeout", "nothing from the client within "
                    + Durations.format(proxy.settings().negotiationTimeout()) + " during negotiation");
        } catch (IOException e) {
            end(Ending.CLIENT_LOST, "the connection to the client was lost");
        } catch (InterruptedException e) {
            end(Ending.STOPPED, "the proxy stopped");
        } finally {
            end(Ending.STOPPED, "the proxy stopped");
        }
    }

    private void handle(Item item) throws IOException, InterruptedException {
        if (item instanceof Opened o) opened(o.header());
        else if (item instanceof Element e) {
            if (session != null) fromClient(e.xml());
            else negotiation.element(e.xml());
        } else if (item instanceof Malformed m) {
            fail("not-well-formed", session != null ? m.message() : withoutInput(m.message()));
        } else end(Ending.CLIENT_CLOSED, "closed its stream");
    }

    private void opened(StreamHeader header) throws IOException {
        Optional<String> to = header.attribute("to").map(String::strip).filter(s -> !s.isEmpty());
        if (to.isEmpty()) {
            fail("host-unknown", "the stream header names no domain ('to')");
            return;
        }
        negotiation.opened(to.get());
    }

    /** Writes our header once per stream (after a restart, a new one). */
    void writeHeader(String domain, String features) throws IOException {
        headerSent = true;
        link.write(ProxyXml.header(domain) + features);
    }

    /** The stream restarts after STARTTLS: what the splitter held belongs to the old stream. */
    void restartAfterTls() {
        items.clear();
        splitter.reset();
        headerSent = false;
    }

    /** SASL succeeded upstream. */
    void authenticated(Upstream u) {
        this.upstream = u;
        headerSent = false;
    }

    Optional<Upstream> upstream() {
        return Optional.ofNullable(upstream);
    }

    /** Bound: record the connection, answer the client, then start relaying what the server sends. */
    void bound(ActorSession bound, Optional<String> requested, String iqId) throws IOException {
        Upstream u = upstream;
        connection = proxy.recording().connected(u.account(), u.password(), requested, bound.fullJid());
        session = bound;
        link.write(ProxyXml.bindResult(iqId, bound.fullJid()));
        link.readTimeout(Duration.ZERO);
        proxy.listener().bound(number, bound.fullJid());
        Thread t = new Thread(this::relayFromServer, "scansion-record-relay-" + number);
        t.setDaemon(true);
        relay = t;
        t.start();
    }

    /**
     * Records and relays one stanza. Sends of all clients take turns, and each waits until the server
     * has read it when that can be seen (a server on this machine), as {@code run} does between
     * actors: the server then handles the stanzas in the order they are recorded. The turns are fair
     * (first come, first served), so a slow wait cannot let a later stanza overtake an earlier one.
     */
    private void fromClient(String xml) throws IOException, InterruptedException {
        if (negotiation.sessionIq(xml)) return;
        java.util.concurrent.locks.Lock order = proxy.sendOrder();
        order.lockInterruptibly();
        try {
            if (!proxy.recording().sent(connection, xml)) {
                if (proxy.recording().full()) proxy.recordingFull();
                return;
            }
            session.send(xml);
            session.awaitServerRead(proxy.settings().negotiationTimeout());
        } catch (SessionException e) {
            end(Ending.SERVER_ENDED, "the server's stream ended: " + e.getMessage());
        } finally {
            order.unlock();
        }
    }

    private void relayFromServer() {
        try {
            while (!ended.get()) {
                Optional<Inbound> next = session.next(POLL);
                if (next.isEmpty()) continue;
                Inbound in = next.get();
                if (in instanceof Inbound.Stanza s) {
                    if (proxy.recording().received(connection, s.raw())) link.write(s.raw());
                    else if (proxy.recording().full()) proxy.recordingFull();
                } else {
                    if (in instanceof Inbound.StreamError e) link.write(e.raw());
                    end(Ending.SERVER_ENDED, "the server ended the stream: " + in.describe());
                }
            }
        } catch (InterruptedException e) {
            // stopping
        } catch (IOException e) {
            end(Ending.CLIENT_LOST, "the connection to the client was lost");
        }
    }

    /** A SASL failure for the client; {@code condition} as the server gave it when it is one. */
    static String saslCondition(SessionException e) {
        if (e.kind() != SessionException.Kind.AUTHENTICATION) return "temporary-auth-failure";
        return e.saslCondition().filter(c -> CONDITION.matcher(c).matches()).orElse("not-authorized");
    }

    /** Ends the client's stream with a stream error and says why. */
    void fail(String condition, String reason) {
        if (ended.get()) return;
        proxy.listener().problem(number, link.peer(), reason);
        try {
            link.write((headerSent ? "" : ProxyXml.header("")) + ProxyXml.streamError(condition, Optional.empty()));
        } catch (IOException e) {
            // the client is gone already
        }
        end(Ending.FAILED, reason);
    }

    enum Ending { CLIENT_CLOSED, CLIENT_LOST, SERVER_ENDED, FAILED, STOPPED }

    /** Ends the session once: records the disconnect, closes upstream and the client. */
    void end(Ending how, String why) {
        if (!ended.compareAndSet(false, true)) return;
        if (connection >= 0) proxy.recording().disconnected(connection);
        Upstream u = upstream;
        if (u != null) {
            if (how == Ending.SERVER_ENDED) u.abort();
            else u.disconnect();
        }
        if (how != Ending.FAILED && how != Ending.CLIENT_LOST) {
            try {
                link.write(ProxyXml.CLOSE);
            } catch (IOException e) {
                // the client is gone already
            }
        }
        link.close();
        Thread r = relay;
        if (r != null && r != Thread.currentThread()) r.interrupt();
        if (session != null) proxy.listener().ended(number, session.fullJid(), why);
        proxy.ended(this);
    }

    /** Joins the relay thread (bounded), for a clean stop. */
    void awaitRelay(Duration bound) throws InterruptedException {
        Thread r = relay;
        if (r != null) r.join(Math.max(1, bound.toMillis()));
    }

    /** Before authentication the offending input is not shown: it may be part of a SASL exchange. */
    private static String withoutInput(String message) {
        int at = message.indexOf(" at character ");
        return "not an XMPP stream: " + Printable.line(at < 0 ? message : message.substring(0, at));
    }
}
