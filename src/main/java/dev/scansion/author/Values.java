package dev.scansion.author;

import java.util.List;

/**
 * How one value that arrived is written in an expectation: the rule {@link Generaliser} applies to
 * every received value, given alone for the accept mode (which edits one expectation at a time).
 */
public final class Values {
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
     * An attribute value.
     *
     * @param elementPath the Clark names ({@code {ns}local}) from the stanza down to the element
     *                    holding the attribute, the stanza first
     * @param strict      whether that element is matched strictly (then {@link Omit} is not possible)
     */
    public static Written attribute(List<String> elementPath, String namespace, String localName, String value,
                                    JidNames names, boolean strict) {
        return new Literal(names.template(value));
    }

    /** The text of the element at {@code elementPath}; {@link Omit} when volatile. Never {@link Any}. */
    public static Written text(List<String> elementPath, String text, JidNames names) {
        return new Literal(names.template(text));
    }
}
