package dev.scansion.exec;

import java.util.Optional;

import dev.scansion.script.ast.Actor;

/** One actor during a script run: its definition and, once connected, its session. */
final class ActorState {
    final Actor actor;
    ActorSession session;
    /** The last full JID bound; kept after a disconnect so later payloads can still name it. */
    String fullJid;
    /** The script asked to disconnect (or the runner did at the end). */
    boolean disconnected;
    /** The stream end has been recorded in the transcript. */
    boolean endRecorded;
    /**
     * Stanzas given back by the accept mode (taken by a failed {@code receives} after the candidate it
     * accepted): read before the session's own, already in the transcript.
     */
    final java.util.Deque<Inbound> replay = new java.util.ArrayDeque<>();

    ActorState(Actor actor) {
        this.actor = actor;
    }

    String name() {
        return actor.name();
    }

    /** Connected and not disconnected by the script (the server may still have closed the stream). */
    boolean live() {
        return session != null && !disconnected;
    }

    Optional<Inbound> ended() {
        return live() ? session.ended() : Optional.empty();
    }
}
