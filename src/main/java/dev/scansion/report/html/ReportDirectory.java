package dev.scansion.report.html;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes a report directory whole or not at all: into a temporary directory beside it, then renamed
 * into place. An earlier report there is first renamed away and deleted after, so a reader sees the
 * old report or the new one, never a mix (for an instant, none). A directory that holds anything but
 * an earlier report is left alone: the user may have pointed {@code --html} at the wrong place.
 */
final class ReportDirectory {
    interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    private ReportDirectory() {
    }

    static void write(Path dir, Contents contents) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IOException("not a directory for a report: " + dir);
        Files.createDirectories(parent);
        if (Files.exists(target) && !replaceable(target)) {
            throw new IOException("exists and is not an earlier HTML report (no index.html made by scansion); not replaced");
        }
        String name = target.getFileName().toString();
        Path temp = parent.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        Path old = parent.resolve("." + name + "." + UUID.randomUUID() + ".old");
        try {
            Files.createDirectory(temp);
            contents.writeInto(temp);
            if (Files.exists(target)) move(target, old);
            move(temp, target);
        } finally {
            deleteTree(temp);
            deleteTree(old);
        }
    }

    /** An empty directory, or one whose index.html this report wrote. */
    static boolean replaceable(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (!entries.iterator().hasNext()) return true;
        }
        Path index = dir.resolve("index.html");
        if (!Files.isRegularFile(index)) return false;
        String head;
        try (java.io.InputStream in = Files.newInputStream(index)) {
            head = new String(in.readNBytes(1024), java.nio.charset.StandardCharsets.UTF_8);
        }
        return head.contains("<meta name=\"generator\" content=\"" + Page.GENERATOR + "\">");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
