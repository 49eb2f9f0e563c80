package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** Exception messages can quote a server's bytes: reasons are escaped and cut. */
class FailuresTest {
    @Test
    void controlCharactersInAReasonAreShownEscaped() {
        assertEquals("bad \\e[2J\\x07 bytes", Failures.describe(new IOException("bad \u001b[2J\u0007 bytes\nsecond line")));
    }

    @Test
    void aLongReasonIsCutWithItsSize() {
        String reason = Failures.describe(new IOException("x".repeat(10_000)));
        assertTrue(reason.endsWith("… (10000 bytes)"), reason);
        assertTrue(reason.length() < Failures.MAX + 20, reason);
    }
}
