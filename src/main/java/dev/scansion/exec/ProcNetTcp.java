package dev.scansion.exec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the kernel's TCP socket tables (Linux {@code /proc/net/tcp} and {@code tcp6}) to see the
 * server's end of a loopback connection: its state, and how many bytes the server process has
 * not read yet (rx_queue).
 * <p>
 * A read costs the kernel a walk over its whole established-socket hash, whatever the number of
 * sockets: 1.7 ms on the benchmark machine (262,144 buckets; see BENCHMARKS.md). The kernel
 * hands the table out one page at a time and walks the hash again for the read that returns
 * end-of-file, so {@link #read} stops after a page that was not full (the kernel only stops
 * filling a page early when the table has ended) instead of reading to end-of-file, which halves
 * the cost; and a read that looks for one connection stops at the page that shows it open, which
 * on average halves it again. Lines are parsed in place, without regular expressions or per-line
 * strings.
 */
final class ProcNetTcp {
    static final Path TCP4 = Path.of("/proc/net/tcp");
    static final Path TCP6 = Path.of("/proc/net/tcp6");
    private static final int ESTABLISHED = 0x01;
    private static final int CLOSE_WAIT = 0x08;
    /** The smallest page a kernel fills per read; larger pages only make us read on to EOF. */
    private static final int PAGE = 4096;

    /** One socket: its state (as the kernel numbers them) and its unread bytes. */
    record Entry(int state, long unread) {
        /** The owning process still holds this end open. */
        boolean open() {
            return state == ESTABLISHED || state == CLOSE_WAIT;
        }
    }

    /**
     * The open sockets of one table, as one read saw them; {@code startedNanos} is when the read
     * began. A read that stopped early ({@code complete} false) knows only the sockets before the
     * one it was looking for.
     */
    record Snapshot(Path table, long startedNanos, Map<Integer, Entry> open, boolean complete) {
        /** The open socket with this local and remote port; empty when there is none. */
        Optional<Entry> find(int localPort, int remotePort) {
            return Optional.ofNullable(open.get(key(localPort, remotePort)));
        }

        /** Whether this snapshot can say if that socket is open. */
        boolean knows(int localPort, int remotePort) {
            return complete || open.containsKey(key(localPort, remotePort));
        }
    }

    /** Any socket of a table with its inode, for finding which process holds it ({@link ProxyCheck}). */
    record Socket(int localPort, int remotePort, int state, long inode) {
        static final int LISTEN = 0x0A;

        boolean listening() {
            return state == LISTEN;
        }
    }

    private ProcNetTcp() {
    }

    /** Every well-formed socket line of a table's text (header line first), whatever its state. */
    static java.util.List<Socket> sockets(byte[] data, int length) {
        java.util.List<Socket> all = new java.util.ArrayList<>();
        int line = nextLine(data, 0, length);
        while (line < length) {
            int end = nextLine(data, line, length);
            Cursor c = new Cursor(data, line, end);
            c.field(); // "sl:"
            int local = c.port();
            int remote = c.port();
            int state = (int) c.hex();
            c.field(); // tx_queue:rx_queue
            c.field(); // tr:tm->when
            c.field(); // retrnsmt
            c.field(); // uid
            c.field(); // timeout
            long inode = c.decimal();
            if (c.ok) all.add(new Socket(local, remote, state, inode));
            line = end;
        }
        return all;
    }

    /**
     * Reads {@code table} until the open socket with these ports shows up (all of it when it does
     * not; negative ports: all of it).
     *
     * @throws IOException when the table cannot be read (not Linux, restricted /proc)
     */
    static Snapshot read(Path table, int localPort, int remotePort) throws IOException {
        long started = System.nanoTime();
        boolean looking = localPort >= 0;
        int wanted = key(localPort, remotePort);
        Map<Integer, Entry> open = new HashMap<>();
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        boolean header = true;
        try (FileChannel channel = FileChannel.open(table, StandardOpenOption.READ)) {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n == buffer.capacity()) {
                    // A page larger than the buffer (or a regular file): read on until a line ends.
                    buffer = completeLines(channel, buffer);
                    n = buffer.position();
                }
                if (n <= 0) break;
                int headerEnd = header ? nextLine(buffer.array(), 0, n) : 0;
                int longest = Math.max(parse(buffer.array(), headerEnd, n, open), headerEnd);
                header = false;
                if (looking && open.containsKey(wanted)) return new Snapshot(table, started, open, false);
                if (PAGE - n > 2 * Math.max(longest, 256)) break;
            }
        }
        return new Snapshot(table, started, open, true);
    }

    /** The open sockets in a table's text ({@code length} bytes of {@code data}, header line first). */
    static Map<Integer, Entry> parse(byte[] data, int length) {
        Map<Integer, Entry> open = new HashMap<>();
        parse(data, nextLine(data, 0, length), length, open);
        return open;
    }

    /** Adds the open sockets of these lines to {@code open}; returns the longest line's length. */
    private static int parse(byte[] data, int from, int length, Map<Integer, Entry> open) {
        int longest = 0;
        int line = from;
        while (line < length) {
            int end = nextLine(data, line, length);
            longest = Math.max(longest, end - line);
            Cursor c = new Cursor(data, line, end);
            c.field(); // "sl:"
            int local = c.port();
            int remote = c.port();
            int state = (int) c.hex();
            c.hex(); // tx_queue
            long unread = c.hex();
            Entry e = new Entry(state, unread);
            if (c.ok && e.open()) open.putIfAbsent(key(local, remote), e);
            line = end;
        }
        return longest;
    }

    private static int key(int localPort, int remotePort) {
        return (localPort << 16) | (remotePort & 0xffff);
    }

    private static int nextLine(byte[] data, int from, int length) {
        int i = from;
        while (i < length && data[i] != '\n') i++;
        return Math.min(i + 1, length);
    }


    /** Reads more into a full buffer (growing it) until the data ends with a whole line or the file ends. */
    private static ByteBuffer completeLines(FileChannel channel, ByteBuffer full) throws IOException {
        ByteBuffer buffer = full;
        while (buffer.position() > 0 && buffer.array()[buffer.position() - 1] != '\n') {
            if (!buffer.hasRemaining()) {
                ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2);
                buffer.flip();
                buffer = bigger.put(buffer);
            }
            if (channel.read(buffer) <= 0) break;
        }
        return buffer;
    }

    /**
     * Walks the whitespace-separated fields of one line: {@code sl: local:port remote:port st
     * tx:rx ...}, all numbers hexadecimal. {@code ok} turns false on anything unexpected.
     */
    private static final class Cursor {
        private final byte[] data;
        private final int end;
        private int at;
        boolean ok = true;

        Cursor(byte[] data, int from, int end) {
            this.data = data;
            this.at = from;
            this.end = end;
        }

        /** Skips one field. */
        void field() {
            skipSpace();
            while (at < end && !space(data[at])) at++;
        }

        /** The port of an {@code address:port} field. */
        int port() {
            skipSpace();
            while (at < end && data[at] != ':' && !space(data[at])) at++;
            if (at >= end || data[at] != ':') {
                ok = false;
                return -1;
            }
            at++;
            return (int) hex();
        }

        /** A hex number, ending at whitespace or ':' (which is consumed). */
        long hex() {
            skipSpace();
            long value = 0;
            int digits = 0;
            while (at < end) {
                int d = Character.digit(data[at], 16);
                if (d < 0) break;
                value = (value << 4) | d;
                digits++;
                at++;
            }
            if (digits == 0 || digits > 16) ok = false;
            if (at < end && data[at] == ':') at++;
            return value;
        }

        /** A decimal number ending at whitespace. */
        long decimal() {
            skipSpace();
            long value = 0;
            int digits = 0;
            while (at < end && data[at] >= '0' && data[at] <= '9' && digits < 19) {
                value = value * 10 + (data[at] - '0');
                digits++;
                at++;
            }
            if (digits == 0 || (at < end && !space(data[at]))) ok = false;
            return value;
        }

        private void skipSpace() {
            while (at < end && space(data[at])) at++;
        }

        private static boolean space(byte b) {
            return b == ' ' || b == '\t' || b == '\n' || b == '\r';
        }
    }
}
