package dev.scansion.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Prosody 0.12 with src/test/resources/servers/prosody/prosody.cfg.lua: VirtualHost
 * "localhost" where any user name logs in with any password (no registration), in-memory
 * storage (every server starts empty), MUC on conference.localhost, pubsub on pubsub.localhost.
 */
public final class ProsodyServer extends XmppTestServer {
    private static final String TEMPLATE = "/servers/prosody/prosody.cfg.lua";

    private ProsodyServer(ServerProcess process) {
        super(process);
    }

    public static ProsodyServer start() {
        return start(List.of());
    }

    /** Starts with extra global configuration lines (Lua), e.g. {@code c2s_require_encryption = true}. */
    public static ProsodyServer start(List<String> extraConfigLines) {
        return new ProsodyServer(ServerProcess.start(new Recipe(List.copyOf(extraConfigLines))));
    }

    @Override
    public String kind() {
        return "prosody";
    }

    private record Recipe(List<String> extraLines) implements ServerRecipe {
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
            String config = ConfigTemplate.render(TEMPLATE, Map.of(
                    "DIR", dir.toString(),
                    "PORT", Integer.toString(port),
                    "EXTRA", String.join("\n", extraLines)));
            Files.writeString(dir.resolve("prosody.cfg.lua"), config, StandardCharsets.UTF_8);
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
