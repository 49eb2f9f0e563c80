package dev.scansion.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.scansion.exec.Failure;
import dev.scansion.exec.RunResult;
import dev.scansion.exec.ScriptResult;
import dev.scansion.exec.StepResult;
import dev.scansion.exec.TranscriptEntry;
import dev.scansion.match.Difference;
import dev.scansion.script.ParseResult;
import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;

/**
 * Keeps actors' passwords out of report files. SASL never reaches a transcript (capture starts after
 * binding), but a script may send its own password in a stanza (in-band registration, a password
 * change) and a server may echo it. Occurrences in character data and attribute values are
 * replaced by {@value #MASK}; element and attribute names are left alone so the XML stays readable.
 */
public final class SecretMask {
    public static final SecretMask NONE = new SecretMask(List.of());
    public static final String MASK = "******";

    /** Longest first, so a password containing another one is masked whole. */
    private final List<String> secrets;

    private SecretMask(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static SecretMask of(Collection<String> secrets) {
        return new SecretMask(secrets);
    }

    /** Every actor's password. */
    public static SecretMask forScript(Script script) {
        return of(script.actors().stream().map(Actor::password).flatMap(Optional::stream).toList());
    }

    /** The passwords of the script a result came from, read again from its file (none when it has no file). */
    public static SecretMask forResult(ScriptResult result) {
        if (result.path().isEmpty()) return NONE;
        ParseResult parsed = ScriptParser.parse(result.path().get());
        return parsed.script().map(SecretMask::forScript).orElse(NONE);
    }

    /** Every script of the run masked with its own passwords. */
    public static RunResult applyToRun(RunResult run) {
        List<ScriptResult> masked = run.scripts().stream().map(s -> forResult(s).apply(s)).toList();
        return new RunResult(masked, run.problems(), run.startedAt(), run.duration());
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The text with every secret in character data or a quoted value replaced. */
    public String apply(String text) {
        if (secrets.isEmpty() || text == null) return text;
        String s = text;
        for (String secret : secrets) s = maskOne(s, secret);
        return s;
    }

    private static String maskOne(String s, String secret) {
        int at = s.indexOf(secret);
        if (at < 0) return s;
        boolean[] maskable = maskable(s);
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        while (at >= 0) {
            if (allMaskable(maskable, at, at + secret.length())) {
                sb.append(s, from, at).append(MASK);
                from = at + secret.length();
                at = s.indexOf(secret, from);
            } else {
                at = s.indexOf(secret, at + 1);
            }
        }
        return sb.append(s, from, s.length()).toString();
    }

    /** Which characters are data: outside markup, or inside a quoted value within markup. */
    private static boolean[] maskable(String s) {
        boolean[] out = new boolean[s.length()];
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!inTag) {
                if (c == '<') inTag = true;
                else out[i] = true;
            } else if (quote != 0) {
                if (c == quote) quote = 0;
                else out[i] = true;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                inTag = false;
            }
        }
        return out;
    }

    private static boolean allMaskable(boolean[] maskable, int from, int to) {
        for (int i = from; i < to; i++) if (!maskable[i]) return false;
        return true;
    }

    /** A copy of the result with every stanza, difference and message masked. */
    public ScriptResult apply(ScriptResult r) {
        if (secrets.isEmpty()) return r;
        return new ScriptResult(r.file(), r.path(), r.title(), r.tags(), r.status(), r.startedAt(), r.duration(),
                r.failure().map(this::apply), r.steps().stream().map(this::apply).toList(), entries(r.transcript()),
                r.diagnostics(), r.skipReason());
    }

    private StepResult apply(StepResult s) {
        return new StepResult(s.number(), s.verb(), s.actor(), s.span(), s.status(), s.duration(),
                s.failure().map(this::apply), s.notes().stream().map(this::apply).toList(), s.timing());
    }

    private Failure apply(Failure f) {
        List<Difference> diffs = new ArrayList<>();
        for (Difference d : f.differences()) {
            diffs.add(new Difference(d.expectedAt(), d.path(), d.reason(), apply(d.expected()), apply(d.received())));
        }
        return new Failure(f.kind(), apply(f.message()), f.at(), apply(f.sourceLine()), diffs, f.received().map(this::apply),
                f.setAside().stream().map(this::apply).toList(), entries(f.recent()));
    }

    private List<TranscriptEntry> entries(List<TranscriptEntry> list) {
        return list.stream().map(e -> new TranscriptEntry(e.actor(), e.direction(), e.at(), apply(e.xml()))).toList();
    }
}
