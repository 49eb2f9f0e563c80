package dev.scansion.report.html;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.scansion.result.Direction;
import dev.scansion.result.TranscriptEntry;

/**
 * The server's lanes in a diagram: one for the server, plus one per component (a domain other than
 * the actors' own, e.g. {@code conference.localhost}) that stanzas were addressed to or came from.
 * A stanza goes to the lane of its {@code to} (sent) or {@code from} (received); without one, or
 * for the server's own domain, to the server's lane. The server's domains are those the actors'
 * received stanzas are addressed to, and those other domains are subdomains of.
 */
record Lanes(List<String> names, Map<String, String> byDomain) {
    static Lanes of(List<TranscriptEntry> entries, int maxComponents) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> server = new HashSet<>();
        for (TranscriptEntry e : entries) {
            address(e).map(Lanes::domain).ifPresent(seen::add);
            // what the server sends an actor is addressed to the actor: its domain is the server's
            StanzaText.attribute(e.xml(), e.direction() == Direction.SENT ? "from" : "to").map(Lanes::domain)
                    .ifPresent(server::add);
        }
        // a domain others are subdomains of (localhost for conference.localhost) is the server's too
        for (String d : seen) {
            if (seen.stream().anyMatch(o -> o.endsWith("." + d))) server.add(d);
        }
        Map<String, String> byDomain = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(Timeline.SERVER));
        for (String d : seen) {
            boolean lane = !server.contains(d) && names.size() <= maxComponents;
            if (lane) names.add(d);
            byDomain.put(d, lane ? d : Timeline.SERVER);
        }
        return new Lanes(List.copyOf(names), Map.copyOf(byDomain));
    }

    String of(TranscriptEntry e) {
        return address(e).map(Lanes::domain).map(d -> byDomain.getOrDefault(d, Timeline.SERVER)).orElse(Timeline.SERVER);
    }

    private static Optional<String> address(TranscriptEntry e) {
        return StanzaText.attribute(e.xml(), e.direction() == Direction.SENT ? "to" : "from");
    }

    /** {@code room@conference.localhost/nick} gives {@code conference.localhost}. */
    static String domain(String jid) {
        String s = jid;
        int slash = s.indexOf('/');
        if (slash >= 0) s = s.substring(0, slash);
        int at = s.indexOf('@');
        return at >= 0 ? s.substring(at + 1) : s;
    }
}
