package dev.scansion.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether the socket the kernel's table shows at the other end of our connection is the
 * server's own, so that watching it ({@link ReadBarrier}) says when the <em>server</em> has read a
 * send. Behind a local userland proxy (docker-proxy, stunnel, HAProxy, socat) that socket is the
 * proxy's: the proxy reads our bytes at once and forwards them on another connection, so the
 * table says nothing about the server's order.
 * <p>
 * The rule, from {@code /proc/net/tcp*} (sockets with their inodes) and {@code /proc/PID/fd}
 * (which process holds which socket inode):
 * <ol>
 * <li>the process holding our peer socket must be found; as root every process can be read, as
 * a user only one's own: when none of the readable processes holds it, nothing can be said, and
 * the answer is a doubt (the caller pauses instead);</li>
 * <li>it must hold a listening socket on the port we connected to (socat's forked children, which
 * serve one connection each, do not);</li>
 * <li>it must hold fewer outgoing connections (not accepted on one of its listening ports) than
 * connections accepted on that port: a proxy opens one outgoing connection per client it accepts,
 * while a server's outgoing links (s2s, a database, Erlang's epmd) do not grow with its clients.
 * A server with one client and one outgoing link is therefore doubted too: the safe side.</li>
 * </ol>
 * The process found last for a port is looked at first next time, so that a check usually reads
 * one process's descriptors, not every process's.
 */
final class ProxyCheck {
    static final Path PROC = Path.of("/proc");
    private static final ConcurrentMap<Integer, Long> LAST_OWNER = new ConcurrentHashMap<>();
    private final Path proc;

    ProxyCheck(Path proc) {
        this.proc = proc;
    }

    /**
     * Why the table's socket for our connection (our {@code clientPort} to {@code serverPort})
     * may not be the server's; empty when it is. Never throws: unreadable data is a doubt.
     */
    Optional<String> doubt(int serverPort, int clientPort) {
        List<ProcNetTcp.Socket> sockets = sockets();
        Optional<ProcNetTcp.Socket> peer = sockets.stream()
                .filter(s -> s.localPort() == serverPort && s.remotePort() == clientPort && !s.listening()).findFirst();
        if (peer.isEmpty()) return Optional.of("the server's end of the connection is not in the socket table");
        Optional<Owner> owner = ownerOf(peer.get().inode(), serverPort);
        if (owner.isEmpty()) {
            return Optional.of("no process this user can inspect holds the server's end of the connection "
                    + "(run as the server's user or root, or use --order=socket-table when no proxy is in between)");
        }
        return judge(owner.get(), sockets, serverPort);
    }

    /** Rules 2 and 3 for the process holding our peer socket. */
    static Optional<String> judge(Owner owner, List<ProcNetTcp.Socket> sockets, int serverPort) {
        List<ProcNetTcp.Socket> held = sockets.stream().filter(s -> owner.inodes().contains(s.inode())).toList();
        Set<Integer> listening = new HashSet<>();
        for (ProcNetTcp.Socket s : held) if (s.listening()) listening.add(s.localPort());
        String who = "the process holding the server's end (pid " + owner.pid() + ")";
        if (!listening.contains(serverPort)) {
            return Optional.of(who + " does not listen on port " + serverPort + ": a proxy forwards the connection");
        }
        long accepted = held.stream().filter(s -> !s.listening() && s.localPort() == serverPort).count();
        List<ProcNetTcp.Socket> outgoing = held.stream()
                .filter(s -> !s.listening() && !listening.contains(s.localPort())).toList();
        if (outgoing.size() >= accepted) {
            return Optional.of(who + " has " + outgoing.size() + " outgoing connection(s) (to port "
                    + outgoing.get(0).remotePort() + ") for " + accepted
                    + " client(s) on port " + serverPort + ": it may be a proxy");
        }
        return Optional.empty();
    }

    /** A process and the socket inodes it holds. */
    record Owner(long pid, Set<Long> inodes) {
    }

    private List<ProcNetTcp.Socket> sockets() {
        List<ProcNetTcp.Socket> all = new ArrayList<>();
        for (String table : new String[]{"tcp", "tcp6"}) {
            try {
                byte[] b = Files.readAllBytes(proc.resolve("net").resolve(table));
                all.addAll(ProcNetTcp.sockets(b, b.length));
            } catch (IOException | RuntimeException e) {
                // No such table here (IPv6 off): the other may hold the connection.
            }
        }
        return all;
    }

    /** The process holding socket {@code inode}: the last one found for this port first, then all. */
    Optional<Owner> ownerOf(long inode, int serverPort) {
        Long hint = LAST_OWNER.get(serverPort);
        if (hint != null) {
            Optional<Owner> o = owner(hint, inode);
            if (o.isPresent()) return o;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc)) {
            for (Path p : pids) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                Optional<Owner> o = owner(Long.parseLong(name), inode);
                if (o.isPresent()) {
                    LAST_OWNER.put(serverPort, o.get().pid());
                    return o;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The process {@code pid} with its socket inodes, if it holds {@code inode} (and can be read). */
    private Optional<Owner> owner(long pid, long inode) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                long i = socketInode(fd);
                if (i >= 0) inodes.add(i);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // gone, or another user's
        }
        return inodes.contains(inode) ? Optional.of(new Owner(pid, inodes)) : Optional.empty();
    }

    /** The inode of a {@code socket:[N]} descriptor link, or -1. */
    private static long socketInode(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            if (!target.startsWith("socket:[") || !target.endsWith("]")) return -1;
            return Long.parseLong(target.substring(8, target.length() - 1));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
