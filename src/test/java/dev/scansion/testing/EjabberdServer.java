package dev.scansion.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's ejabberd 23.01 with src/test/resources/servers/ejabberd/ejabberd.yml, started with
 * erl directly (not ejabberdctl, which would su and use epmd): a non-distributed node, so no
 * epmd and no distribution port; Mnesia in the private directory; one c2s listener on
 * loopback. ejabberd only logs in registered accounts, so the harness registers
 * {@link #DEFAULT_ACCOUNTS} (password {@link #PASSWORD}) in-band right after start.
 */
public final class EjabberdServer extends XmppTestServer {
    /** Accounts registered at start unless others are asked for: admin, user, user2 ... user9, romeo, juliet. */
    public static final List<String> DEFAULT_ACCOUNTS = List.of(
            "admin", "user", "user2", "user3", "user4", "user5", "user6", "user7", "user8", "user9", "romeo", "juliet");
    private static final String TEMPLATE = "/servers/ejabberd/ejabberd.yml";
    private static final Duration REGISTRATION_BOUND = Duration.ofSeconds(20);

    private EjabberdServer(ServerProcess process, Optional<ServerTls> tls) {
        super(process, tls);
    }

    public static EjabberdServer start() {
        return start(DEFAULT_ACCOUNTS);
    }

    /** Starts and registers these accounts (user names on "localhost"), all with password {@link #PASSWORD}. */
    public static EjabberdServer start(List<String> accounts) {
        return start(accounts, Optional.empty());
    }

    /**
     * Starts with TLS and the {@link #DEFAULT_ACCOUNTS}: STARTTLS offered (not required) with a
     * self-signed certificate for "localhost" ({@link #certificate()}), direct TLS on
     * {@link #directTlsPort()}. (No {@link ServerTls#MISMATCH_DOMAIN} here: ejabberd picks
     * certificates by the names in them.)
     */
    public static EjabberdServer startWithTls() {
        return start(DEFAULT_ACCOUNTS, Optional.of(ServerTls.pickPort()), DISABLED_SASL);
    }

    /**
     * Starts with the {@link #DEFAULT_ACCOUNTS}, offering every SASL mechanism ejabberd has except
     * {@code disabled} (ejabberd's lower-case names, e.g. {@code "plain"}, {@code "scram-sha-1"}).
     * The default server disables {@code digest-md5} and {@code x-oauth2}.
     */
    public static EjabberdServer startWithSaslDisabled(List<String> disabled) {
        return start(DEFAULT_ACCOUNTS, Optional.empty(), disabled);
    }

    private static EjabberdServer start(List<String> accounts, Optional<ServerTls> tls) {
        return start(accounts, tls, DISABLED_SASL);
    }

    private static EjabberdServer start(List<String> accounts, Optional<ServerTls> tls, List<String> disabledSasl) {
        ServerProcess process = ServerProcess.start(new Recipe(erlangLibs(), tls, List.copyOf(disabledSasl)));
        try {
            if (!accounts.isEmpty()) {
                StreamProbe.register(ServerProcess.HOST, process.port(), ServerProcess.DOMAIN, accounts, PASSWORD, REGISTRATION_BOUND);
            }
        } catch (IOException | RuntimeException e) {
            ServerStartException failure = process.failure("could not register accounts: " + e.getMessage());
            process.stop();
            process.deleteFiles();
            throw failure;
        }
        return new EjabberdServer(process, tls);
    }

    @Override
    public String kind() {
        return "ejabberd";
    }

    /** The multiarch directory that holds ejabberd-VERSION/ebin (what ejabberdctl puts in ERL_LIBS). */
    private static Path erlangLibs() {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
            Optional<Path> found = dirs.filter(d -> d.getFileName().toString().contains("-linux-"))
                    .filter(EjabberdServer::holdsEjabberd).findFirst();
            return found.orElseThrow(() -> new ServerStartException(
                    "ejabberd is not installed (no /usr/lib/*-linux-*/ejabberd-*); run tools/ensure-deps"));
        } catch (IOException e) {
            throw new ServerStartException("cannot look for ejabberd in /usr/lib: " + e.getMessage(), e);
        }
    }

    private static boolean holdsEjabberd(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(e -> e.getFileName().toString().startsWith("ejabberd-") && Files.isDirectory(e.resolve("ebin")));
        } catch (IOException e) {
            return false;
        }
    }

    /** What the test server does not offer by default: DIGEST-MD5 (slow, old) and X-OAUTH2 (no password). */
    private static final List<String> DISABLED_SASL = List.of("digest-md5", "x-oauth2");

    private record Recipe(Path erlangLibs, Optional<ServerTls> tls, List<String> disabledSasl)
            implements ServerRecipe {
        @Override
        public String name() {
            return "ejabberd";
        }

        @Override
        public String serviceUser() {
            return "ejabberd";
        }

        @Override
        public void writeFiles(Path dir, int port) throws IOException {
            Files.createDirectories(dir.resolve("spool"));
            Files.createDirectories(dir.resolve("logs"));
            if (tls.isPresent()) ServerTls.createCertificates(dir);
            String config = ConfigTemplate.render(TEMPLATE, Map.of(
                    "PORT", Integer.toString(port),
                    "TLS", tls.map(t -> "    starttls: true\n" + directTlsListener(t)).orElse(""),
                    "CERTFILES", tls.map(t -> certfiles(dir)).orElse(""),
                    "DISABLED_SASL", disabledSasl.isEmpty() ? "disable_sasl_mechanisms: []"
                            : "disable_sasl_mechanisms:\n" + String.join("\n", disabledSasl.stream()
                            .map(m -> "  - \"" + m + "\"").toList())));
            Files.writeString(dir.resolve("ejabberd.yml"), config, StandardCharsets.UTF_8);
        }

        /** A second c2s listener that speaks TLS from the first byte (XEP-0368). */
        private static String directTlsListener(ServerTls tls) {
            return "  -\n    port: " + tls.directTlsPort() + "\n    ip: \"127.0.0.1\"\n    module: ejabberd_c2s\n"
                    + "    access: c2s\n    max_stanza_size: 1048576\n    tls: true";
        }

        private static String certfiles(Path dir) {
            Path certs = ServerTls.certificates(dir);
            return "certfiles:\n  - \"" + certs.resolve(ServerProcess.DOMAIN + ".crt") + "\"\n  - \""
                    + certs.resolve(ServerProcess.DOMAIN + ".key") + "\"";
        }

        @Override
        public List<String> command(Path dir) {
            // erl execs erlexec, which execs beam.smp: the pid we hold is the VM itself.
            return List.of("/usr/bin/erl", "-noinput", "-mnesia", "dir", "\"" + dir.resolve("spool") + "\"", "-s", "ejabberd");
        }

        @Override
        public Map<String, String> environment(Path dir) {
            return Map.of(
                    "HOME", dir.toString(),
                    "EJABBERD_CONFIG_PATH", dir.resolve("ejabberd.yml").toString(),
                    "EJABBERD_LOG_PATH", logFile(dir).toString(),
                    "ERL_LIBS", erlangLibs.toString(),
                    "ERL_CRASH_DUMP", dir.resolve("logs/erl_crash.dump").toString(),
                    "ERL_CRASH_DUMP_BYTES", "0",
                    // Belt and braces: should anything start epmd, it stays on loopback.
                    "ERL_EPMD_ADDRESS", "127.0.0.1");
        }

        @Override
        public Path logFile(Path dir) {
            return dir.resolve("logs/ejabberd.log");
        }

        @Override
        public String listeningLogLine(int port) {
            return "Start accepting TCP connections at 127.0.0.1:" + port;
        }

        @Override
        public boolean portTaken(String logs) {
            return logs.contains("eaddrinuse");
        }
    }
}
