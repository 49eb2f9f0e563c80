package dev.scansion.exec;

import dev.scansion.match.MatchResult;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.XmlElement;

/** The step logic's view of the matcher and the payload writer (a seam for unit tests). */
interface Expectations {
    /** Compares one received element (raw) with an expected payload element. Never throws for bad input. */
    MatchResult match(XmlElement expected, Bindings bindings, String raw);

    /** The payload element as it goes on the wire. */
    String render(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException;
}
