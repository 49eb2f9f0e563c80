package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.testing.ProsodyServer;

/**
 * The {@code ./scansion} launcher's class-data sharing archive, on a fresh copy of the launcher
 * and the jar per test (so the archive is the copy's {@code target/scansion.jsa}): a run against
 * a real server trains it; with it, without it and with a bad one, every command has the exit
 * code, stdout and stderr of the same command with {@code SCANSION_CDS=off}; a stale, truncated
 * or missing archive is ignored silently and made again. No timing is asserted.
 */
@Timeout(900)
class LauncherCdsIT {
    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Map<String, String> CDS_OFF = Map.of("SCANSION_CDS", "off");
    private static ProsodyServer server;

    @TempDir
    Path dir;

    private Path launcher;
    private Path jar;
    private Path archive;
    private Path script;
    private int logs;
    private int launches;

    @BeforeAll
    static void start() {
        server = ProsodyServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** dir/repo: the launcher and the jar; dir/work: the scripts and the working directory. */
    @BeforeEach
    void copyLauncher() throws IOException {
        Path target = Files.createDirectories(dir.resolve("repo/target"));
        launcher = Files.copy(REPO.resolve("scansion"), dir.resolve("repo/scansion"));
        assertTrue(launcher.toFile().setExecutable(true), "chmod +x " + launcher);
        jar = Files.copy(REPO.resolve("target/scansion.jar"), target.resolve("scansion.jar"));
        archive = target.resolve("scansion.jsa");
        Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("io"));
        script = dir.resolve("work/ping.scs");
        try (InputStream in = getClass().getResourceAsStream("/dev/scansion/junit/prosody/ping.scs")) {
            Files.copy(in, script);
        }
    }

    @Test
    void aRunTrainsTheArchiveAndEveryCommandKeepsItsOutput() throws Exception {
        Result run = launch(CDS_OFF, runArgs());
        Result version = launch(CDS_OFF, "--version");
        Result check = launch(CDS_OFF, "check", script.toString());
        assertEquals(ExitCodes.OK, run.code(), run.toString());
        assertTrue(cdsFiles().isEmpty(), "SCANSION_CDS=off made " + cdsFiles());

        Instant since = Instant.now();
        assertSame(run, launch(Map.of(), runArgs()));
        String stamp = awaitArchive(since);

        assertSame(version, launch(Map.of(), "--version"));
        assertSame(check, launch(Map.of(), "check", script.toString()));
        assertSame(run, launch(Map.of(), runArgs()));
        assertTrue(usesArchive("--version"), "the archive is not used");
        assertEquals(stamp, Files.readString(archive.resolveSibling("scansion.jsa.stamp")).strip());
    }

    @Test
    void aStaleArchiveIsIgnoredSilentlyAndReplaced() throws Exception {
        train();
        // What a rebuild does to the launcher's view of the jar: new bytes, new mtime.
        Files.copy(REPO.resolve("target/scansion.jar"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertIgnoredSilentlyThenReplaced();
    }

    @Test
    void aTruncatedArchiveIsIgnoredSilentlyAndReplaced() throws Exception {
        train();
        byte[] head = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(archive)) {
            assertEquals(head.length, in.readNBytes(head, 0, head.length));
        }
        Files.delete(archive); // read-only, as the JVM writes it
        Files.write(archive, head);
        assertIgnoredSilentlyThenReplaced();
    }

    @Test
    void aMissingArchiveIsMadeAgain() throws Exception {
        train();
        Files.delete(archive);
        assertIgnoredSilentlyThenReplaced();
    }

    /**
     * The launcher's checks can be passed by an archive the JVM then refuses (a file replaced
     * with one of the same size, a race): the JVM must run without it and say nothing. Here: a
     * dynamic archive made for another jar, which the JVM refuses with a warning on stdout.
     */
    @Test
    void anArchiveTheJvmRefusesIsIgnoredSilently() throws Exception {
        String stamp = train();
        Path otherJar = Files.copy(jar, dir.resolve("other.jar"));
        Path forged = dir.resolve("forged.jsa");
        Process p = new ProcessBuilder("java", "-XX:ArchiveClassesAtExit=" + forged, "-Xlog:disable",
                "-jar", otherJar.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(dir.resolve("io/forge.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, Files.readString(dir.resolve("io/forge.txt")));
        Files.delete(archive);
        Files.copy(forged, archive);
        Files.writeString(archive.resolveSibling("scansion.jsa.stamp"),
                stamp.replaceFirst("archive \\d+$", "archive " + Files.size(archive)) + "\n");

        assertSame(launch(CDS_OFF, "--version"), launch(Map.of(), "--version"));
        assertSame(launch(CDS_OFF, "check", script.toString()), launch(Map.of(), "check", script.toString()));
    }

    /** Three runs at once, no archive yet: one trains (the others run as usual), one archive results. */
    @Test
    void concurrentRunsLeaveOneWholeArchive() throws Exception {
        List<String[]> runs = new ArrayList<>();
        List<Result> alone = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Each its own account, so that the sessions do not meet on the server.
            Path copy = dir.resolve("work/ping" + i + ".scs");
            Files.writeString(copy, Files.readString(script).replace("romeo@", "romeo" + i + "@"));
            runs.add(runArgs(copy));
            alone.add(launch(CDS_OFF, runs.get(i)));
        }
        Instant since = Instant.now();
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            running.add(processFor(Map.of(), io("c" + i), runs.get(i)));
        }
        for (int i = 0; i < running.size(); i++) {
            assertTrue(running.get(i).waitFor(300, TimeUnit.SECONDS), "run " + i + " did not finish");
            Path[] io = io("c" + i);
            assertSame(alone.get(i), new Result(running.get(i).exitValue(), Files.readString(io[0]), Files.readString(io[1])));
        }
        awaitArchive(since);
        assertTrue(usesArchive("--version"), "the archive is not used");
    }

    @Test
    void anUnusableLocationMeansNoArchiveAndNoNoise() throws Exception {
        Result off = launch(CDS_OFF, runArgs());
        Path nowhere = dir.resolve("missing/dir/scansion.jsa");
        assertSame(off, launch(Map.of("SCANSION_CDS_ARCHIVE", nowhere.toString()), runArgs()));
        assertFalse(Files.exists(nowhere.getParent()));
        assertTrue(cdsFiles().isEmpty(), "made " + cdsFiles());
    }

    // ---- helpers ----

    private String[] runArgs() {
        return runArgs(script);
    }

    private static String[] runArgs(Path scs) {
        return new String[] {"run", "--no-color", "--host", server.host(), "--port", Integer.toString(server.port()),
                scs.toString()};
    }

    private Path[] io(String name) {
        return new Path[] {dir.resolve("io/" + name + ".out"), dir.resolve("io/" + name + ".err")};
    }

    private String train() throws Exception {
        Instant since = Instant.now();
        Result r = launch(Map.of(), runArgs());
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        String stamp = awaitArchive(since);
        assertTrue(usesArchive("--version"), "the archive is not used");
        return stamp;
    }

    /** With a bad archive: silent and not used by check/--version; the next run makes a new one. */
    private void assertIgnoredSilentlyThenReplaced() throws Exception {
        assertSame(launch(CDS_OFF, "--version"), launch(Map.of(), "--version"));
        assertSame(launch(CDS_OFF, "check", script.toString()), launch(Map.of(), "check", script.toString()));
        assertFalse(usesArchive("--version"), "a bad archive was handed to the JVM");
        Result off = launch(CDS_OFF, runArgs());
        Instant since = Instant.now();
        assertSame(off, launch(Map.of(), runArgs()));
        awaitArchive(since);
        assertTrue(usesArchive("--version"), "the new archive is not used");
    }

    /** Same exit code, stdout and stderr (durations aside), and no word from the JVM about CDS. */
    private static void assertSame(Result expected, Result actual) {
        assertEquals(expected.code(), actual.code(), actual.toString());
        assertEquals(normalise(expected.out()), normalise(actual.out()), "stdout");
        assertEquals(normalise(expected.err()), normalise(actual.err()), "stderr");
        for (String text : List.of(actual.out(), actual.err())) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String word : List.of("cds", "shar", "[warning]", "[error", "vm warning", "jsa")) {
                assertFalse(lower.contains(word), "'" + word + "' in the output:\n" + text);
            }
        }
    }

    private static String normalise(String output) {
        return output.replaceAll("\\d+(\\.\\d+)? m?s\\b", "<time>");
    }

    /** Whether the JVM loaded our Main from the archive (class+load logs "shared objects file"). */
    private boolean usesArchive(String... args) throws Exception {
        Path log = dir.resolve("io/classload-" + (++logs) + ".log");
        Result r = launch(Map.of("SCANSION_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), args);
        assertEquals(ExitCodes.OK, r.code(), r.toString());
        try (Stream<String> lines = Files.lines(log)) {
            return lines.anyMatch(l -> l.contains(" dev.scansion.cli.Main source: shared objects file"));
        }
    }

    /**
     * Waits for the background dump: an archive written after {@code since}, a stamp that vouches
     * for its size, and no temporary files left. Returns the stamp.
     */
    private String awaitArchive(Instant since) throws Exception {
        Path stampFile = archive.resolveSibling("scansion.jsa.stamp");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            String stamp = Files.exists(stampFile) ? Files.readString(stampFile).strip() : "";
            if (stamp.endsWith("failed")) fail("the dump failed: " + stamp);
            boolean busy = cdsFiles().stream().anyMatch(f -> f.contains(".list-") || f.contains(".tmp-"));
            if (!busy && Files.exists(archive) && Files.getLastModifiedTime(archive).toInstant().isAfter(since)
                    && stamp.endsWith("archive " + Files.size(archive))) {
                return stamp;
            }
            Thread.sleep(200);
        }
        return fail("no archive made; files: " + cdsFiles());
    }

    private List<String> cdsFiles() throws IOException {
        try (Stream<Path> files = Files.list(archive.getParent())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("scansion.jsa")).sorted().toList();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        Path[] io = io("launch-" + (++launches));
        Process p = processFor(env, io, args);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the launcher did not finish: " + List.of(args));
        }
        return new Result(p.exitValue(), Files.readString(io[0]), Files.readString(io[1]));
    }

    /** The launcher through a symlink, from another directory, with a clean CDS environment. */
    private Process processFor(Map<String, String> env, Path[] io, String... args) throws IOException {
        Path link = dir.resolve("bin/scansion");
        if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, launcher);
        }
        List<String> command = new ArrayList<>(List.of(link.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.resolve("work").toFile())
                .redirectInput(new File("/dev/null")).redirectOutput(io[0].toFile()).redirectError(io[1].toFile());
        Map<String, String> environment = pb.environment();
        for (String name : new HashMap<>(environment).keySet()) {
            if (name.startsWith("SCANSION_")) environment.remove(name);
        }
        environment.putAll(env);
        return pb.start();
    }
}
