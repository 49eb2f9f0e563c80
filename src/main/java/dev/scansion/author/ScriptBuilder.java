package dev.scansion.author;

import dev.scansion.script.ast.SourcePos;

/** Script text being written, knowing the 1-based line and code point column it has reached. */
final class ScriptBuilder {
    private final StringBuilder text = new StringBuilder();
    private int line = 1;
    private int column = 1;

    ScriptBuilder append(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        text.append(s);
        return this;
    }

    ScriptBuilder line(String s) {
        return append(s).append("\n");
    }

    /** Where the next character will stand. */
    SourcePos pos() {
        return new SourcePos(line, column);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
