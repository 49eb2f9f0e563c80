package dev.scansion.isolate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one run of a script was isolated: its suffix and the names it renamed.
 *
 * <p>Every renamed name is the original with {@link #marker()} appended, so giving a text back its
 * original names is removing the marker wherever it occurs. That also covers what the server writes
 * from those names (a room's JID with a nickname, a node in a notification) and every escaped form,
 * since the marker holds only lower-case letters, digits, {@code -} and {@code _}.
 *
 * @param suffix  unique to this run (see {@link Suffixes})
 * @param renames original name to isolated name, in the order first met (for {@code -v})
 */
public record Isolation(String suffix, Map<String, String> renames) {
    public static final String SEPARATOR = "-";

    public Isolation {
        if (suffix.isEmpty()) throw new IllegalArgumentException("empty suffix");
        renames = Collections.unmodifiableMap(new LinkedHashMap<>(renames));
    }

    /** What is appended to every isolated name. */
    public String marker() {
        return SEPARATOR + suffix;
    }

    /** The isolated form of a name (a JID's localpart, a node name). */
    String rename(String name) {
        return name + marker();
    }

    /** {@code text} with the script's own names: every isolated name given back its original. */
    public String restore(String text) {
        if (text == null || text.isEmpty()) return text;
        String marker = marker();
        return text.contains(marker) ? text.replace(marker, "") : text;
    }

    /** {@code user@localhost → user-k3_0ab7@localhost, ...}: one line for the {@code -v} trace. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        renames.forEach((from, to) -> sb.append(sb.length() == 0 ? "" : ", ").append(from).append(" → ").append(to));
        return sb.length() == 0 ? "nothing to rename" : sb.toString();
    }
}
