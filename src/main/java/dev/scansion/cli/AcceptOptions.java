package dev.scansion.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

import java.util.Stack;

import picocli.CommandLine;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --accept[=review|force]} and {@code --accept-patch FILE}: rewrite failing expectations (docs/accept.md). */
final class AcceptOptions {
    /** How rewrites are taken: each one, each after a question, or each even under CI. */
    enum Mode { IN_PLACE, REVIEW, FORCE }

    @Option(names = "--accept", arity = "0..1", paramLabel = "review|force",
            parameterConsumer = ModeConsumer.class,
            description = "Accept what arrived: each failed 'receives' is rewritten only as much as needed for "
                    + "the closest stanza to match (placeholders kept), a 'receives: nothing' that got a stanza "
                    + "becomes a 'receives' of it, and the run goes on; the scripts are written in place and "
                    + "run once more. --accept=review asks in the terminal per step (accept, skip, quit); "
                    + "--accept=force writes in place even when CI is set (plain --accept then refuses). "
                    + "Runs one script at a time, not isolated. See docs/accept.md.")
    Mode mode;

    @Option(names = "--accept-patch", paramLabel = "FILE",
            description = "Accept as --accept does, but write the rewrites as one unified diff to FILE "
                    + "(paths relative to the current directory; 'git apply FILE' takes it) and leave the "
                    + "scripts as they are. Works under CI. With --accept=review, asks first.")
    Path patch;

    boolean active() {
        return mode != null || patch != null;
    }

    boolean review() {
        return mode == Mode.REVIEW;
    }

    /**
     * Refuses what cannot work, before anything runs: in place under CI without force, more than one
     * job or isolation (an accepted stanza must carry the script's own names), retries.
     */
    void check(CommandLine cmd, Function<String, String> env, int jobs, boolean isolate, int retries) {
        if (!active()) return;
        if (retries > 0) {
            throw new ParameterException(cmd, "--accept runs each script once: not with --retries (a retry would "
                    + "offer the steps already accepted again)");
        }
        if (patch == null && mode == Mode.IN_PLACE && env.apply("CI") != null && !env.apply("CI").isEmpty()) {
            throw new ParameterException(cmd, "--accept does not rewrite scripts in place under CI (CI is set): "
                    + "use --accept-patch FILE for a patch, or --accept=force to write in place anyway");
        }
        if (jobs > 1) throw new ParameterException(cmd, "--accept runs one script at a time: not with --jobs " + jobs);
        if (isolate) {
            throw new ParameterException(cmd, "--accept cannot run isolated: the stanzas it writes into a script "
                    + "must carry the script's own names (leave out --isolate)");
        }
    }

    /**
     * Takes {@code review} or {@code force} after {@code --accept} (attached with {@code =} or not), and
     * nothing else: {@code --accept specs/} leaves the path to the positional parameters, which a
     * plain optional value would have swallowed.
     */
    static final class ModeConsumer implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            Mode mode = Mode.IN_PLACE;
            if (!args.isEmpty()) {
                Mode given = parse(args.peek());
                if (given != null) {
                    args.pop();
                    mode = given;
                }
            }
            argSpec.setValue(mode);
        }

        private static Mode parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "in-place" -> Mode.IN_PLACE;
                case "review" -> Mode.REVIEW;
                case "force" -> Mode.FORCE;
                default -> null;
            };
        }
    }
}
