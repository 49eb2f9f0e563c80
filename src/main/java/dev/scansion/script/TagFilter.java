package dev.scansion.script;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Tag;

/**
 * Selects scripts by their {@code ## tag} header lines. A filter entry {@code name} matches a tag of
 * that name (whatever its value); {@code name:value} or {@code name=value} matches that value too.
 * Names compare case-insensitively.
 *
 * @param only run only scripts with at least one of these tags (empty: no restriction)
 * @param skip skip scripts with any of these tags
 */
public record TagFilter(List<String> only, List<String> skip) {
    public static final TagFilter ALL = new TagFilter(List.of(), List.of());

    public TagFilter {
        only = only.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        skip = skip.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Why the script is not selected, or empty when it is. */
    public Optional<String> rejects(Script script) {
        if (!only.isEmpty() && only.stream().noneMatch(f -> has(script, f))) {
            return Optional.of("no tag in --only-tags " + String.join(",", only));
        }
        return skip.stream().filter(f -> has(script, f)).findFirst().map(f -> "tagged " + f + " (--skip-tags)");
    }

    private static boolean has(Script script, String entry) {
        return script.tags().stream().anyMatch(t -> matches(t, entry));
    }

    static boolean matches(Tag tag, String entry) {
        int sep = indexOfSeparator(entry);
        String name = (sep < 0 ? entry : entry.substring(0, sep)).trim();
        if (!name.toLowerCase(Locale.ROOT).equals(tag.name().trim().toLowerCase(Locale.ROOT))) return false;
        if (sep < 0) return true;
        String value = entry.substring(sep + 1).trim();
        return tag.value() != null && tag.value().trim().equalsIgnoreCase(value);
    }

    private static int indexOfSeparator(String entry) {
        int colon = entry.indexOf(':');
        int equals = entry.indexOf('=');
        if (colon < 0) return equals;
        return equals < 0 ? colon : Math.min(colon, equals);
    }
}
