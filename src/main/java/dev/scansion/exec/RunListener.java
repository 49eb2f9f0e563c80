package dev.scansion.exec;

import java.util.List;

import dev.scansion.result.Direction;
import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.StepResult;

/**
 * Live events of a run, for progress displays and streaming reports. Every method has an empty
 * default. Script and step events come from the thread that runs the script: with one job
 * ({@link RunConfig#jobs()}) the thread that called {@link ScriptRunner#run}, with more from
 * several threads at once (each script's events from one, in order), so a listener must then be
 * thread-safe; {@link #wire} may come from network threads. Listeners must not throw.
 */
public interface RunListener {
    RunListener NONE = new RunListener() {
    };

    /** The selection is known: {@code files} will be processed in this order. */
    default void runStarted(List<String> files) {
    }

    /** A script (already parsed and selected) is about to run. */
    default void scriptStarted(String file, String title) {
    }

    /**
     * The script runs isolated (after {@link #scriptStarted}): {@code renames} lists its names and
     * the names it runs with ({@code user@localhost → user-k3_0ab7@localhost, ...}), for the
     * {@code -v} trace, whose wire shows the isolated names as sent.
     */
    default void isolated(String file, String renames) {
    }

    default void stepStarted(String file, int number, String actor, String verb) {
    }

    default void stepFinished(String file, StepResult step) {
    }

    /** Every script ends with this, including unparsable and skipped ones. */
    default void scriptFinished(ScriptResult result) {
    }

    default void runFinished(RunResult result) {
    }

    /** Raw traffic, SASL redacted and passwords masked (see {@link WireTap}). */
    default void wire(String actor, Direction direction, String xml) {
    }

    /** {@link #wire(String, Direction, String)} with the script it belongs to (scripts may run at once). */
    default void wire(String file, String actor, Direction direction, String xml) {
        wire(actor, direction, xml);
    }

    /**
     * Whether {@link #wire} does anything: when no listener wants the trace, the runner does not
     * mask and cut every element for it.
     */
    default boolean wantsWire() {
        return false;
    }

    /** Combines listeners; each gets every event in order. */
    static RunListener all(List<RunListener> listeners) {
        List<RunListener> copy = List.copyOf(listeners);
        return new RunListener() {
            @Override
            public void runStarted(List<String> files) {
                copy.forEach(l -> l.runStarted(files));
            }

            @Override
            public void scriptStarted(String file, String title) {
                copy.forEach(l -> l.scriptStarted(file, title));
            }

            @Override
            public void isolated(String file, String renames) {
                copy.forEach(l -> l.isolated(file, renames));
            }

            @Override
            public void stepStarted(String file, int number, String actor, String verb) {
                copy.forEach(l -> l.stepStarted(file, number, actor, verb));
            }

            @Override
            public void stepFinished(String file, StepResult step) {
                copy.forEach(l -> l.stepFinished(file, step));
            }

            @Override
            public void scriptFinished(ScriptResult result) {
                copy.forEach(l -> l.scriptFinished(result));
            }

            @Override
            public void runFinished(RunResult result) {
                copy.forEach(l -> l.runFinished(result));
            }

            @Override
            public void wire(String actor, Direction direction, String xml) {
                copy.forEach(l -> l.wire(actor, direction, xml));
            }

            @Override
            public void wire(String file, String actor, Direction direction, String xml) {
                copy.forEach(l -> l.wire(file, actor, direction, xml));
            }

            @Override
            public boolean wantsWire() {
                return copy.stream().anyMatch(RunListener::wantsWire);
            }
        };
    }
}
