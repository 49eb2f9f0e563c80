package dev.scansion.script;

import java.nio.file.Path;

/**
 * Facade of the parser: {@code .scs} text to {@link dev.scansion.script.ast.Script}, collecting
 * every diagnostic of the file. Never throws for bad input (I/O errors become diagnostics too).
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    /** Parses {@code text}; {@code file} is the display name used in positions. */
    public static ParseResult parse(String file, String text) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Reads and parses a file; the display name is {@code path.toString()}. */
    public static ParseResult parse(Path path) {
        throw new UnsupportedOperationException("not built yet");
    }
}
