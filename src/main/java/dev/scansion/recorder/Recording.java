package dev.scansion.recorder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.scansion.author.Conversation;

/**
 * What the proxy has seen so far, in one order across all connections: one lock, so that a stanza
 * recorded before it is relayed comes before anything it causes on another connection. Bounded: at
 * most {@link #MAX_EVENTS} events and {@link #MAX_CHARS} characters of stanzas; past that nothing
 * more is recorded and {@link #full()} says so (the proxy then stops).
 */
final class Recording {
    static final int MAX_EVENTS = 200_000;
    static final long MAX_CHARS = 256L * 1024 * 1024;

    private final List<Conversation.Connection> connections = new ArrayList<>();
    private final List<Conversation.Event> events = new ArrayList<>();
    private final Set<Integer> ended = new HashSet<>();
    private long chars;
    private boolean full;

    /** A bound session: its number and {@code Connected}. */
    synchronized int connected(String account, String password, Optional<String> requestedResource, String fullJid) {
        int id = connections.size();
        connections.add(new Conversation.Connection(id, account, password, requestedResource, fullJid));
        events.add(new Conversation.Connected(id));
        return id;
    }

    /** False when nothing more can be recorded (full) or the connection has ended: do not relay it. */
    synchronized boolean sent(int connection, String xml) {
        return add(connection, xml, new Conversation.Sent(connection, xml));
    }

    synchronized boolean received(int connection, String xml) {
        return add(connection, xml, new Conversation.Received(connection, xml));
    }

    /** The session's end; once only, nothing of it is recorded after. */
    synchronized void disconnected(int connection) {
        if (ended.add(connection)) events.add(new Conversation.Disconnected(connection));
    }

    synchronized boolean full() {
        return full;
    }

    synchronized int connectionCount() {
        return connections.size();
    }

    synchronized Conversation conversation() {
        return new Conversation(connections, events);
    }

    private boolean add(int connection, String xml, Conversation.Event event) {
        if (ended.contains(connection) || full) return false;
        if (events.size() >= MAX_EVENTS || chars + xml.length() > MAX_CHARS) {
            full = true;
            return false;
        }
        chars += xml.length();
        events.add(event);
        return true;
    }
}
