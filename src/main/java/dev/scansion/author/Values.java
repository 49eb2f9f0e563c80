package dev.scansion.author;

import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How one value that arrived is written in an expectation: the rule {@link Generaliser} applies to
 * every received value, given alone for the accept mode (which edits one expectation at a time).
 * Which values the server mints is the table in {@link VolatileRules}.
 */
public final class Values {
    /**
     * A minted resource shorter than this is only found as part of a whole JID: a short one ("1")
     * would turn unrelated values into markers.
     */
    static final int MIN_RESOURCE = 6;

    private Values() {
    }

    /** The written form of a received value. */
    public sealed interface Written permits Literal, Any, Omit {
    }

    /** Written as this text, already in script syntax ({@code ${...}} variables), not yet XML-escaped. */
    public record Literal(String text) implements Written {
    }

    /** Written as {@code {scansion:any}} (an attribute of a strict element the server mints). */
    public record Any() implements Written {
    }

    /** Left out: an attribute of a loose element, or text, that the server mints. */
    public record Omit() implements Written {
    }

    /**
     * What is known about the conversation around a value.
     *
     * @param clientSent      attribute values and texts the clients sent before the value arrived: a
     *                        server echoes those (an iq result's id, an item id the client chose)
     * @param mintedResources resources the server assigned at bind: a value still holding one after
     *                        the JIDs were written as variables is volatile
     */
    public record Context(Predicate<String> clientSent, Set<String> mintedResources) {
        public static final Context NONE = new Context(v -> false, Set.of());

        public Context {
            Objects.requireNonNull(clientSent);
            mintedResources = Set.copyOf(mintedResources);
        }

        public static Context of(Set<String> clientSent, Set<String> mintedResources) {
            Set<String> sent = Set.copyOf(clientSent);
            return new Context(sent::contains, mintedResources);
        }
    }

    /**
     * An attribute value, knowing nothing of what clients sent (every stanza id counts as minted).
     *
     * @param elementPath the Clark names ({@code {ns}local}) from the stanza down to the element
     *                    holding the attribute, the stanza first
     * @param strict      whether that element is matched strictly (then {@link Omit} is not possible)
     */
    public static Written attribute(List<String> elementPath, String namespace, String localName, String value,
                                    JidNames names, boolean strict) {
        return attribute(elementPath, namespace, localName, value, names, strict, Context.NONE);
    }

    /** An attribute value, in its conversation. */
    public static Written attribute(List<String> elementPath, String namespace, String localName, String value,
                                    JidNames names, boolean strict, Context context) {
        Optional<VolatileRules.Rule> rule = VolatileRules.attribute(elementPath, namespace, localName);
        boolean minted = rule.isPresent() && !(rule.get().unlessSent() && context.clientSent().test(value));
        Optional<String> literal = minted ? Optional.empty() : literal(value, names, context);
        if (literal.isPresent()) return new Literal(literal.get());
        return strict ? new Any() : new Omit();
    }

    /** The text of the element at {@code elementPath}; {@link Omit} when volatile. Never {@link Any}. */
    public static Written text(List<String> elementPath, String text, JidNames names) {
        return text(elementPath, text, names, Context.NONE);
    }

    /** The text of an element, in its conversation. */
    public static Written text(List<String> elementPath, String text, JidNames names, Context context) {
        if (VolatileRules.text(elementPath).isPresent()) return new Omit();
        return literal(text, names, context).<Written>map(Literal::new).orElseGet(Omit::new);
    }

    /**
     * The value in script syntax with JIDs as variables; empty when it cannot stand literally (see
     * {@link ScriptSyntax#writable}) or still holds a resource the server assigned.
     */
    static Optional<String> literal(String value, JidNames names, Context context) {
        if (!ScriptSyntax.writable(value)) return Optional.empty();
        StringBuilder literalParts = new StringBuilder();
        String written = names.templateWithin(value, part -> {
            literalParts.append(part).append('\u0000'); // a resource never spans two literal parts
            return ScriptSyntax.literal(part);
        });
        for (String resource : context.mintedResources()) {
            if (resource.length() >= MIN_RESOURCE && literalParts.indexOf(resource) >= 0) return Optional.empty();
        }
        return Optional.of(written);
    }
}
