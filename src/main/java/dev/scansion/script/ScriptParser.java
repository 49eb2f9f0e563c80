package dev.scansion.script;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;

/**
 * Facade of the parser: {@code .scs} text to {@link dev.scansion.script.ast.Script}, collecting
 * every diagnostic of the file. Never throws for bad input (I/O errors become diagnostics too).
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
        SourceText src = new SourceText(file, text);
        Diagnostics diagnostics = new Diagnostics(src, options.maxErrors());
        Script script;
        try {
            script = new ScriptReader(src, diagnostics, options).read();
        } catch (RuntimeException | StackOverflowError e) {
            // a parser bug must not show the user a stack trace: report it as a diagnostic
            return failure(file, "internal parser error (please report it): " + e);
        }
        List<Diagnostic> all = diagnostics.sorted();
        boolean ok = all.stream().noneMatch(Diagnostic::isError);
        return new ParseResult(file, ok ? Optional.of(script) : Optional.empty(), all);
    }

    public static ParseResult parse(Path path, ParseOptions options) {
        String file = path.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) return failure(file, "cannot read script: it is a directory");
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return failure(file, "cannot read script: no such file");
        } catch (AccessDeniedException e) {
            return failure(file, "cannot read script: permission denied");
        } catch (IOException | OutOfMemoryError | SecurityException e) {
            return failure(file, "cannot read script: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(file, decoder.decode(ByteBuffer.wrap(bytes)).toString(), options);
        } catch (CharacterCodingException e) {
            return notUtf8(file, bytes);
        }
    }

    private static ParseResult failure(String file, String message) {
        Diagnostic d = Diagnostic.error(SourceSpan.of(file, 1, 1), message, "", 1, "");
        return new ParseResult(file, Optional.empty(), List.of(d));
    }

    /** Points at the first byte that is not UTF-8. */
    private static ParseResult notUtf8(String file, byte[] bytes) {
        int bad = Math.min(Utf8.firstInvalid(bytes), Math.max(0, bytes.length - 1));
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
        String message = String.format("not a UTF-8 text file: invalid byte 0x%02X", bytes[bad] & 0xff);
        Diagnostic d = Diagnostic.error(SourceSpan.of(file, line, column), message, "", 1, "");
        return new ParseResult(file, Optional.empty(), List.of(d));
    }
}
