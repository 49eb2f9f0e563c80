package dev.scansion.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One server process in its own temp directory: launched with stdout/stderr going to files
 * (never a pipe somebody has to drain), ready once it answers a stream header with features,
 * stopped by pid (SIGTERM, then SIGKILL after a bound). A JVM shutdown hook stops whatever
 * is still running, so an aborted test run does not leave servers behind.
 */
final class ServerProcess {
    static final String HOST = "127.0.0.1";
    static final String DOMAIN = "localhost";
    private static final Duration READY_BOUND = Duration.ofSeconds(60);
    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 3;
    private static final Set<ServerProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ServerProcess::stop), "scansion-test-servers"));
    }

    private final ServerRecipe recipe;
    private final Path dir;
    private final int port;
    private final Process process;

    private ServerProcess(ServerRecipe recipe, Path dir, int port, Process process) {
        this.recipe = recipe;
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts the server on a free loopback port and waits until it is ready; retries when the port was taken meanwhile. */
    static ServerProcess start(ServerRecipe recipe) {
        for (int attempt = 1; ; attempt++) {
            ServerProcess server = launch(recipe);
            try {
                server.awaitReady();
                return server;
            } catch (ServerStartException e) {
                boolean retry = attempt < ATTEMPTS && recipe.portTaken(server.allLogs());
                server.stop();
                if (!retry) throw e;
                server.deleteFiles();
            }
        }
    }

    private static ServerProcess launch(ServerRecipe recipe) {
        RunAs runAs = RunAs.serviceUser(recipe.serviceUser());
        try {
            Path dir = Files.createTempDirectory("scansion-" + recipe.name() + "-");
            int port = FreePorts.pick();
            recipe.writeFiles(dir, port);
            runAs.own(dir);
            ProcessBuilder pb = new ProcessBuilder(runAs.wrap(recipe.command(dir)))
                    .directory(dir.toFile())
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(dir.resolve("stdout.log").toFile())
                    .redirectError(dir.resolve("stderr.log").toFile());
            pb.environment().putAll(recipe.environment(dir));
            ServerProcess server = new ServerProcess(recipe, dir, port, pb.start());
            RUNNING.add(server);
            return server;
        } catch (IOException e) {
            throw new ServerStartException("cannot start " + recipe.name() + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_BOUND.toNanos();
        String listening = recipe.listeningLogLine(port);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with status " + process.exitValue() + " before it was ready");
            }
            if (read(logFile()).contains(listening)
                    && StreamProbe.features(HOST, port, DOMAIN, Duration.ofSeconds(5)).isPresent()) {
                return;
            }
            if (recipe.portTaken(allLogs())) throw failure("could not listen on port " + port);
            sleep(100);
        }
        throw failure("did not answer a stream header with <stream:features> on " + HOST + ":" + port
                + " within " + READY_BOUND.toSeconds() + " s");
    }

    ServerStartException failure(String what) {
        return new ServerStartException(recipe.name() + " (pid " + pid() + ") " + what
                + "; its files are kept in " + dir + "\n" + logTails());
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path directory() {
        return dir;
    }

    Path logFile() {
        return recipe.logFile(dir);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL after a bound, to this pid and to the children it started. Idempotent. */
    void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        terminate(process.toHandle());
        children.forEach(ServerProcess::terminate);
        RUNNING.remove(this);
    }

    private static void terminate(ProcessHandle handle) {
        if (!handle.isAlive()) return;
        handle.destroy();
        if (waitFor(handle, STOP_BOUND)) return;
        handle.destroyForcibly();
        waitFor(handle, STOP_BOUND);
    }

    private static boolean waitFor(ProcessHandle handle, Duration bound) {
        try {
            handle.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    void deleteFiles() {
        try {
            deleteTree(dir);
        } catch (IOException e) {
            // A leftover temp directory is harmless; the server itself is what must not be left.
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }

    /** The last lines of the server log, stdout and stderr, for error messages. */
    String logTails() {
        StringBuilder sb = new StringBuilder();
        for (Path file : List.of(logFile(), dir.resolve("stdout.log"), dir.resolve("stderr.log"))) {
            List<String> lines = read(file).lines().toList();
            if (lines.isEmpty()) continue;
            sb.append("--- last lines of ").append(file).append(" ---\n");
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> sb.append(l).append('\n'));
        }
        return sb.length() == 0 ? "(no log output in " + dir + ")" : sb.toString();
    }

    private String allLogs() {
        return read(logFile()) + read(dir.resolve("stdout.log")) + read(dir.resolve("stderr.log"));
    }

    private static String read(Path file) {
        try {
            // Lenient decoding: a log with a stray byte must still show up in error messages.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for the server");
        }
    }
}
