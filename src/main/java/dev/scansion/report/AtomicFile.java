package dev.scansion.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a report file whole or not at all: into a temporary file in the same directory, then
 * renamed over the target. Two runs writing the same report, or a run killed while writing, leave
 * one complete file (the last renamed), never an interleaving; no temporary file is left behind.
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, creating its parent directories. */
    public static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // A dot name, so that tools watching the directory for *.xml or *.json do not pick it up.
        // Not Files.createTempFile: its owner-only permissions would become the report's.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
