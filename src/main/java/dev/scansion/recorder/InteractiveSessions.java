package dev.scansion.recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.author.Conversation;
import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequests;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;
import dev.scansion.script.PayloadWriter;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;

/**
 * The actors' live sessions in {@code record -i}, and the {@link Conversation} they make: connects,
 * sends, what arrives (taken by one pump thread per session and shown at once) and disconnects, in
 * the order seen. One lock orders the record: a send is written and recorded under it, so a reply
 * can never be recorded before the send that caused it.
 */
final class InteractiveSessions {
    /** How often a pump looks at its stop flag while nothing arrives. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final RunConfig config;
    private final SessionFactory factory;
    private final InteractiveConsole console;
    private final Object lock = new Object();
    private final List<Conversation.Connection> connections = new ArrayList<>();
    private final List<Conversation.Event> events = new ArrayList<>();
    /** Connected actors by name; an actor leaves it when it disconnects or the server ends its stream. */
    private final Map<String, Live> live = new LinkedHashMap<>();

    /** One connected actor: its connection number in the conversation, its session and its pump. */
    private static final class Live {
        final String actor;
        final int connection;
        final ActorSession session;
        volatile boolean stop;
        /** Set while the user's disconnect runs: the end of the stream is then ours, not the server's. */
        volatile boolean closing;
        Thread pump;

        Live(String actor, int connection, ActorSession session) {
            this.actor = actor;
            this.connection = connection;
            this.session = session;
        }
    }

    InteractiveSessions(RunConfig config, SessionFactory factory, InteractiveConsole console) {
        this.config = config;
        this.factory = factory;
        this.console = console;
    }

    /** Logs {@code actor} in as {@code run} would ({@link ConnectRequests}); a failure is one line. */
    void connect(Actor actor) throws InterruptedException {
        synchronized (lock) {
            if (live.containsKey(actor.name())) {
                console.error(actor.name() + " is connected already");
                return;
            }
        }
        ActorSession session;
        try {
            session = factory.connect(ConnectRequests.of(actor, config), WireTap.NONE);
        } catch (SessionException e) {
            console.error(actor.name() + " could not connect: " + e.getMessage());
            return;
        }
        synchronized (lock) {
            Live l = new Live(actor.name(), connections.size(), session);
            connections.add(new Conversation.Connection(l.connection, actor.bareJid(), actor.password().orElse(""),
                    actor.requestedResource(), session.fullJid(), Optional.of(actor.name())));
            events.add(new Conversation.Connected(l.connection));
            live.put(actor.name(), l);
            l.pump = new Thread(() -> pump(l), "record-i " + actor.name());
            l.pump.setDaemon(true);
            l.pump.start();
        }
        console.say(actor.name() + " is connected as " + session.fullJid());
    }

    /**
     * Writes the payload's elements, variables substituted; all are rendered before any is sent, so
     * that a variable without a value sends nothing.
     */
    void send(String actor, List<XmlElement> payload, Map<String, Actor> actors) {
        Live l;
        synchronized (lock) {
            l = live.get(actor);
        }
        if (l == null) {
            console.error(actor + " is not connected (type '" + actor + " connects' first); nothing sent");
            return;
        }
        List<String> xml = new ArrayList<>();
        try {
            for (XmlElement e : payload) xml.add(PayloadWriter.write(e, bindings(actors)));
        } catch (Bindings.UnboundVariableException e) {
            console.error(e.getMessage() + "; nothing sent");
            return;
        }
        synchronized (lock) {
            for (String x : xml) {
                try {
                    l.session.send(x);
                } catch (SessionException e) {
                    console.error(actor + " could not send: " + e.getMessage());
                    return;
                }
                events.add(new Conversation.Sent(l.connection, x));
            }
        }
    }

    /** Closes the actor's stream; what arrived before the close is recorded before the disconnect. */
    void disconnect(String actor) throws InterruptedException {
        Live l;
        synchronized (lock) {
            l = live.get(actor);
        }
        if (l == null) {
            console.error(actor + " is not connected");
            return;
        }
        close(l);
        console.say(actor + " is disconnected");
    }

    /** Disconnects every actor still connected, in the order they connected; the conversation. */
    Conversation finish() throws InterruptedException {
        List<Live> open;
        synchronized (lock) {
            open = List.copyOf(live.values());
        }
        for (Live l : open) close(l);
        synchronized (lock) {
            return new Conversation(connections, events);
        }
    }

    private void close(Live l) throws InterruptedException {
        l.closing = true;
        try {
            l.session.disconnect();
        } finally {
            l.stop = true;
            l.pump.join(Math.max(1000, 3 * POLL.toMillis()));
            synchronized (lock) {
                for (Inbound i : l.session.drain()) received(l, i);
                if (live.remove(l.actor, l)) events.add(new Conversation.Disconnected(l.connection));
            }
        }
    }

    private void pump(Live l) {
        try {
            while (!l.stop) {
                Optional<Inbound> next = l.session.next(POLL);
                if (next.isEmpty()) continue;
                Inbound in = next.get();
                if (!in.terminal()) {
                    synchronized (lock) {
                        received(l, in);
                    }
                    continue;
                }
                if (!l.closing) ended(l, in);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Under {@link #lock}: records and shows one stanza of a session still recorded. */
    private void received(Live l, Inbound in) {
        if (in instanceof Inbound.Stanza s && live.get(l.actor) == l) {
            events.add(new Conversation.Received(l.connection, s.raw()));
            console.received(l.actor, s.raw());
        }
    }

    /** The server ended the stream: the session ends there in the conversation too. */
    private void ended(Live l, Inbound end) {
        synchronized (lock) {
            if (!live.remove(l.actor, l)) return;
            events.add(new Conversation.Disconnected(l.connection));
        }
        l.session.abort();
        console.error(l.actor + "'s stream was ended by the server: " + end.describe());
    }

    private Bindings bindings(Map<String, Actor> actors) {
        return new Bindings() {
            @Override
            public String resolve(Value.Variable v) throws UnboundVariableException {
                Actor a = actors.get(v.target());
                if (v.kind() == Value.Variable.Kind.JID && a != null) return a.jid();
                if (v.kind() == Value.Variable.Kind.FULL_JID && a != null) {
                    synchronized (lock) {
                        Live l = live.get(a.name());
                        if (l != null) return l.session.fullJid();
                    }
                    throw new UnboundVariableException(v, "${" + v.expression() + "} is not known: " + a.name()
                            + " is not connected");
                }
                throw new UnboundVariableException(v, "${" + v.expression() + "} has no value here (record -i "
                        + "knows the actors' JIDs and full JIDs only)");
            }

            @Override
            public Optional<String> capture(String name) {
                return Optional.empty();
            }
        };
    }
}
