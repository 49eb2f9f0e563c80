package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a rewritten script: only over the bytes it was read as, whole, keeping its permissions. */
class ScriptWriterTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("a.scs");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        ScriptWriter.replace(file, "old\n".getBytes(StandardCharsets.UTF_8), "new\n");
        assertEquals("new\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void refusesAFileThatChangedSinceItWasRead() throws Exception {
        Path file = dir.resolve("a.scs");
        Files.writeString(file, "changed meanwhile\n");
        ScriptWriter.Refused e = assertThrows(ScriptWriter.Refused.class,
                () -> ScriptWriter.replace(file, "old\n".getBytes(StandardCharsets.UTF_8), "new\n"));
        assertEquals(file + " changed on disk since the run read it; not overwritten", e.getMessage());
        assertEquals("changed meanwhile\n", Files.readString(file));
    }

    @Test
    void ofTwoWritersThatReadTheSameBytesOneWinsAndTheOtherIsRefused() throws Exception {
        Path file = dir.resolve("a.scs");
        Files.writeString(file, "old\n");
        byte[] read = Files.readAllBytes(file);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<String> refused = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.List<Thread> writers = new java.util.ArrayList<>();
        for (String text : java.util.List.of("first\n", "second\n")) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    ScriptWriter.replace(file, read, text);
                } catch (ScriptWriter.Refused e) {
                    refused.add(e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            writers.add(t);
        }
        go.countDown();
        for (Thread t : writers) t.join(20_000);
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.get(0).contains("changed on disk since the run read it"), refused.toString());
        String now = Files.readString(file);
        assertTrue(now.equals("first\n") || now.equals("second\n"), now);
    }

    @Test
    void refusesAReadOnlyFile() throws Exception {
        Path file = dir.resolve("a.scs");
        Files.writeString(file, "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        ScriptWriter.Refused e = assertThrows(ScriptWriter.Refused.class,
                () -> ScriptWriter.replace(file, "old\n".getBytes(StandardCharsets.UTF_8), "new\n"));
        assertTrue(e.getMessage().contains("is not writable"), e.getMessage());
        assertArrayEquals("old\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
    }
}
