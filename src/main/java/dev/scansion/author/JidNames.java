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

    /**
     * {@code text} in script syntax with every actor JID in it written as a variable: the whole value
     * as {@link #template(String)} does, else each full JID (and each bare JID not followed by a
     * resource) that stands between characters a JID cannot continue with, so that a JID inside a
     * longer text ({@code user@host/res} in a MUC real JID, a URL) is written as a variable too.
     * Literal parts are written with {@code literal} (the caller's escaping).
     */
    public String templateWithin(String text, java.util.function.UnaryOperator<String> literal) {
        String whole = template(text);
        if (!whole.equals(text)) return whole;
        StringBuilder out = new StringBuilder();
        int copied = 0;
        int i = 0;
        while (i < text.length()) {
            Match m = longestAt(text, i);
            if (m == null) {
                i++;
                continue;
            }
            out.append(literal.apply(text.substring(copied, i))).append(m.variable);
            i += m.length;
            copied = i;
        }
        return out.append(literal.apply(text.substring(copied))).toString();
    }

    private record Match(int length, String variable) {
    }

    /** The longest actor JID starting at {@code i} with JID boundaries on both sides, or null. */
    private Match longestAt(String text, int i) {
        if (i > 0 && continuesJid(text.charAt(i - 1)) || i > 0 && text.charAt(i - 1) == '$') return null;
        Match best = null;
        for (Map.Entry<String, String> e : fullJids.entrySet()) {
            String jid = e.getKey();
            if (text.startsWith(jid, i) && (best == null || jid.length() > best.length)
                    && ends(text, i + jid.length(), false)) {
                best = new Match(jid.length(), "${" + e.getValue() + "'s full JID}");
            }
        }
        if (best != null) return best;
        for (Map.Entry<String, String> e : bareJids.entrySet()) {
            String jid = e.getKey();
            if (text.startsWith(jid, i) && (best == null || jid.length() > best.length)
                    && ends(text, i + jid.length(), true)) {
                best = new Match(jid.length(), "${" + e.getValue() + "'s JID}");
            }
        }
        return best;
    }

    private static boolean ends(String text, int end, boolean bare) {
        if (end >= text.length()) return true;
        char c = text.charAt(end);
        if (c == '.') return end + 1 >= text.length() || !continuesJid(text.charAt(end + 1)); // a sentence's full stop
        return !continuesJid(c) && !(bare && c == '/');
    }

    private static boolean continuesJid(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@' || c == '+';
    }
}
