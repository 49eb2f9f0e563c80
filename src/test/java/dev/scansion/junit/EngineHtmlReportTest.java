package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scansion.html}: the engine writes the HTML report of every script it ran when it finishes. */
class EngineHtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void theEngineWritesTheHtmlReportAtTheEnd() throws Exception {
        Path out = dir.resolve("html");
        ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.PASS),
                selectClasspathResource(ScansionTestEngineTest.FAIL))
                .configurationParameter(EngineSettings.HTML, out.toString()).execute();
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains(ScansionTestEngineTest.PASS) && index.contains(ScansionTestEngineTest.FAIL), index);
        assertTrue(index.indexOf(ScansionTestEngineTest.FAIL) < index.indexOf(ScansionTestEngineTest.PASS), "failures first");
        assertTrue(Files.exists(out.resolve("style.css")));
        try (Stream<Path> pages = Files.list(out.resolve("scripts"))) {
            for (Path p : pages.toList()) assertFalse(Files.readString(p).contains("pw-romeo"), p.toString());
        }
    }

    @Test
    void withoutTheSettingNothingIsWritten() throws Exception {
        ScansionTestEngineTest.kit(selectClasspathResource(ScansionTestEngineTest.PASS)).execute();
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }
}
