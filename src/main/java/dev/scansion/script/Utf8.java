package dev.scansion.script;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.scansion.script.ast.SourceSpan;

/**
 * The one strict UTF-8 decoder of scripts. A file that is not UTF-8 is an error at the line and
 * column of its first bad byte, counted as the parser counts them (LF, CRLF and a lone CR end a
 * line; a leading byte order mark is not a column; columns are code points).
 */
final class Utf8 {
    private Utf8() {
    }

    sealed interface Decoded permits Text, Invalid {
    }

    record Text(String text) implements Decoded {
    }

    record Invalid(Diagnostic diagnostic) implements Decoded {
    }

    static Decoded decode(String file, byte[] bytes) {
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return new Invalid(notUtf8(file, bytes));
        }
    }

    /** Points at the first byte that is not UTF-8, with its line shown (bad bytes as U+FFFD). */
    private static Diagnostic notUtf8(String file, byte[] bytes) {
        int bad = Math.min(firstInvalid(bytes), Math.max(0, bytes.length - 1));
        int line = 1;
        int lineStart = startsWithBom(bytes) ? 3 : 0;
        for (int i = lineStart; i < bad; i++) {
            boolean crlf = bytes[i] == '\r' && i + 1 < bad && bytes[i + 1] == '\n';
            if (bytes[i] == '\n' || (bytes[i] == '\r' && !crlf)) {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        int lineEnd = bad;
        while (lineEnd < bytes.length && bytes[lineEnd] != '\n' && bytes[lineEnd] != '\r') lineEnd++;
        String shown = new String(bytes, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
        String message = String.format("not a UTF-8 text file: invalid byte 0x%02X", bytes[bad] & 0xff);
        return Diagnostic.error(SourceSpan.of(file, line, column), message, Secrets.mask(shown), 1,
                "scripts are UTF-8 text");
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    /** Index of the first byte that starts an invalid sequence (bytes.length when all is valid). */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            int need;
            int min;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= bytes.length) return i;
            int cp = b & (0x3f >> need);
            for (int k = 1; k <= need; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) return i;
                cp = (cp << 6) | (c & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
            i += need + 1;
        }
        return bytes.length;
    }
}
