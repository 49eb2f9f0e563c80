package dev.scansion.match;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TEST ONLY: fixed bindings. Romeo (romeo@localhost, connected as .../balcony), Juliet's phone
 * (juliet@localhost, connected as .../phone), Nurse (nurse@localhost, never connected), plus
 * whatever captures a test adds.
 */
final class TestBindings implements Bindings {
    private final Map<String, String> bare = Map.of("Romeo", "romeo@localhost", "Juliet's phone", "juliet@localhost",
            "Nurse", "nurse@localhost");
    private final Map<String, String> full = Map.of("Romeo", "romeo@localhost/balcony",
            "Juliet's phone", "juliet@localhost/phone");
    final Map<String, String> captures = new HashMap<>();

    TestBindings with(String capture, String value) {
        captures.put(capture, value);
        return this;
    }

    @Override
    public String resolve(Value.Variable v) throws UnboundVariableException {
        String value = switch (v.kind()) {
            case JID -> bare.get(v.actor());
            case FULL_JID -> full.get(v.actor());
            case CAPTURE -> captures.get(v.name());
        };
        if (value != null) return value;
        throw new UnboundVariableException(v, switch (v.kind()) {
            case JID -> "no actor named " + v.actor();
            case FULL_JID -> v.actor() + " has not connected yet";
            case CAPTURE -> "nothing was captured as " + v.name() + " yet";
        });
    }

    @Override
    public Optional<String> capture(String name) {
        return Optional.ofNullable(captures.get(name));
    }
}
