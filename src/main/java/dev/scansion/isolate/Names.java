package dev.scansion.isolate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The renaming rules on text: which JIDs are ours (a domain of an actor, or a subdomain of one) and
 * what their localparts become; pubsub node names. Collects the renames it made, for display.
 */
final class Names {
    /** Characters a localpart cannot hold (RFC 7622 3.3.1), besides whitespace. */
    private static final String NOT_LOCAL = "\"&'/:<>@";
    private static final String MARKER_OPEN = "{scansion:";

    private final Set<String> domains;
    private final Isolation shape;
    private final Map<String, String> renames = new LinkedHashMap<>();

    /** {@code domains}: the actors' domains, lower case. */
    Names(Set<String> domains, String suffix) {
        this.domains = Set.copyOf(domains);
        this.shape = new Isolation(suffix, Map.of());
    }

    Isolation isolation() {
        return new Isolation(shape.suffix(), renames);
    }

    /**
     * {@code text} with the localpart of every JID of ours renamed. Never a domain, never a resource
     * (after a JID of ours, everything up to whitespace or markup is its resource), never inside a
     * {@code {scansion:...}} marker.
     */
    String jids(String text) {
        if (text.indexOf('@') < 0) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        while (at < text.length()) {
            int marker = text.indexOf(MARKER_OPEN, at);
            int end = marker < 0 ? text.length() : marker;
            out.append(jidsIn(text.substring(at, end)));
            if (marker < 0) break;
            int close = text.indexOf('}', marker);
            int after = close < 0 ? text.length() : close + 1;
            out.append(text, marker, after);
            at = after;
        }
        return out.toString();
    }

    private String jidsIn(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int copied = 0;
        int at = text.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > 0 && isLocal(text.charAt(start - 1))) start--;
            int end = at + 1;
            while (end < text.length() && isDomain(text.charAt(end))) end++;
            while (end > at + 1 && text.charAt(end - 1) == '.') end--; // a sentence's full stop
            String domain = text.substring(at + 1, end);
            if (start == at || !ours(domain)) {
                at = text.indexOf('@', at + 1);
                continue;
            }
            String local = text.substring(start, at);
            String renamed = shape.rename(local);
            renames.putIfAbsent(local + "@" + domain, renamed + "@" + domain);
            out.append(text, copied, start).append(renamed);
            copied = at;
            if (end < text.length() && text.charAt(end) == '/') end = resourceEnd(text, end);
            at = text.indexOf('@', end);
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** A node name on a pubsub service. */
    String node(String name) {
        String renamed = shape.rename(name);
        renames.putIfAbsent("node " + name, "node " + renamed);
        return renamed;
    }

    /** Whether {@code jid} is a service of ours: a bare subdomain of an actor's domain, no localpart. */
    boolean isService(String jid) {
        if (jid.indexOf('@') >= 0 || jid.indexOf('/') >= 0) return false;
        String d = jid.toLowerCase(Locale.ROOT);
        return !domains.contains(d) && ours(d);
    }

    private boolean ours(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (domains.contains(d)) return true;
        for (String mine : domains) {
            if (d.endsWith("." + mine) && d.length() > mine.length() + 1 && d.charAt(0) != '.') return true;
        }
        return false;
    }

    private static int resourceEnd(String text, int slash) {
        int end = slash;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && "<\"'".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    private static boolean isLocal(char c) {
        return !Character.isWhitespace(c) && NOT_LOCAL.indexOf(c) < 0;
    }

    private static boolean isDomain(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }
}
