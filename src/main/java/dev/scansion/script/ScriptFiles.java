package dev.scansion.script;

import java.nio.file.Path;
import java.util.List;

/** Turns the paths a user gave (files or directories) into the scripts to process. */
public final class ScriptFiles {
    private ScriptFiles() {
    }

    /**
     * @param files    every {@code *.scs} file below the given directories (sorted by path) and every
     *                 file given directly, in the order given, without duplicates
     * @param problems one line per path that does not exist or cannot be read ("path: reason")
     */
    public record Selection(List<Path> files, List<String> problems) {
        public Selection {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    public static Selection collect(List<Path> roots) {
        throw new UnsupportedOperationException("not built yet");
    }
}
