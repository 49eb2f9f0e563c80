// Like `tools/with-server prosody -- CMD`, but the private Prosody gets extra global config
// lines (default: `network_settings = { nagle = false }`, i.e. TCP_NODELAY on its sockets).
// Uses the test harness classes that tools/with-server compiles into target/with-server/<hash>:
//
//   java -cp "$(ls -d target/with-server/*/ | head -1):src/test/resources" bench/ProsodyNoNagle.java CMD [ARG...]
//
// "{port}" in the arguments is replaced; XMPP_PORT is exported. The exit code is CMD's.
import dev.scansion.testing.ProsodyServer;
import java.util.ArrayList;
import java.util.List;

public class ProsodyNoNagle {
    public static void main(String[] args) throws Exception {
        String extra = System.getenv().getOrDefault("PROSODY_EXTRA", "network_settings = { nagle = false }");
        int rc;
        try (ProsodyServer server = ProsodyServer.start(List.of(extra))) {
            List<String> cmd = new ArrayList<>();
            for (String a : args) cmd.add(a.replace("{port}", Integer.toString(server.port())));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put("XMPP_PORT", Integer.toString(server.port()));
            System.err.println("prosody (" + extra + ") on 127.0.0.1:" + server.port());
            rc = pb.start().waitFor();
        }
        System.exit(rc);
    }
}
