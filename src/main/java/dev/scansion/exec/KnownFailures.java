package dev.scansion.exec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.scansion.result.KnownFailure;
import dev.scansion.result.ScriptResult;
import dev.scansion.text.Printable;

/**
 * A known-failures file ({@code --known-failures}): one entry a line,
 * {@code PATH-or-glob  [until YYYY-MM-DD]  reason}; {@code #} starts a comment line; blank lines
 * are ignored. A path or glob is matched against the script's path as the run was given it
 * ({@code /} separators, a leading {@code ./} dropped): {@code *} and {@code ?} stay within one
 * directory, {@code **} crosses directories; an entry without {@code /} also matches the file name
 * alone. The first matching entry counts. An entry whose date has passed is treated as absent
 * (and warned about); {@code until} is inclusive.
 */
public final class KnownFailures {
    public static final KnownFailures NONE = new KnownFailures(List.of(), List.of());
    /** More entries than this is not a list anyone reviews; the bound keeps a wrong file from filling memory. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(KnownFailure failure, Pattern glob, boolean byName) {
    }

    /** A line that is not an entry: {@code FILE:line:col: message}. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    private final List<Entry> entries;
    private final List<String> warnings;

    private KnownFailures(List<Entry> entries, List<String> warnings) {
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads {@code file}; entries past their date on {@code today} are left out, with a warning. */
    public static KnownFailures read(Path file, LocalDate today) throws Malformed {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Malformed(Printable.line(file.toString()) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Malformed("cannot read " + Printable.line(file.toString()) + ": "
                    + Printable.line(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return parse(file.toString(), text, today);
    }

    static KnownFailures parse(String name, String text, LocalDate today) throws Malformed {
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) continue;
            if (entries.size() == MAX_ENTRIES) throw malformed(name, i + 1, 1, "more than " + MAX_ENTRIES + " entries");
            Optional<Entry> e = entry(name, i + 1, line, today, warnings);
            e.ifPresent(entries::add);
        }
        return new KnownFailures(entries, warnings);
    }

    /** One line: the glob, an optional {@code until DATE}, the reason (required). */
    private static Optional<Entry> entry(String name, int number, String line, LocalDate today,
                                         List<String> warnings) throws Malformed {
        List<int[]> words = words(line, 2);
        String pattern = word(line, words.get(0));
        // Shown in warnings and reports as they are: the file name and the reason made printable here.
        String source = Printable.line(name) + ":" + number;
        int reasonAt = 1;
        LocalDate until = null;
        if (words.size() > 1 && word(line, words.get(1)).equals("until")) {
            words = words(line, 3);
            if (words.size() < 3) throw malformed(name, number, words.get(1)[1] + 1, "until without a date");
            int[] date = words.get(2);
            String dateText = word(line, date);
            try {
                until = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw malformed(name, number, date[0] + 1, "expected a date YYYY-MM-DD after until, not '"
                        + Printable.line(dateText) + "'");
            }
            words = words(line, 4);
            reasonAt = 3;
        }
        if (words.size() <= reasonAt) {
            throw malformed(name, number, line.stripTrailing().length() + 1, "a reason is missing after '"
                    + Printable.line(line.strip()) + "'");
        }
        String reason = Printable.line(line.substring(words.get(reasonAt)[0]).strip());
        if (until != null && until.isBefore(today)) {
            warnings.add(source + ": the entry for " + Printable.line(pattern) + " expired on " + until
                    + ": treated as absent");
            return Optional.empty();
        }
        String normal = normalise(pattern);
        return Optional.of(new Entry(new KnownFailure(pattern, reason, source), glob(normal), !normal.contains("/")));
    }

    /** Start and end of the first {@code max} whitespace-separated words. */
    private static List<int[]> words(String line, int max) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < line.length() && words.size() < max) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
            if (i == line.length()) break;
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
            words.add(new int[]{start, i});
        }
        return words;
    }

    private static String word(String line, int[] w) {
        return line.substring(w[0], w[1]);
    }

    private static Malformed malformed(String name, int line, int column, String message) {
        return new Malformed(Printable.line(name) + ":" + line + ":" + column + ": " + message);
    }

    /** Warnings from reading: entries past their date. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry naming the script at {@code scriptPath}, if any. */
    public Optional<KnownFailure> entryFor(String scriptPath) {
        String path = normalise(scriptPath);
        int slash = path.lastIndexOf('/');
        String fileName = path.substring(slash + 1);
        return entries.stream().filter(e -> e.glob.matcher(path).matches()
                || (e.byName && e.glob.matcher(fileName).matches())).map(Entry::failure).findFirst();
    }

    /** One warning per entry that named none of {@code scripts}. */
    public List<String> unmatched(List<ScriptResult> scripts) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            boolean used = scripts.stream().anyMatch(s -> entryFor(s.file()).map(k -> k == e.failure).orElse(false));
            if (!used) {
                out.add(e.failure.source() + ": the entry " + Printable.line(e.failure.pattern())
                        + " matches no selected script");
            }
        }
        return out;
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) p = p.substring(2);
        return p;
    }

    /** {@code **} any characters, {@code *} any but {@code /}, {@code ?} one but {@code /}; the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean dir = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(dir ? "(?:.*/)?" : ".*");
                i += dir ? 3 : 2;
                continue;
            }
            if (c == '*') regex.append("[^/]*");
            else if (c == '?') regex.append("[^/]");
            else regex.append(Pattern.quote(String.valueOf(c)));
            i++;
        }
        return Pattern.compile(regex.toString());
    }
}
