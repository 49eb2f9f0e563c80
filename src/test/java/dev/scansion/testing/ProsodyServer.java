package dev.scansion.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's Prosody 0.12 with src/test/resources/servers/prosody/prosody.cfg.lua: VirtualHost
 * "localhost" where any user name logs in with any password (no registration), in-memory
 * storage (every server starts empty), MUC on conference.localhost, pubsub on pubsub.localhost.
 */
public final class ProsodyServer extends XmppTestServer {
    private static final String TEMPLATE = "/servers/prosody/prosody.cfg.lua";

    private ProsodyServer(ServerProcess process, Optional<ServerTls> tls) {
        super(process, tls);
    }

    public static ProsodyServer start() {
        return start(List.of());
    }

    /** Starts with extra global configuration lines (Lua), e.g. {@code c2s_require_encryption = true}. */
    public static ProsodyServer start(List<String> extraConfigLines) {
        return new ProsodyServer(ServerProcess.start(new Recipe(List.copyOf(extraConfigLines), Optional.empty())),
                Optional.empty());
    }

    /**
     * Starts with TLS: STARTTLS offered (not required) with a self-signed certificate for
     * "localhost" ({@link #certificate()}), direct TLS on {@link #directTlsPort()}, and a second
     * host {@link ServerTls#MISMATCH_DOMAIN} whose certificate names "example.org".
     */
    public static ProsodyServer startWithTls() {
        ServerTls tls = ServerTls.pickPort();
        return new ProsodyServer(ServerProcess.start(new Recipe(List.of(), Optional.of(tls))), Optional.of(tls));
    }

    @Override
    public String kind() {
        return "prosody";
    }

    private record Recipe(List<String> extraLines, Optional<ServerTls> tls) implements ServerRecipe {
        @Override
        public String name() {
            return "prosody";
        }

        @Override
        public String serviceUser() {
            return "prosody";
        }

        @Override
        public void writeFiles(Path dir, int port) throws IOException {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("certs"));
            if (tls.isPresent()) ServerTls.createCertificates(dir);
            String config = ConfigTemplate.render(TEMPLATE, Map.of(
                    "DIR", dir.toString(),
                    "PORT", Integer.toString(port),
                    "TLS", tls.map(t -> tlsLines(dir, t)).orElse(NO_TLS),
                    "TLS_HOSTS", tls.map(t -> mismatchHost(dir)).orElse(""),
                    "TLS_MODULE", tls.isPresent() ? "\"tls\";" : "",
                    "EXTRA", String.join("\n", extraLines)));
            Files.writeString(dir.resolve("prosody.cfg.lua"), config, StandardCharsets.UTF_8);
        }

        private static final String NO_TLS = "-- No TLS: no certificate, so no STARTTLS is offered.";

        private static String tlsLines(Path dir, ServerTls tls) {
            return "-- STARTTLS offered, not required; direct TLS (XEP-0368) on its own port.\n"
                    + "c2s_direct_tls_ports = { " + tls.directTlsPort() + " }\n"
                    + "ssl = " + sslOf(dir, ServerProcess.DOMAIN);
        }

        /** A host whose certificate names another domain: for host-name verification tests. */
        private static String mismatchHost(Path dir) {
            return "VirtualHost \"" + ServerTls.MISMATCH_DOMAIN + "\"\n\tssl = " + sslOf(dir, ServerTls.MISMATCH_NAME);
        }

        private static String sslOf(Path dir, String name) {
            Path certs = ServerTls.certificates(dir);
            return "{ certificate = \"" + certs.resolve(name + ".crt") + "\"; key = \"" + certs.resolve(name + ".key") + "\" }";
        }

        @Override
        public List<String> command(Path dir) {
            // -F: stay in the foreground, so the pid we hold is the server.
            return List.of("/usr/bin/prosody", "-F", "--config", dir.resolve("prosody.cfg.lua").toString());
        }

        @Override
        public Map<String, String> environment(Path dir) {
            return Map.of("HOME", dir.toString());
        }

        @Override
        public Path logFile(Path dir) {
            return dir.resolve("prosody.log");
        }

        @Override
        public String listeningLogLine(int port) {
            return "Activated service 'c2s' on [127.0.0.1]:" + port;
        }

        @Override
        public boolean portTaken(String logs) {
            return logs.contains("Failed to open server port");
        }
    }
}
