package dev.scansion.script.ast;

/**
 * The values a run gives to {@code ${...}} variables: actor JIDs (known from the script), full
 * JIDs (known once an actor connected) and captures (known once recorded).
 */
public interface Bindings {
    /**
     * The value of a variable.
     *
     * @throws UnboundVariableException when it has no value yet (a full JID before the actor
     *                                  connected, a capture not recorded yet)
     */
    String resolve(Value.Variable variable) throws UnboundVariableException;

    /** The value recorded for a capture name, if any (for {@code --strict-captures}). */
    java.util.Optional<String> capture(String name);

    /** A variable that has no value at this point of the run. */
    final class UnboundVariableException extends Exception {
        private final Value.Variable variable;

        public UnboundVariableException(Value.Variable variable, String message) {
            super(message);
            this.variable = variable;
        }

        public Value.Variable variable() {
            return variable;
        }
    }
}
