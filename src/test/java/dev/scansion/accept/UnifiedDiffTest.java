package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The patch format: headers, hunk ranges, context, CRLF kept, a last line without a line end. */
class UnifiedDiffTest {
    @Test
    void oneChangedLineWithContext() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String b = "1\n2\n3\n4x\n5\n6\n7\n8\n";
        assertEquals("--- a/d/f.scs\n+++ b/d/f.scs\n@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4\n+4x\n 5\n 6\n 7\n",
                UnifiedDiff.of("d/f.scs", a, b));
    }

    @Test
    void farApartChangesAreTwoHunksAndAnAddedLineCountsOnOneSideOnly() {
        String a = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
        String b = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
        assertEquals("@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n",
                UnifiedDiff.hunks(a, b, 3));
    }

    @Test
    void crlfIsKeptAndAMissingLastLineEndIsSaid() {
        assertEquals("@@ -1,2 +1,2 @@\n x\r\n-y\n\\ No newline at end of file\n+z\n\\ No newline at end of file\n",
                UnifiedDiff.hunks("x\r\ny", "x\r\nz", 3));
    }

    @Test
    void equalTextsGiveNothing() {
        assertEquals("", UnifiedDiff.of("f", "same\n", "same\n"));
    }
}
