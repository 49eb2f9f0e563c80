package dev.scansion.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.scansion.result.ScriptResult;

/**
 * The SVG of a small fixed conversation ({@link HtmlFixtures#failedConversation}: fixed times, so
 * nothing to normalise) must equal {@code conversation.svg}.
 * {@code mvn test -Dtest=SequenceDiagramGoldenTest -Dscansion.regen=true} rewrites it from the
 * current output: review the diff (and open the file in a browser) before committing it.
 */
class SequenceDiagramGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/scansion/report/html/conversation.svg");

    @Test
    void conversationDiagram() throws IOException {
        ScriptResult r = HtmlFixtures.failedConversation();
        String actual = SequenceDiagram.svg(Timeline.of(r), r.startedAt());
        if (Boolean.getBoolean("scansion.regen")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(GOLDEN)) fail("missing " + GOLDEN + "; run with -Dscansion.regen=true and review it");
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
    }
}
