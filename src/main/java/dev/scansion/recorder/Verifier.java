package dev.scansion.recorder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.scansion.author.Conversation;
import dev.scansion.author.Generaliser;
import dev.scansion.author.Generaliser.Generalised;
import dev.scansion.author.Generaliser.Options;
import dev.scansion.author.Generaliser.ValueRef;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.RunListener;
import dev.scansion.exec.ScriptRunner;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.report.AtomicFile;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;

/**
 * {@code --verify}: writes the generalised script, replays it against the server it was recorded
 * on, and when a {@code receives} failed only on values written literally from the recording
 * (a value the server mints that the generaliser's rules do not know), writes those values as
 * markers and replays again; at most {@link #MAX_ROUNDS} rounds. The file left behind is the last
 * round's script, so that what was verified is what is on disk.
 */
public final class Verifier {
    /** Rounds in all, the first included: each is a write and a replay. */
    public static final int MAX_ROUNDS = 3;

    private final Function<Options, Generalised> generaliser;
    private final ScriptRunner runner;

    /** {@code generaliser} writes the script for given options; the replay opens sessions through {@code sessions}. */
    public Verifier(Function<Options, Generalised> generaliser, RunConfig config, SessionFactory sessions) {
        this.generaliser = generaliser;
        this.runner = new ScriptRunner(config, sessions, RunListener.NONE);
    }

    /** Generalises {@code conversation}, writes it to {@code output}, replays it against {@code config}'s server. */
    public static Verification verify(Conversation conversation, Options options, Path output, RunConfig config) {
        return verify(conversation, options, output, config, new SmackSessionFactory());
    }

    /** As {@link #verify(Conversation, Options, Path, RunConfig)}, with the sessions given (tests, a command's factory). */
    public static Verification verify(Conversation conversation, Options options, Path output, RunConfig config,
                                      SessionFactory sessions) {
        return new Verifier(o -> Generaliser.generalise(conversation, o), config, sessions).run(options, output);
    }

    /** The loop: write, replay, widen what differed, at most {@link #MAX_ROUNDS} times. Never throws. */
    public Verification run(Options options, Path output) {
        List<Verification.Round> rounds = new ArrayList<>();
        Set<ValueRef> widened = new LinkedHashSet<>(options.widened());
        while (true) {
            Options round = new Options(options.title(), options.passwordEnv(), widened);
            VerifWriter.Written written = VerifWriter.write(generaliser, round, output);
            if (written.problem().isPresent()) {
                return new Verification(rounds, widened, new Verification.NotWritten(written.problem().get()));
            }
            ScriptResult replay = runner.runFile(output);
            rounds.add(new Verification.Round(rounds.size() + 1, widened.size(), replay.status()));
            if (replay.status() == ScriptStatus.PASSED) {
                return new Verification(rounds, widened, new Verification.Green());
            }
            Set<ValueRef> more = VerifWidening.toWiden(replay, output.toString(),
                    written.generalised().origins(), widened);
            if (more.isEmpty() || rounds.size() == MAX_ROUNDS) {
                return new Verification(rounds, widened, new Verification.StillFailing(replay, !more.isEmpty()));
            }
            widened.addAll(more);
        }
    }

    /** Generalising and writing one round's script. */
    static final class VerifWriter {
        private VerifWriter() {
        }

        /** The script written, or why nothing was. */
        record Written(Generalised generalised, Optional<String> problem) {
        }

        static Written write(Function<Options, Generalised> generaliser, Options options, Path output) {
            Generalised g;
            try {
                g = generaliser.apply(options);
            } catch (RuntimeException e) {
                // A conversation the generaliser cannot write is a bug to report in one line, not a trace.
                return new Written(null, Optional.of("cannot generalise the conversation: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
            try {
                AtomicFile.write(output, g.text());
                return new Written(g, Optional.empty());
            } catch (IOException | RuntimeException e) {
                return new Written(g, Optional.of("cannot write " + output + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
            }
        }
    }
}
