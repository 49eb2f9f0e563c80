package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.XmlElement;

/** Scansion's matching rules (language doc §5–§6). Thread-safe; reuse one instance. */
public final class StanzaMatcher {
    private final MatchOptions options;

    public StanzaMatcher(MatchOptions options) {
        this.options = options;
    }

    public MatchResult match(XmlElement expected, Bindings bindings, ReceivedStanza received) {
        throw new UnsupportedOperationException("not built yet");
    }
}
