package dev.scansion.author;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which actor each JID belongs to, to write JIDs back as {@code ${Name's full JID}} /
 * {@code ${Name's JID}}.
 *
 * @param fullJids full JID to actor name (bound at {@code connects})
 * @param bareJids bare JID to actor name (the first actor of an account, for a second resource)
 */
public record JidNames(Map<String, String> fullJids, Map<String, String> bareJids) {
    public JidNames {
        fullJids = Map.copyOf(fullJids);
        bareJids = Map.copyOf(new LinkedHashMap<>(bareJids));
    }

    public static final JidNames NONE = new JidNames(Map.of(), Map.of());

    /**
     * {@code value} with a JID that is the whole value written as a variable; any other value as it is.
     * A full JID of an actor becomes {@code ${Name's full JID}}, a bare JID {@code ${Name's JID}}, a
     * full JID whose bare part is an actor's but whose resource no actor bound stays literal.
     */
    public String template(String value) {
        String full = fullJids.get(value);
        if (full != null) return "${" + full + "'s full JID}";
        String bare = bareJids.get(value);
        if (bare != null) return "${" + bare + "'s JID}";
        return value;
    }
}
