package dev.scansion.recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the user types in {@code record -i}, grouped into commands line by line (no parsing of the
 * script language here: {@link InteractiveParser} does that). A {@code [Client]} block runs to the
 * first blank or unindented line, a {@code sends} to the first blank line; everything else is one
 * line. Line numbers count every line read, from 1, so that a refusal can say {@code input:L:C}.
 */
final class InteractiveInput {
    /** An action line whose payload follows: the verb, alone at the end (the colon is optional). */
    private static final Pattern SENDS = Pattern.compile(".*\\ssends:?\\s*$");
    private static final Pattern RECEIVES = Pattern.compile(".*\\sreceives(:.*)?$");
    /** A payload or a definition is cut off here: no command grows without bound. */
    static final int MAX_LINES = 10_000;
    /** A longer line is cut there, and its command refused. */
    static final int MAX_LINE_CHARS = 1 << 20;

    /** One command, with the input line it starts on. */
    sealed interface Command permits Define, Action, Help, Quit, Refused, EndedMidCommand {
        int line();
    }

    /** A {@code [Client] Name} line and its indented property lines. */
    record Define(int line, List<String> lines) implements Command {
        Define {
            lines = List.copyOf(lines);
        }
    }

    /** An action line, with its payload lines for {@code sends}. */
    record Action(int line, List<String> lines) implements Command {
        Action {
            lines = List.copyOf(lines);
        }
    }

    record Help(int line) implements Command {
    }

    record Quit(int line) implements Command {
    }

    /** A line that is not a command of this mode: {@code why} in one line. */
    record Refused(int line, String why) implements Command {
    }

    /** The input ended inside a {@code sends}: nothing of it is sent. */
    record EndedMidCommand(int line, String what) implements Command {
    }

    private final BufferedReader in;
    private int lineNo;
    /** A line read ahead (the end of a definition block), to be taken next. */
    private String pending;
    /** Whether a line of the command being read was cut at {@link #MAX_LINE_CHARS}. */
    private boolean cut;

    InteractiveInput(BufferedReader in) {
        this.in = in;
    }

    /** The next command; {@link Quit} at the end of the input. */
    Command next() throws IOException {
        cut = false;
        Command c = command();
        if (!cut || c instanceof Quit || c instanceof EndedMidCommand) return c;
        return new Refused(c.line(), "a line longer than " + MAX_LINE_CHARS + " characters");
    }

    private Command command() throws IOException {
        while (true) {
            String line = read();
            if (line == null) return new Quit(lineNo);
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("//") || t.startsWith("--")) continue;
            String word = t.toLowerCase(Locale.ROOT);
            if (word.equals("help") || word.equals("?")) return new Help(lineNo);
            if (word.equals("quit") || word.equals("exit")) return new Quit(lineNo);
            if (Character.isWhitespace(line.charAt(0))) {
                return new Refused(lineNo, "an indented line belongs to a [Client] block or a sends: type the "
                        + "definition or the action line first");
            }
            if (t.startsWith("[")) return define(line);
            if (RECEIVES.matcher(t).matches()) {
                int at = lineNo;
                if (!t.endsWith("nothing")) skipToBlank(); // its payload goes with it
                return new Refused(at, "receives is not typed here: what each actor receives is recorded as it "
                        + "arrives");
            }
            if (SENDS.matcher(t).matches()) return sends(line);
            return new Action(lineNo, List.of(line));
        }
    }

    private Command define(String first) throws IOException {
        int start = lineNo;
        List<String> lines = new ArrayList<>(List.of(first));
        while (true) {
            String line = read();
            if (line == null) return new Define(start, lines);
            if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                if (!line.isBlank()) unread(line);
                return new Define(start, lines);
            }
            if (lines.size() == MAX_LINES) return new Refused(start, "a [Client] block of more than " + MAX_LINES
                    + " lines");
            lines.add(line);
        }
    }

    private Command sends(String first) throws IOException {
        int start = lineNo;
        List<String> lines = new ArrayList<>(List.of(first));
        while (true) {
            String line = read();
            if (line == null) return new EndedMidCommand(start, "the sends");
            if (line.isBlank()) return new Action(start, lines);
            if (lines.size() == MAX_LINES) {
                skipToBlank();
                return new Refused(start, "a payload of more than " + MAX_LINES + " lines");
            }
            lines.add(line);
        }
    }

    private void skipToBlank() throws IOException {
        for (String line = read(); line != null && !line.isBlank(); line = read()) {
            // the rest of an over-long payload is dropped with it
        }
    }

    private String read() throws IOException {
        if (pending != null) {
            String p = pending;
            pending = null;
            return p;
        }
        StringBuilder line = new StringBuilder();
        int c = in.read();
        if (c < 0) return null;
        lineNo++;
        for (; c >= 0 && c != '\n'; c = in.read()) {
            if (line.length() < MAX_LINE_CHARS) line.append((char) c);
            else cut = true;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
        return line.toString();
    }

    private void unread(String line) {
        pending = line;
    }
}
