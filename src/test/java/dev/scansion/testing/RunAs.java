package dev.scansion.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who the server process runs as. As root we drop to the package's service user with setpriv
 * (Prosody refuses to run as root, and a test server has no business being root); as anyone
 * else the server simply runs as the current user.
 */
record RunAs(String user, boolean switchUser) {
    private static final String SETPRIV = "/usr/bin/setpriv";

    static RunAs serviceUser(String user) {
        if (!isRoot()) return new RunAs(System.getProperty("user.name"), false);
        if (!Files.isExecutable(Path.of(SETPRIV))) {
            throw new ServerStartException(SETPRIV + " is missing (package util-linux); run tools/ensure-deps");
        }
        return new RunAs(user, true);
    }

    List<String> wrap(List<String> command) {
        if (!switchUser) return command;
        List<String> wrapped = new ArrayList<>(List.of(SETPRIV, "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands the server's private directory to the user it runs as. */
    void own(Path dir) throws IOException {
        if (!switchUser) return;
        UserPrincipal owner;
        try {
            owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        } catch (UserPrincipalNotFoundException e) {
            throw new ServerStartException("system user '" + user + "' does not exist; is the server package installed? (tools/ensure-deps)");
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths::iterator) Files.setOwner(p, owner);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
