package dev.scansion.exec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Value;

/** The variables of one script run: JIDs from the script, full JIDs once bound, captures once recorded. */
final class RunBindings implements Bindings {
    private final Script script;
    private final Function<String, Optional<String>> fullJids;
    private final Map<String, String> captures = new HashMap<>();
    private final boolean strictCaptures;

    RunBindings(Script script, Function<String, Optional<String>> fullJids, boolean strictCaptures) {
        this.script = script;
        this.fullJids = fullJids;
        this.strictCaptures = strictCaptures;
    }

    @Override
    public String resolve(Value.Variable v) throws UnboundVariableException {
        switch (v.kind()) {
            case JID:
                return script.actor(v.actor()).map(Actor::jid)
                        .orElseThrow(() -> new UnboundVariableException(v, "no actor named '" + v.actor() + "'"));
            case FULL_JID:
                if (script.actor(v.actor()).isEmpty()) {
                    throw new UnboundVariableException(v, "no actor named '" + v.actor() + "'");
                }
                return fullJids.apply(v.actor()).orElseThrow(() -> new UnboundVariableException(v,
                        "${" + v.expression() + "} is not known yet: " + v.actor() + " has not connected"));
            default:
                String value = captures.get(v.name());
                if (value == null) {
                    throw new UnboundVariableException(v, "${" + v.expression() + "} has not been captured yet");
                }
                return value;
        }
    }

    @Override
    public Optional<String> capture(String name) {
        return Optional.ofNullable(captures.get(name));
    }

    /**
     * Records values from a match. Each occurrence records anew (language doc §5), except with
     * strict captures, where the first value stays the one later occurrences must equal.
     */
    void record(Map<String, String> values) {
        if (strictCaptures) values.forEach(captures::putIfAbsent);
        else captures.putAll(values);
    }
}
