package dev.scansion.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code tools/with-server prosody|ejabberd [--tls] -- COMMAND [ARG...]}: starts a test server,
 * runs the command with XMPP_HOST, XMPP_PORT, XMPP_DOMAIN set (and {host}/{port} replaced in its
 * arguments), stops the server whatever happens, and exits with the command's exit code. With
 * {@code --tls} the server offers STARTTLS and direct TLS, and the command also sees
 * XMPP_TLS_CERT and XMPP_DIRECT_TLS_PORT ({cert} and {tls-port} in its arguments).
 */
public final class WithServer {
    /** Exit code when with-server itself fails (usage, server did not start), as env(1) and timeout(1) do. */
    static final int OWN_FAILURE = 125;
    static final int NOT_FOUND = 127;
    private static final String USAGE = "usage: with-server prosody|ejabberd [--tls] -- COMMAND [ARG...]";

    private WithServer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        int dashes = Arrays.asList(args).indexOf("--");
        boolean tls = dashes == 2 && args[1].equals("--tls");
        if (dashes != (tls ? 2 : 1) || args.length < dashes + 2) {
            err.println(USAGE);
            return OWN_FAILURE;
        }
        List<String> command = Arrays.asList(args).subList(dashes + 1, args.length);
        if (!args[0].equals("prosody") && !args[0].equals("ejabberd")) {
            err.println("with-server: unknown server '" + args[0] + "'\n" + USAGE);
            return OWN_FAILURE;
        }
        XmppTestServer server;
        try {
            if (tls) {
                server = args[0].equals("prosody") ? ProsodyServer.startWithTls() : EjabberdServer.startWithTls();
            } else {
                server = args[0].equals("prosody") ? ProsodyServer.start() : EjabberdServer.start();
            }
        } catch (ServerStartException e) {
            err.println("with-server: " + e.getMessage());
            return OWN_FAILURE;
        }
        try (server) {
            err.println("with-server: " + server);
            int status = runCommand(server, command, err);
            if (status != 0) {
                server.keepFilesOnClose();
                err.println("with-server: command exited with " + status + "; server files kept in " + server.directory());
            }
            return status;
        }
    }

    private static int runCommand(XmppTestServer server, List<String> command, PrintStream err) {
        List<String> substituted = new ArrayList<>();
        for (String arg : command) {
            String a = arg.replace("{host}", server.host()).replace("{port}", Integer.toString(server.port()));
            if (server.offersTls()) {
                a = a.replace("{cert}", server.certificate().toString())
                        .replace("{tls-port}", Integer.toString(server.directTlsPort()));
            }
            substituted.add(a);
        }
        ProcessBuilder pb = new ProcessBuilder(substituted).inheritIO();
        pb.environment().putAll(environment(server));
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            err.println("with-server: cannot run " + substituted.get(0) + ": " + e.getMessage());
            return NOT_FOUND;
        }
        // If we are told to stop (Ctrl-C, SIGTERM), stop the command too; the server's own hook stops the server.
        Thread stopChild = new Thread(() -> stop(child), "with-server-command");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(child);
            return OWN_FAILURE;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // Already shutting down: the hook runs anyway.
            }
        }
    }

    private static Map<String, String> environment(XmppTestServer server) {
        Map<String, String> env = new HashMap<>(Map.of(
                "XMPP_HOST", server.host(),
                "XMPP_PORT", Integer.toString(server.port()),
                "XMPP_DOMAIN", server.domain(),
                "XMPP_SERVER", server.kind(),
                "XMPP_SERVER_LOG", server.logFile().toString()));
        if (server.offersTls()) {
            env.put("XMPP_TLS_CERT", server.certificate().toString());
            env.put("XMPP_DIRECT_TLS_PORT", Integer.toString(server.directTlsPort()));
        }
        return env;
    }

    private static void stop(Process child) {
        if (!child.isAlive()) return;
        child.destroy();
        try {
            if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
        } catch (InterruptedException e) {
            child.destroyForcibly();
        }
    }
}
