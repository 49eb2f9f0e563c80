package dev.scansion.script;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;

/**
 * Facade of the parser: {@code .scs} text to {@link dev.scansion.script.ast.Script}, collecting
 * every diagnostic of the file. Never throws for bad input (I/O errors become diagnostics too).
 * Reading files is {@link ScriptSources}' job; the {@code Path} forms go through it.
 * <p>
 * The two-argument forms use {@link ParseOptions#RUN} (what {@code scansion run} needs: unknown
 * actor properties are warnings); {@code scansion check} passes {@link ParseOptions#CHECK}. A
 * result holds a script exactly when there is no error; warnings are in
 * {@link ParseResult#diagnostics()} either way, for the caller to print.
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    /** Parses {@code text}; {@code file} is the display name used in positions. */
    public static ParseResult parse(String file, String text) {
        return parse(file, text, ParseOptions.RUN);
    }

    /** Reads and parses a file; the display name is {@code path.toString()}. */
    public static ParseResult parse(Path path) {
        return parse(path, ParseOptions.RUN);
    }

    public static ParseResult parse(String file, String text, ParseOptions options) {
        return parse(new SourceText(file, text), options);
    }

    /** Reads and parses a file through {@link ScriptSources#load(Path, ParseOptions)}. */
    public static ParseResult parse(Path path, ParseOptions options) {
        return ScriptSources.load(path, options).parsed();
    }

    static ParseResult parse(SourceText src, ParseOptions options) {
        String file = src.file();
        Diagnostics diagnostics = new Diagnostics(src, options.maxErrors());
        Script script;
        try {
            script = new ScriptReader(src, diagnostics, options).read();
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not show the user a stack trace: report it as a diagnostic
            Diagnostic d = Diagnostic.error(SourceSpan.of(file, 1, 1),
                    "internal parser error (please report it): " + e, "", 1, "");
            return new ParseResult(file, Optional.empty(), List.of(d));
        }
        List<Diagnostic> all = diagnostics.sorted();
        boolean ok = all.stream().noneMatch(Diagnostic::isError);
        return new ParseResult(file, ok ? Optional.of(script) : Optional.empty(), all);
    }
}
