package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.result.Results;
import dev.scansion.result.RunResult;
import dev.scansion.result.RunResult.Verdict;
import dev.scansion.result.ScriptResult;
import dev.scansion.result.ScriptResult.ScriptStatus;
import dev.scansion.script.TagFilter;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Tag;

class RunModelTest {
    private static ScriptResult result(ScriptStatus status, Failure.Kind kind) {
        Optional<Failure> f = kind == null ? Optional.empty()
                : Optional.of(new Failure(SourceSpan.of("a.scs", 1, 1), "", reason(kind)));
        return Results.script("a.scs", Optional.empty(), "", List.of(), status, Instant.now(), Duration.ZERO, f,
                List.of(), List.of(), List.of(), status == ScriptStatus.SKIPPED ? Optional.of("tags") : Optional.empty());
    }

    private static Reason reason(Failure.Kind kind) {
        return switch (kind) {
            case MISMATCH -> new Reason.NextMismatch(new Reason.Expected(SourceSpan.of("a.scs", 2, 1), 0, 1),
                    new Reason.Candidate("<x/>", List.of()));
            case UNREACHABLE -> new Reason.ConnectFailed(false, "x");
            case INVALID_SCRIPT -> new Reason.InvalidScript(1);
            case INTERNAL -> new Reason.Internal("x");
            case TIMEOUT -> new Reason.NothingArrived(new Reason.Expected(SourceSpan.of("a.scs", 2, 1), 0, 1),
                    java.time.Duration.ofSeconds(1), Reason.Dropped.none("Romeo"));
            default -> throw new IllegalArgumentException(kind.toString());
        };
    }

    private static RunResult run(List<String> problems, ScriptResult... scripts) {
        return new RunResult(List.of(scripts), problems, Instant.now(), Duration.ZERO);
    }

    @Test
    void verdictPrecedence() {
        ScriptResult pass = result(ScriptStatus.PASSED, null);
        ScriptResult fail = result(ScriptStatus.FAILED, Failure.Kind.MISMATCH);
        ScriptResult down = result(ScriptStatus.ERROR, Failure.Kind.UNREACHABLE);
        ScriptResult broken = result(ScriptStatus.ERROR, Failure.Kind.INVALID_SCRIPT);
        ScriptResult skip = result(ScriptStatus.SKIPPED, null);
        assertEquals(Verdict.PASSED, run(List.of(), pass, skip).verdict());
        assertEquals(Verdict.FAILED, run(List.of(), pass, fail).verdict());
        assertEquals(Verdict.ERROR, run(List.of(), fail, down).verdict());
        assertEquals(Verdict.INVALID, run(List.of(), fail, down, broken).verdict());
        assertEquals(Verdict.INVALID, run(List.of()).verdict(), "an empty selection is not a pass");
        assertEquals(Verdict.INVALID, run(List.of(), skip).verdict(), "nothing selected to run");
        assertEquals(Verdict.INVALID, run(List.of("missing.scs: no such file"), pass).verdict());
    }

    @Test
    void counts() {
        RunResult r = run(List.of(), result(ScriptStatus.PASSED, null), result(ScriptStatus.PASSED, null),
                result(ScriptStatus.FAILED, Failure.Kind.TIMEOUT), result(ScriptStatus.SKIPPED, null));
        assertEquals(2, r.passed());
        assertEquals(1, r.failed());
        assertEquals(0, r.errors());
        assertEquals(1, r.skipped());
    }

    private static Script tagged(Tag... tags) {
        return new Script("t.scs", "", "", List.of(tags), List.of(), List.of());
    }

    private static Tag tag(String name, String value) {
        return new Tag(name, value, SourceSpan.of("t.scs", 1, 1));
    }

    @Test
    void tagFilterOnlyAndSkip() {
        Script muc = tagged(tag("muc", null), tag("status", "stable"));
        Script plain = tagged();
        TagFilter only = new TagFilter(List.of("muc"), List.of());
        assertFalse(only.rejects(muc).isPresent());
        assertTrue(only.rejects(plain).isPresent());
        TagFilter skip = new TagFilter(List.of(), List.of("status:stable"));
        assertTrue(skip.rejects(muc).isPresent());
        assertFalse(skip.rejects(plain).isPresent());
        assertFalse(new TagFilter(List.of("status=stable"), List.of()).rejects(muc).isPresent());
        assertTrue(new TagFilter(List.of("status:broken"), List.of()).rejects(muc).isPresent());
        assertFalse(TagFilter.ALL.rejects(plain).isPresent());
        assertFalse(new TagFilter(List.of("MUC"), List.of()).rejects(muc).isPresent());
    }

    @Test
    void failuresDescribeTheInnermostMessage() {
        Exception e = new RuntimeException("outer", new java.net.ConnectException("Connection refused"));
        assertEquals("Connection refused", Failures.describe(e));
        assertEquals("first", Failures.oneLine(" first\nsecond"));
    }
}
