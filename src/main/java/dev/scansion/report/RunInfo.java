package dev.scansion.report;

import java.net.InetAddress;
import java.util.Optional;

import dev.scansion.exec.RunConfig;

/**
 * What report files say about the run besides its results.
 *
 * @param toolVersion the runner's version ("dev" when run from classes)
 * @param host        the host every actor was sent to, when overridden ({@code --host})
 * @param port        the port every actor was sent to, when overridden ({@code --port})
 * @param hostname    the machine the run happened on
 */
public record RunInfo(String toolVersion, Optional<String> host, Optional<Integer> port, String hostname) {
    public static RunInfo of(RunConfig config, String toolVersion) {
        return new RunInfo(toolVersion, config.host(), config.port(), localHostname());
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String currentVersion() {
        String v = RunInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** This machine's name; "localhost" when it cannot be found (reports must not fail over it). */
    static String localHostname() {
        String env = System.getenv("HOSTNAME");
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) return name;
        } catch (java.io.IOException | SecurityException e) {
            // fall through: a missing DNS entry for our own name is common in containers
        }
        return env != null && !env.isBlank() ? env : "localhost";
    }
}
