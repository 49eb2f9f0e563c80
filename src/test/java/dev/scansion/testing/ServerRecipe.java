package dev.scansion.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What differs between servers: their files, command line, log and the log lines that mean "up" or "port taken". */
interface ServerRecipe {
    /** Short name, used for the temp directory and messages: "prosody", "ejabberd". */
    String name();

    /** System user the Debian package runs the server as; used when the harness runs as root. */
    String serviceUser();

    /** Writes the configuration (and any directories the server needs) into its private directory. */
    void writeFiles(Path dir, int port) throws IOException;

    List<String> command(Path dir);

    /** Variables added to the inherited environment. */
    Map<String, String> environment(Path dir);

    /** The server's own log file. */
    Path logFile(Path dir);

    /** A log line that appears only once this server (not another one) listens on the port. */
    String listeningLogLine(int port);

    /** Whether the logs say the port was already taken, so that a retry on another port makes sense. */
    boolean portTaken(String logs);
}
