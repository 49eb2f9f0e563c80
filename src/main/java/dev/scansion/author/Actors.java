package dev.scansion.author;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/**
 * The actors of a recorded conversation, named as Prosody's recorder names them: one Shakespeare
 * name per account in order of first connection; another session of an account already named is
 * {@code Romeo's phone}, then {@code laptop}, {@code tablet}, ... (the language reads
 * {@code ${Romeo's phone's full JID}} by the last {@code 's }). A session that binds the same account
 * and asks for the same resource after the earlier one disconnected is the same actor connecting
 * again.
 */
final class Actors {
    static final List<String> NAMES = List.of("Romeo", "Juliet", "Mercutio", "Tybalt", "Benvolio", "Paris",
            "Rosaline", "Balthasar", "Sampson", "Gregory", "Abram", "Peter", "Escalus", "Capulet", "Montague",
            "Lady Capulet", "Lady Montague", "Friar Laurence", "Friar John", "Nurse");
    static final List<String> DEVICES = List.of("phone", "laptop", "tablet", "desktop", "watch", "car", "tv",
            "console");

    /** One actor definition. */
    record Actor(String name, String account, String password, Optional<String> resource) {
    }

    private final List<Actor> actors = new ArrayList<>();
    private final Map<Integer, String> byConnection = new HashMap<>();
    private final Map<String, String> firstOfAccount = new LinkedHashMap<>();
    private final Map<String, Integer> devicesUsed = new HashMap<>();
    private final Set<String> connected = new HashSet<>();
    private final Set<String> mintedResources = new HashSet<>();

    Actors(Conversation conversation) {
        for (Conversation.Event e : conversation.events()) {
            Conversation.Connection c = conversation.connections().get(e.connection());
            String name = byConnection.computeIfAbsent(c.id(), id -> name(c));
            if (e instanceof Conversation.Connected) connected.add(name);
            if (e instanceof Conversation.Disconnected) connected.remove(name);
        }
        for (Conversation.Connection c : conversation.connections()) byConnection.computeIfAbsent(c.id(), id -> name(c));
        for (Conversation.Connection c : conversation.connections()) {
            if (c.requestedResource().isEmpty()) resource(c.fullJid()).ifPresent(mintedResources::add);
        }
    }

    private String name(Conversation.Connection c) {
        for (Actor a : actors) {
            if (a.account().equals(c.account()) && a.resource().equals(c.requestedResource())
                    && !connected.contains(a.name())) {
                return a.name();
            }
        }
        String first = firstOfAccount.get(c.account());
        String name;
        if (first == null) {
            int n = firstOfAccount.size();
            name = n < NAMES.size() ? NAMES.get(n) : "Actor " + (n + 1);
            firstOfAccount.put(c.account(), name);
        } else {
            int n = devicesUsed.merge(c.account(), 1, Integer::sum);
            name = first + "'s " + (n <= DEVICES.size() ? DEVICES.get(n - 1) : "device " + n);
        }
        actors.add(new Actor(name, c.account(), c.password(), c.requestedResource()));
        return name;
    }

    List<Actor> definitions() {
        return List.copyOf(actors);
    }

    String of(int connection) {
        return byConnection.get(connection);
    }

    /** Every session's full JID to its actor, every account to its first actor. */
    JidNames jidNames(Conversation conversation) {
        Map<String, String> full = new HashMap<>();
        for (Conversation.Connection c : conversation.connections()) full.put(c.fullJid(), of(c.id()));
        return new JidNames(full, firstOfAccount);
    }

    /** Resources the server assigned (the client asked for none). */
    Set<String> mintedResources() {
        return Set.copyOf(mintedResources);
    }

    private static Optional<String> resource(String fullJid) {
        int slash = fullJid.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.of(fullJid.substring(slash + 1));
    }
}
