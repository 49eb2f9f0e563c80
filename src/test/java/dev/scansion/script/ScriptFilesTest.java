package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFilesTest {
    @Test
    void directoriesAreSearchedSortedAndFilesKeptInOrder(@TempDir Path dir) throws IOException {
        Path b = touch(dir.resolve("suite/b.scs"));
        Path a = touch(dir.resolve("suite/a.scs"));
        Path nested = touch(dir.resolve("suite/sub/c.scs"));
        touch(dir.resolve("suite/notes.txt"));
        Path direct = touch(dir.resolve("direct.txt"));
        ScriptSources.Selection s = ScriptSources.select(List.of(direct, dir.resolve("suite")));
        assertEquals(List.of(direct, a, b, nested), s.files());
        assertTrue(s.problems().isEmpty());
    }

    @Test
    void duplicatesAreRemovedAtTheirFirstPlace(@TempDir Path dir) throws IOException {
        Path a = touch(dir.resolve("a.scs"));
        Path b = touch(dir.resolve("b.scs"));
        ScriptSources.Selection s = ScriptSources.select(List.of(b, dir, dir.resolve("./a.scs"), b));
        assertEquals(List.of(b, a), s.files());
    }

    @Test
    void missingPathsAreReported(@TempDir Path dir) throws IOException {
        Path a = touch(dir.resolve("a.scs"));
        Path missing = dir.resolve("missing.scs");
        ScriptSources.Selection s = ScriptSources.select(List.of(missing, a));
        assertEquals(List.of(a), s.files());
        assertEquals(List.of(missing + ": no such file or directory"), s.problems());
    }

    @Test
    void anEmptyDirectoryGivesNothing(@TempDir Path dir) {
        ScriptSources.Selection s = ScriptSources.select(List.of(dir));
        assertTrue(s.files().isEmpty());
        assertTrue(s.problems().isEmpty());
    }

    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, "");
        return p;
    }
}
