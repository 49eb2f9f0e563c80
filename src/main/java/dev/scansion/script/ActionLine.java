package dev.scansion.script;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action line: {@code Name verb[:] [rest]}. The actor is found by matching the defined names,
 * longest first, followed by whitespace and a verb; so {@code Juliet's phone receives:} is actor
 * {@code Juliet's phone} even when {@code Juliet} is defined too.
 *
 * @param rest       what follows the verb and its optional colon, trimmed ("" when nothing)
 * @param restColumn 1-based column (in code points, as every column) where {@code rest} starts
 */
record ActionLine(String actor, Verb verb, String rest, int restColumn, int column) {
    enum Verb {
        CONNECTS, DISCONNECTS, SENDS, RECEIVES;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> VERBS = List.of("connects", "disconnects", "sends", "receives");
    private static final Pattern SOME_VERB = Pattern.compile("(?i)^(.*?)\\s+(connects|disconnects|sends|receives)\\b");

    /** Why a line is not an action: the column/length to mark, a message and a detail. */
    record Failure(int column, int length, String message, String detail) {
    }

    /** A parsed action, or why not. */
    record Parsed(ActionLine action, Failure failure) {
    }

    static Parsed parse(String line, List<String> actorsLongestFirst) {
        int ws = SourceText.firstColumn(line) - 1;
        String unknownVerb = null;
        int verbAt = -1;
        String verbActor = null;
        for (String name : actorsLongestFirst) {
            int after = ws + name.length();
            if (!line.startsWith(name, ws) || (after < line.length() && !Character.isWhitespace(line.charAt(after)))) {
                continue;
            }
            int w = skipSpaces(line, after);
            int e = w;
            while (e < line.length() && Character.isLetter(line.charAt(e))) e++;
            String word = line.substring(w, e);
            int v = VERBS.indexOf(word.toLowerCase(Locale.ROOT));
            if (v >= 0 && w > after) return new Parsed(finish(line, name, Verb.values()[v], e, ws), null);
            if (verbActor == null) {
                verbActor = name;
                verbAt = w;
                unknownVerb = line.substring(w).strip();
            }
        }
        if (verbActor != null) {
            return new Parsed(null, verbFailure(verbActor, unknownVerb, SourceText.codePointColumn(line, verbAt) - 1));
        }
        Matcher m = SOME_VERB.matcher(line.substring(ws));
        if (m.find()) {
            String actor = m.group(1).strip();
            return new Parsed(null, new Failure(ws + 1, actor.length(), "unknown actor '" + Diagnostics.quoted(actor) + "'",
                    Names.suggestion(actor, actorsLongestFirst, "not defined above the separator")));
        }
        return new Parsed(null, new Failure(ws + 1, line.strip().length(), "unrecognised line",
                "expected an action: 'Name connects', 'Name sends:', 'Name receives:' or 'Name disconnects'"));
    }

    private static Failure verbFailure(String actor, String rest, int at) {
        if (rest.isEmpty()) {
            return new Failure(at + 1, 1, "missing verb after '" + Diagnostics.quoted(actor) + "'",
                    "expected connects, disconnects, sends or receives");
        }
        String word = rest.split("[\\s:]", 2)[0];
        return new Failure(at + 1, Math.max(1, word.length()), "unknown verb '" + Diagnostics.quoted(word) + "'",
                Names.suggestion(word, VERBS, "expected connects, disconnects, sends or receives"));
    }

    private static ActionLine finish(String line, String actor, Verb verb, int afterVerb, int ws) {
        int k = skipSpaces(line, afterVerb);
        if (k < line.length() && line.charAt(k) == ':') k = skipSpaces(line, k + 1);
        return new ActionLine(actor, verb, line.substring(k).strip(), SourceText.codePointColumn(line, k), ws + 1);
    }

    private static int skipSpaces(String line, int from) {
        int k = from;
        while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) k++;
        return k;
    }
}
