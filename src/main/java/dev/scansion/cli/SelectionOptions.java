package dev.scansion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.scansion.script.TagFilter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which scripts: paths (files or directories) and tag filters. */
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

    List<Path> all() {
        List<Path> all = new ArrayList<>(directories);
        all.addAll(paths);
        return all;
    }

    TagFilter tags() {
        return new TagFilter(onlyTags, skipTags);
    }
}
