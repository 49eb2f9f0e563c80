package dev.scansion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import dev.scansion.script.ScriptSources;
import dev.scansion.script.Shard;
import dev.scansion.script.ShardSelection;
import dev.scansion.script.TagFilter;
import dev.scansion.text.Printable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** Which scripts: paths (files or directories), tag filters, names, a shard; and {@code --list}. */
final class SelectionOptions {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Script files, or directories searched for *.scs (sorted by path).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR",
            description = "A directory of scripts (the original tool's form; same as giving DIR as PATH).")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--only-tags", paramLabel = "TAG", split = ",",
            description = "Run only scripts with one of these header tags (## name, or name:value).")
    List<String> onlyTags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAG", split = ",",
            description = "Skip scripts with any of these header tags.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = "--only", paramLabel = "NAME-GLOB",
            description = "Run only scripts whose file name (with or without .scs) or title matches this glob "
                    + "(* any characters, ? one, case-insensitive); repeatable, any one matching selects.")
    List<String> only = new ArrayList<>();

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Run the K-th of N shards of the selection (after tags and --only): the scripts sorted "
                    + "by path are dealt round-robin, so shards differ by at most one script. Without it, "
                    + "Bazel's TEST_TOTAL_SHARDS and TEST_SHARD_INDEX are used when set.")
    String shard;

    @Option(names = "--list",
            description = "Print the selected scripts (after tags, --only and --shard), one path per line, and "
                    + "exit 0 without connecting.")
    boolean list;

    /** Measured durations to balance shards by ({@code --shard-weights}, see {@link CiOptions}); empty: round-robin. */
    Optional<Function<Path, OptionalLong>> weights = Optional.empty();

    /** The environment Bazel's sharding variables are read from; tests give their own. */
    Function<String, String> environment = System::getenv;

    /** What {@code run} does with the selection: run these paths, or stop with an exit code. */
    sealed interface Plan {
        record Run(List<Path> paths) implements Plan {
        }

        record Exit(int code) implements Plan {
        }
    }

    List<Path> all() {
        List<Path> all = new ArrayList<>(directories);
        all.addAll(paths);
        return all;
    }

    TagFilter tags() {
        return new TagFilter(onlyTags, skipTags);
    }

    /**
     * Narrows the selection when {@code --only}, a shard or {@code --list} asks for it; otherwise the
     * paths go to the runner as given (which reports tag-skipped scripts as skipped).
     */
    Plan plan(CommandLine cl) {
        List<Path> all = all();
        if (all.isEmpty()) throw new ParameterException(cl, "no script paths given");
        Optional<Shard> chosen = shard(cl);
        if (!list && chosen.isEmpty() && only.isEmpty()) return new Plan.Run(all);
        ScriptSources.Selection selection = ScriptSources.select(all);
        if (!selection.problems().isEmpty() || selection.files().isEmpty()) {
            if (!list) return new Plan.Run(all); // the runner reports missing paths and empty directories
            PrintWriter err = cl.getErr();
            selection.problems().forEach(p -> err.println("error: " + Printable.line(p)));
            if (selection.problems().isEmpty()) err.println("error: no .scs scripts found");
            err.flush();
            return new Plan.Exit(ExitCodes.USAGE);
        }
        ShardSelection.Picked picked = ShardSelection.pick(selection.files(), tags(), only, chosen, weights);
        return decide(cl, picked, chosen);
    }

    private Plan decide(CommandLine cl, ShardSelection.Picked picked, Optional<Shard> chosen) {
        if (picked.selected() == 0) {
            cl.getErr().println("error: no script selected"
                    + (only.isEmpty() ? "" : " by --only " + Printable.line(String.join(" ", only)))
                    + (tags().equals(TagFilter.ALL) ? "" : " with the tag filters"));
            cl.getErr().flush();
            return new Plan.Exit(ExitCodes.USAGE);
        }
        if (list) {
            picked.files().forEach(f -> cl.getOut().println(Printable.line(f.toString())));
            cl.getOut().flush();
            return new Plan.Exit(ExitCodes.OK);
        }
        if (picked.files().isEmpty()) {
            // more shards than scripts: this shard's share is nothing, which is not a failure
            cl.getErr().println("shard " + chosen.map(Shard::toString).orElse("") + ": no scripts (of "
                    + picked.selected() + " selected)");
            cl.getErr().flush();
            return new Plan.Exit(ExitCodes.OK);
        }
        return new Plan.Run(picked.files());
    }

    /** {@code --shard}, else Bazel's environment (whose status file is then touched). */
    Optional<Shard> shard(CommandLine cl) {
        try {
            if (shard != null) return Optional.of(Shard.parse(shard));
            Optional<Shard> fromEnv = Shard.fromEnvironment(environment);
            if (fromEnv.isPresent()) Shard.statusFile(environment).ifPresent(f -> touch(cl, f));
            return fromEnv;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, (shard != null ? "--shard: " : "") + e.getMessage());
        }
    }

    /** Tells Bazel the runner shards; failing to is worth a warning, not a failed run. */
    private static void touch(CommandLine cl, Path file) {
        try {
            if (Files.exists(file)) Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            else Files.createFile(file);
        } catch (IOException | SecurityException e) {
            cl.getErr().println("warning: cannot touch " + Shard.STATUS_FILE_ENV + " " + Printable.line(file.toString())
                    + ": " + e.getClass().getSimpleName());
        }
    }
}
