package dev.scansion.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private Debian Prosody 0.12 for the executor's end-to-end tests, until the shared test harness
 * (dev.scansion.testing.ProsodyServer) is on main: a fresh directory, a free loopback port, any
 * user logs in with any password, memory storage, MUC on conference.localhost. Stopped by its
 * own pid; never the system configuration.
 */
public final class LocalProsody implements AutoCloseable {
    private static final Duration START_BOUND = Duration.ofSeconds(30);
    private final Path dir;
    private final int port;
    private final Process process;

    private LocalProsody(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static LocalProsody start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("scansion-exec-prosody-");
        int port = freePort();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("prosody.cfg.lua"), config(dir, port), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("/usr/bin/prosody", "-F", "--config", dir.resolve("prosody.cfg.lua").toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile())
                .start();
        LocalProsody server = new LocalProsody(dir, port, p);
        server.awaitListening();
        return server;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("prosody exited: " + Files.readString(dir.resolve("stderr.log")));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host(), port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IOException("prosody did not listen on " + port + " within " + START_BOUND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String config(Path dir, int port) {
        return String.join("\n",
                "run_as_root = true",
                "data_path = \"" + dir.resolve("data") + "\"",
                "pidfile = \"" + dir.resolve("prosody.pid") + "\"",
                "log = { { levels = { min = \"debug\" }, to = \"file\", filename = \"" + dir.resolve("prosody.log") + "\" } }",
                "interfaces = { \"127.0.0.1\" }",
                "c2s_interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + port + " }",
                "s2s_ports = { }",
                "http_ports = { }",
                "https_ports = { }",
                "authentication = \"insecure\"",
                "insecure_open_authentication = \"Yes please, I know what I'm doing!\"",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "storage = \"memory\"",
                "modules_enabled = { \"roster\"; \"saslauth\"; \"disco\"; \"carbons\"; \"pep\"; \"private\"; \"blocklist\";",
                "  \"version\"; \"uptime\"; \"time\"; \"ping\"; \"lastactivity\"; \"mam\"; }",
                "modules_disabled = { \"s2s\"; \"s2s_auth_certs\" }",
                "VirtualHost \"localhost\"",
                "Component \"conference.localhost\" \"muc\"",
                "");
    }

    /** Stops this process (TERM, then KILL after a bound) and deletes its directory. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
