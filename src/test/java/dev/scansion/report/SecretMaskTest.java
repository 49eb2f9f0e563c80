package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.scansion.exec.RunResult;
import dev.scansion.exec.ScriptResult;

class SecretMaskTest {
    private static final SecretMask MASK = SecretMask.of(List.of("password", "pass", "hunter2"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<password>password</password>|<password>******</password>",
            "<x pass='hunter2' y=\"pass\"/>|<x pass='******' y=\"******\"/>",
            "my password is hunter2|my ****** is ******",
            "<body>passwordpass</body>|<body>************</body>",
            "<pass:word xmlns:pass='urn:x'>ok</pass:word>|<pass:word xmlns:pass='urn:x'>ok</pass:word>",
            "expected: hunter2|expected: ******",
    })
    void masksDataButNotNames(String in, String out) {
        assertEquals(out, MASK.apply(in));
    }

    @Test
    void longestSecretFirst() {
        assertEquals("<a>******</a>", SecretMask.of(List.of("abc", "abcdef")).apply("<a>abcdef</a>"));
    }

    @Test
    void maskingKeepsTheStepTiming() {
        ScriptResult r = ReportFixtures.passed();
        ScriptResult masked = SecretMask.of(List.of("hello")).apply(r);
        assertEquals(r.steps().get(1).timing(), masked.steps().get(1).timing());
    }

    @Test
    void noSecretsChangesNothing() {
        ScriptResult r = ReportFixtures.failed();
        assertSame(r, SecretMask.NONE.apply(r));
        assertTrue(SecretMask.of(List.of("", "")).isEmpty());
    }

    @Test
    void resultsAreMaskedEverywhere() {
        SecretMask mask = SecretMask.of(List.of("moderator", "Romeo"));
        String masked = JsonReporter.render(new RunResult(List.of(mask.apply(ReportFixtures.failed())), List.of(),
                ReportFixtures.T0, java.time.Duration.ZERO), ReportFixtures.INFO);
        assertFalse(masked.contains("moderator"), masked);
        // names of actors and XML names stay; values inside stanzas go
        assertTrue(masked.contains("room@conference.localhost/******"), masked);
        assertTrue(masked.contains("\"actor\": \"Romeo\""), masked);
    }

    @Test
    void passwordsComeFromTheScriptFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.scs");
        Files.writeString(file, "[Client] Romeo\n\tjid: r@localhost\n\tpassword: topsecret\n-----\nRomeo connects\n");
        ScriptResult base = ReportFixtures.passed();
        ScriptResult r = new ScriptResult(file.toString(), java.util.Optional.of(file), "", List.of(), base.status(),
                base.startedAt(), base.duration(), base.failure(), base.steps(),
                List.of(new dev.scansion.exec.TranscriptEntry("Romeo", dev.scansion.exec.Direction.SENT,
                        base.startedAt(), "<x>topsecret</x>")), List.of(), base.skipReason());
        assertEquals("<x>******</x>", SecretMask.forResult(r).apply(r).transcript().get(0).xml());
        assertTrue(SecretMask.forResult(ReportFixtures.passed()).isEmpty(), "no file, nothing to read");
    }
}
