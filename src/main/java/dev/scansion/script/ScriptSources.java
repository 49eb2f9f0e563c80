package dev.scansion.script;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;

/**
 * The one way from files to scripts, for the CLI ({@code run}, {@code check}) and the JUnit engine
 * alike: selection ({@link #select}), reading with one strict UTF-8 decoder whose error says where
 * the first bad byte is, parsing, and the script's source lines split as the parser split them.
 * Tag filtering is {@link TagFilter#rejects} on the loaded script; {@link #pick} narrows a selection
 * before a run (tags, names, shard). Never throws for bad input: an
 * unreadable or undecodable file is a {@link Loaded} without a script, with one diagnostic.
 */
public final class ScriptSources {
    private ScriptSources() {
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

    /**
     * A file read and parsed.
     *
     * @param parsed the parse result (the script when there is no error, and every diagnostic)
     * @param lines  the script's lines as the parser numbered them (line n is {@code lines.get(n - 1)});
     *               empty when the file could not be read or decoded
     */
    public record Loaded(ParseResult parsed, List<String> lines) {
        public Loaded {
            lines = List.copyOf(lines);
        }

        public String file() {
            return parsed.file();
        }

        public boolean ok() {
            return parsed.ok();
        }

        public Optional<Script> script() {
            return parsed.script();
        }
    }

    /**
     * Files given directly are taken whatever their name; directories are searched for
     * {@code *.scs} files (symbolic links followed, loops reported). A file reached twice is kept once.
     */
    public static Selection select(List<Path> roots) {
        return ScriptFiles.collect(roots);
    }

    /**
     * Narrows selected files by header tags, {@code --only} name globs and a shard, in that order
     * (see {@link ShardSelection} for which scripts a shard gets).
     */
    public static ShardSelection.Picked pick(List<Path> files, TagFilter tags, List<String> only,
                                             Optional<Shard> shard) {
        return ShardSelection.pick(files, tags, only, shard);
    }

    /** Reads and parses a file; its display name is {@code path.toString()}. */
    public static Loaded load(Path path, ParseOptions options) {
        String file = path.toString();
        if (Files.isDirectory(path)) return failed(file, "cannot read script: it is a directory");
        try {
            return load(file, Files.readAllBytes(path), options);
        } catch (IOException | OutOfMemoryError | SecurityException e) {
            return unreadable(file, e);
        }
    }

    /** Decodes and parses the bytes of a script (a classpath resource, say) named {@code file}. */
    public static Loaded load(String file, byte[] bytes, ParseOptions options) {
        Utf8.Decoded decoded = Utf8.decode(file, bytes);
        if (decoded instanceof Utf8.Text t) return parse(file, t.text(), options);
        Diagnostic bad = ((Utf8.Invalid) decoded).diagnostic();
        return new Loaded(new ParseResult(file, Optional.empty(), List.of(bad)), List.of());
    }

    /** Parses text already in memory (tests, embedding). */
    public static Loaded parse(String file, String text, ParseOptions options) {
        SourceText src = new SourceText(file, text);
        return new Loaded(ScriptParser.parse(src, options), src.lines());
    }

    /** A file that could not be read ({@code e} from reading it): one diagnostic at 1:1. */
    public static Loaded unreadable(String file, Throwable e) {
        String reason;
        if (e instanceof NoSuchFileException) reason = "no such file";
        else if (e instanceof AccessDeniedException) reason = "permission denied";
        else reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return failed(file, "cannot read script: " + reason);
    }

    private static Loaded failed(String file, String message) {
        Diagnostic d = Diagnostic.error(SourceSpan.of(file, 1, 1), message, "", 1, "");
        return new Loaded(new ParseResult(file, Optional.empty(), List.of(d)), List.of());
    }
}
