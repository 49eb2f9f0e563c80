package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.result.RunResult;
import dev.scansion.result.ScriptResult;

/** Report files are replaced whole: never seen half-written, never interleaved, no temporary file left. */
@Timeout(120)
class AtomicFileTest {
    private static final int WRITERS = 6;
    private static final int WRITES_EACH = 25;

    @TempDir
    Path dir;

    /** A run of {@code n} scripts: writers use different sizes so that an interleaving would show. */
    private static RunResult run(int n) {
        List<ScriptResult> scripts = new ArrayList<>();
        for (int i = 0; i < n; i++) scripts.add(i % 2 == 0 ? ReportFixtures.passed() : ReportFixtures.failed());
        return new RunResult(scripts, List.of(), ReportFixtures.T0, Duration.ofMillis(n));
    }

    @Test
    void concurrentWritersToOnePathNeverLeaveAnUnparsableFile() throws Exception {
        Path target = dir.resolve("out/run.json");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                RunResult run = run(1 + w * 7);
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < WRITES_EACH; i++) JsonReporter.write(run, ReportFixtures.INFO, target);
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                go.await();
                while (writing.get()) check(target, bad);
                return null;
            });
            go.countDown();
            for (Future<?> f : writers) f.get();
            writing.set(false);
            reader.get();
        } finally {
            pool.shutdownNow();
        }
        check(target, bad);
        assertEquals(List.of(), List.copyOf(bad));
        assertEquals(List.of(target.getFileName()), names(target.getParent()), "no temporary file left");
    }

    private static void check(Path target, ConcurrentLinkedQueue<String> bad) throws IOException {
        String text;
        try {
            text = Files.readString(target);
        } catch (NoSuchFileException e) {
            return; // not written yet
        }
        try {
            JsonTree.parse(text);
        } catch (IllegalArgumentException e) {
            if (bad.size() < 3) bad.add(e.getMessage() + " (" + text.length() + " chars)");
        }
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFileAndTheOldTargetAlone() throws IOException {
        Path target = Files.createDirectories(dir.resolve("report.xml"));
        Files.writeString(target.resolve("keep"), "x");
        assertThrows(IOException.class, () -> AtomicFile.write(target, "<testsuite/>"));
        assertEquals(List.of(target.getFileName()), names(dir));
        assertTrue(Files.isRegularFile(target.resolve("keep")));
    }

    @Test
    void replacesAnExistingFileWithThePermissionsOfAnyNewFile() throws IOException {
        Path target = dir.resolve("t.txt");
        Files.writeString(target, "old, and longer than the new text");
        AtomicFile.write(target, "new");
        assertEquals("new", Files.readString(target));
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target),
                    "the umask's, not owner-only like a temporary file's");
        }
    }

    private static List<Path> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(Path::getFileName).toList();
        }
    }
}
