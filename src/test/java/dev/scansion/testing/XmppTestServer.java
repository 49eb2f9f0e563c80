package dev.scansion.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A real XMPP server started for tests, on loopback, with our configuration, in a fresh temp
 * directory. {@link #close()} stops exactly this process (by pid) and removes its directory.
 */
public abstract sealed class XmppTestServer implements AutoCloseable permits ProsodyServer, EjabberdServer {
    /** Password of every account the harness provides (any password works on Prosody). */
    public static final String PASSWORD = "password";

    private final ServerProcess process;
    private final Optional<ServerTls> tls;
    private volatile boolean keepFiles;

    XmppTestServer(ServerProcess process, Optional<ServerTls> tls) {
        this.process = process;
        this.tls = tls;
    }

    /** "prosody" or "ejabberd". */
    public abstract String kind();

    /** The address to connect to: always "127.0.0.1". */
    public String host() {
        return ServerProcess.HOST;
    }

    public int port() {
        return process.port();
    }

    /** The XMPP domain served: "localhost" (MUC on conference.localhost, pubsub on pubsub.localhost). */
    public String domain() {
        return ServerProcess.DOMAIN;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** The server's private directory (config, data, logs); deleted on close unless {@link #keepFilesOnClose()}. */
    public Path directory() {
        return process.directory();
    }

    /** Whether the server offers TLS (started with {@code startWithTls}). */
    public boolean offersTls() {
        return tls.isPresent();
    }

    /** The self-signed certificate (PEM) for "localhost" the server presents; only while it runs. */
    public Path certificate() {
        tlsOrFail();
        return ServerTls.certificate(directory());
    }

    /** A self-signed certificate for "example.org" (see {@link ServerTls#MISMATCH_DOMAIN}). */
    public Path mismatchCertificate() {
        tlsOrFail();
        return ServerTls.mismatchCertificate(directory());
    }

    /** The loopback port that speaks TLS from the first byte (XEP-0368). */
    public int directTlsPort() {
        return tlsOrFail().directTlsPort();
    }

    private ServerTls tlsOrFail() {
        return tls.orElseThrow(() -> new IllegalStateException(kind() + " was started without TLS (use startWithTls)"));
    }

    /** The server's own log file. */
    public Path logFile() {
        return process.logFile();
    }

    /** The last lines of the server's log, stdout and stderr; handy in a failing test's message. */
    public String logTail() {
        return process.logTails();
    }

    /** Leave {@link #directory()} in place after close, e.g. to read the log of a failed run. */
    public void keepFilesOnClose() {
        keepFiles = true;
    }

    /** Stops the process (SIGTERM, then SIGKILL after a bound) and removes its directory. Idempotent. */
    @Override
    public void close() {
        process.stop();
        if (!keepFiles) process.deleteFiles();
    }

    @Override
    public String toString() {
        return kind() + " on " + host() + ":" + port() + tls.map(t -> ", direct TLS on " + t.directTlsPort()).orElse("")
                + " (pid " + pid() + ", log " + logFile() + ")";
    }
}
