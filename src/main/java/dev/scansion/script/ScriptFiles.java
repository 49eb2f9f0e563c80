package dev.scansion.script;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.scansion.script.ScriptSources.Selection;

/** Turns the paths a user gave (files or directories) into the scripts to process ({@link ScriptSources#select}). */
final class ScriptFiles {
    /** Deep enough for any test tree, bounded against pathological ones. */
    private static final int MAX_DEPTH = 64;

    private ScriptFiles() {
    }

    /**
     * Files given directly are taken whatever their name; directories are searched for
     * {@code *.scs} files (symbolic links followed, loops reported). A file reached twice (given
     * twice, or also found in a directory) is kept once, at its first place.
     */
    static Selection collect(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                for (Path p : walk(root, problems)) add(p, files, seen);
            } else if (Files.isRegularFile(root)) {
                if (Files.isReadable(root)) add(root, files, seen);
                else problems.add(root + ": permission denied");
            } else if (Files.exists(root)) {
                problems.add(root + ": not a regular file or directory");
            } else {
                problems.add(root + ": no such file or directory");
            }
        }
        return new Selection(files, problems);
    }

    private static void add(Path p, List<Path> files, Set<Path> seen) {
        Path key;
        try {
            key = p.toRealPath();
        } catch (IOException | SecurityException e) {
            key = p.toAbsolutePath().normalize();
        }
        if (seen.add(key)) files.add(p);
    }

    private static List<Path> walk(Path root, List<String> problems) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".scs")) found.add(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(file + ": " + reason(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | SecurityException e) {
            problems.add(root + ": " + e.getMessage());
        }
        found.sort(Comparator.comparing(ScriptFiles::sortKey));
        return found;
    }

    /** Path order independent of the platform separator. */
    private static String sortKey(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : p) sb.append(part).append('\u0000');
        return sb.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemLoopException) return "symbolic link loop (skipped)";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
