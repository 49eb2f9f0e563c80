package dev.scansion.author;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a recorder saw: the client sessions (one {@link Connection} each) and every stanza, in the
 * order the recorder saw them across all sessions. Nothing of SASL is ever part of it; the password
 * is kept only to be written as the actor's {@code password} (or replaced by {@code ${env:NAME}}).
 *
 * @param connections the sessions, by {@link Connection#id()} (0-based, in order of binding)
 * @param events      connects, stanzas and disconnects in the order seen
 */
public record Conversation(List<Connection> connections, List<Event> events) {
    public Conversation {
        connections = List.copyOf(connections);
        events = List.copyOf(events);
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).id() != i) throw new IllegalArgumentException("connection ids must be 0..n-1 in order");
        }
        for (Event e : events) {
            if (e.connection() < 0 || e.connection() >= connections.size()) {
                throw new IllegalArgumentException("event for unknown connection " + e.connection());
            }
        }
    }

    /**
     * One client session, once bound.
     *
     * @param id                the session's number, 0-based, in order of binding
     * @param account           the bare JID the client logged in as ({@code user@host})
     * @param password          the password it logged in with; never printed
     * @param requestedResource the resource the client asked for at bind, empty when it let the server
     *                          assign one (then the bound resource is a value the server minted)
     * @param fullJid           the full JID the server bound
     * @param name              the actor's name when the recorder knows it (the interactive mode's
     *                          typed or scripted actors); empty to let the generaliser name it
     */
    public record Connection(int id, String account, String password, Optional<String> requestedResource,
                             String fullJid, Optional<String> name) {
        /** A session whose actor the generaliser names. */
        public Connection(int id, String account, String password, Optional<String> requestedResource,
                          String fullJid) {
            this(id, account, password, requestedResource, fullJid, Optional.empty());
        }

        public Connection {
            Objects.requireNonNull(name);
            Objects.requireNonNull(account);
            Objects.requireNonNull(password);
            Objects.requireNonNull(requestedResource);
            Objects.requireNonNull(fullJid);
        }

        @Override
        public String toString() {
            return "Connection[" + id + " " + fullJid + " as " + account
                    + requestedResource.map(r -> ", asked for /" + r).orElse("") + "]";
        }
    }

    /** Something that happened on one session. */
    public sealed interface Event permits Connected, Sent, Received, Disconnected {
        int connection();
    }

    /** The session was bound: the actor {@code connects}. */
    public record Connected(int connection) implements Event {
    }

    /** The client sent one top-level element, exactly as written on the wire. */
    public record Sent(int connection, String xml) implements Event {
    }

    /** The server sent one top-level element to the client, exactly as written on the wire. */
    public record Received(int connection, String xml) implements Event {
    }

    /** The client closed its stream (or the session ended): the actor {@code disconnects}. */
    public record Disconnected(int connection) implements Event {
    }
}
