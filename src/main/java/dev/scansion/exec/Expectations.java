package dev.scansion.exec;

import java.util.Map;
import java.util.Optional;

import dev.scansion.match.MatchResult;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.XmlElement;

/** The step logic's view of the matcher and the payload writer (a seam for unit tests). */
interface Expectations {
    /** Compares one received element (raw) with an expected payload element. Never throws for bad input. */
    MatchResult match(XmlElement expected, Bindings bindings, String raw);

    /**
     * The verdict alone: the captures when {@code raw} matches, empty when not. Cheaper than
     * {@link #match} for a mismatch, which is not explained.
     */
    default Optional<Map<String, String>> verdict(XmlElement expected, Bindings bindings, String raw) {
        return match(expected, bindings, raw) instanceof MatchResult.Match m ? Optional.of(m.captures())
                : Optional.empty();
    }

    /** The payload element as it goes on the wire. */
    String render(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException;
}
