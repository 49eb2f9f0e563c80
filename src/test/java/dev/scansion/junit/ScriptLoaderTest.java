package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** The engine reads scripts as the CLI does: the same bad file gives the same file:line:column. */
@Timeout(60)
class ScriptLoaderTest {
    /** The file {@code cli.ScriptInputTest} gives to {@code check} and {@code run}. */
    private static final Path NOT_UTF8 = Path.of("src", "test", "resources", "corpus", "err", "not_utf8.scs")
            .toAbsolutePath();

    @Test
    void aFileThatIsNotUtf8IsADiscoveryErrorAtItsFirstBadByte() {
        List<DiscoveryIssue> issues = ScansionTestEngineTest.kit(selectFile(NOT_UTF8.toFile())).discover()
                .getDiscoveryIssues();
        assertEquals(1, issues.size(), issues.toString());
        DiscoveryIssue issue = issues.get(0);
        assertEquals(DiscoveryIssue.Severity.ERROR, issue.severity());
        assertTrue(issue.message().contains("error: not a UTF-8 text file: invalid byte 0xE9\n  --> " + NOT_UTF8
                + ":12:22"), issue.message());
        assertEquals(FileSource.from(NOT_UTF8.toFile(), FilePosition.from(12, 22)), issue.source().orElseThrow());
    }

    /** The title becomes the test's display name: kept printable at the source, so IDEs and consoles get no ESC. */
    @Test
    void aTitleWithControlCharactersIsShownEscaped(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("t.scs"), "# Evil \u001b[2J title\u0007\n# more \u001b\n[Client] Romeo\n"
                + "\tjid: romeo@localhost\n-----\nRomeo connects\n");
        TestDescriptor engine = ScansionTestEngineTest.kit(selectFile(f.toFile())).discover().getEngineDescriptor();
        TestDescriptor script = engine.getChildren().iterator().next();
        assertEquals("Evil \\e[2J title\\x07", script.getDisplayName());
    }
}
