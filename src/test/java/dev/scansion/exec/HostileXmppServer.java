package dev.scansion.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hostile XMPP server on 127.0.0.1 for tests: it speaks just enough of a client stream for Smack
 * to log in (stream header and features, SASL PLAIN success, the restart, the bind result), then
 * misbehaves as told: floods messages, sends one huge message, never answers the stream close, or
 * (from the first byte) sends garbage that is not XMPP. Every connection has its own daemon
 * thread; {@link #close} ends them all.
 */
final class HostileXmppServer implements AutoCloseable {
    enum Behaviour {
        /** After binding, writes messages as fast as it can, for at most {@link #FLOOD_FOR}. */
        FLOOD,
        /** After binding, sends one message of {@link #HUGE_CHARS} characters, then answers the close. */
        HUGE,
        /** After binding, reads everything and never answers the stream close (nor closes the socket). */
        MUTE,
        /** Answers the stream header with an HTTP error (ESC and BEL included) and hangs up. */
        GARBAGE,
        /** Accepts the connection, reads everything and never writes a byte. */
        SILENT
    }

    static final Duration FLOOD_FOR = Duration.ofSeconds(30);
    static final int HUGE_CHARS = 20 * 1024 * 1024;
    static final String GARBAGE_REPLY = "HTTP/1.1 400 Bad Request\r\n\u001b[31mServer: evil\u0007\r\n\r\n";
    private static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' id='s%d' from='localhost' version='1.0' xml:lang='en'>";
    private static final Pattern STREAM_OPEN = Pattern.compile("<stream:stream[^>]*>");
    private static final Pattern AUTH = Pattern.compile("<auth[^>]*(/>|>.*?</auth>)", Pattern.DOTALL);
    private static final Pattern BIND = Pattern.compile("<iq[^>]*\\bid=['\"]([^'\"]+)['\"][^>]*>.*?</iq>", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("</stream:stream>");

    private final Behaviour behaviour;
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    /** Messages written by the flood, all connections together. */
    volatile long flooded;

    HostileXmppServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "hostile-xmpp-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** How many connections were accepted so far. */
    int accepted() {
        return clients.size();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-xmpp-" + clients.size());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Conversation c = new Conversation(socket.getInputStream(), socket.getOutputStream());
            if (behaviour == Behaviour.SILENT) {
                c.drainForever();
                return;
            }
            if (behaviour == Behaviour.GARBAGE) {
                c.await(STREAM_OPEN);
                c.write(GARBAGE_REPLY);
                return;
            }
            login(c);
            switch (behaviour) {
                case FLOOD -> flood(c);
                case HUGE -> {
                    c.write("<message from='juliet@localhost/balcony' id='huge'><body>" + "x".repeat(HUGE_CHARS)
                            + "</body></message>");
                    c.await(CLOSE);
                    c.write("</stream:stream>");
                }
                case MUTE -> c.drainForever();
                default -> throw new IllegalStateException(behaviour.toString());
            }
        } catch (IOException e) {
            // The client went away: this connection is over.
        }
    }

    private static void login(Conversation c) throws IOException {
        c.await(STREAM_OPEN);
        c.write(String.format(HEADER, 1) + "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "<mechanism>PLAIN</mechanism></mechanisms></stream:features>");
        c.await(AUTH);
        c.write("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        c.await(STREAM_OPEN);
        c.write(String.format(HEADER, 2) + "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"
                + "</stream:features>");
        String id = c.await(BIND).group(1);
        c.write("<iq type='result' id='" + id + "'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                + "<jid>romeo@localhost/hostile</jid></bind></iq>");
    }

    private void flood(Conversation c) throws IOException {
        long end = System.nanoTime() + FLOOD_FOR.toNanos();
        StringBuilder batch = new StringBuilder();
        for (long i = 0; System.nanoTime() < end && !server.isClosed(); ) {
            batch.setLength(0);
            for (int k = 0; k < 100; k++, i++) {
                batch.append("<message from='juliet@localhost/balcony' id='f").append(i)
                        .append("'><body>flood</body></message>");
            }
            c.write(batch.toString());
            flooded += 100;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) s.close();
    }

    /** What the client wrote so far, and what was already answered. */
    private static final class Conversation {
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder got = new StringBuilder();
        private int answered;

        Conversation(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** Reads until {@code pattern} occurs after what was already answered. */
        Matcher await(Pattern pattern) throws IOException {
            byte[] buf = new byte[8192];
            while (true) {
                Matcher m = pattern.matcher(got);
                if (m.find(answered)) {
                    answered = m.end();
                    return m;
                }
                int n = in.read(buf);
                if (n < 0) throw new IOException("the client closed the connection");
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        }

        void write(String s) throws IOException {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void drainForever() throws IOException {
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // Read and ignore: never answer, never close.
            }
            // The client closed its end; a mute server still does not close its own until stopped.
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
