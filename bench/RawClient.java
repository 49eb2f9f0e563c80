// Minimal raw-socket XMPP client: the reference the runner's overhead is compared with.
// Does the same wire work as the generated benchmark scripts (bench/gen-suite.py), with
// no XML parser: plain TCP, stream header, SASL PLAIN, bind, then send and wait for a
// substring in what the connection has read so far ("expect"). No TLS, no timeouts beyond
// a fixed socket read timeout; for loopback benchmarks against the test Prosody only.
//
//   java bench/RawClient.java PORT ping N      one connection, N ping round-trips
//   java bench/RawClient.java PORT suite N     N times the suite script's exchanges (3 connections)
//   java bench/RawClient.java PORT ping N steps  also prints, on a second line, the per-step
//                                              split the runner reports in its JSON: median and
//                                              p90 of send-to-socket (write + flush) and of
//                                              arrival-to-match, in microseconds
//
// Prints the wall time of the work (after JVM start) in ms on stdout.
import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class RawClient {
    static final class Conn implements Closeable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final StringBuilder buf = new StringBuilder();
        int cursor;
        String fullJid;
        final java.util.List<Long> writeNanos = new java.util.ArrayList<>();
        final java.util.List<Long> matchNanos = new java.util.ArrayList<>();

        Conn(int port, String user) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            in = socket.getInputStream();
            out = socket.getOutputStream();
            open();
            expect("</stream:features>");
            String creds = Base64.getEncoder().encodeToString(("\0" + user + "\0password").getBytes(StandardCharsets.UTF_8));
            send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + creds + "</auth>");
            expect("<success");
            open();
            expect("</stream:features>");
            send("<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            expect("</jid>");
            int end = buf.lastIndexOf("</jid>");
            fullJid = buf.substring(buf.lastIndexOf("<jid>", end) + 5, end);
        }

        void open() throws IOException {
            send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>");
        }

        void send(String xml) throws IOException {
            long t0 = System.nanoTime();
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
            writeNanos.add(System.nanoTime() - t0);
        }

        /** Waits until {@code needle} appears after the cursor; moves the cursor past it. */
        void expect(String needle) throws IOException {
            byte[] chunk = new byte[16384];
            long from = System.nanoTime(); // the step's start, or the arrival of the last bytes read
            while (true) {
                int at = buf.indexOf(needle, cursor);
                if (at >= 0) {
                    cursor = at + needle.length();
                    matchNanos.add(System.nanoTime() - from);
                    return;
                }
                int n = in.read(chunk);
                from = System.nanoTime();
                if (n < 0) throw new EOFException("closed while waiting for " + needle);
                buf.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
        }

        @Override public void close() throws IOException {
            send("</stream:stream>");
            try { expect("</stream:stream>"); } catch (IOException ignored) { }
            socket.close();
        }
    }

    static Conn ping(int port, int n) throws IOException {
        try (Conn p = new Conn(port, "rawping")) {
            p.writeNanos.clear();
            p.matchNanos.clear();
            for (int k = 0; k < n; k++) {
                p.send("<iq type='get' id='p" + k + "' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
                p.expect("id='p" + k + "'");
            }
            return p;
        }
    }

    static String quantiles(java.util.List<Long> nanos) {
        java.util.List<Long> s = new java.util.ArrayList<>(nanos.subList(0, nanos.size() - 1)); // not the close
        java.util.Collections.sort(s);
        return String.format("%.1f %.1f", s.get(s.size() / 2) / 1e3, s.get((int) (s.size() * 0.9)) / 1e3);
    }

    static void suiteScript(int port, int i) throws IOException {
        String room = String.format("rawroom%03d@conference.localhost", i);
        String pre = String.format("raw%03d", i);
        try (Conn a = new Conn(port, pre + "a"); Conn b = new Conn(port, pre + "b"); Conn c = new Conn(port, pre + "c")) {
            a.send("<presence/>");
            a.send("<message to='" + b.fullJid + "' type='chat' id='m1'><body>hello " + i + "</body></message>");
            b.expect("<body>hello " + i + "</body>");
            b.send("<message to='" + c.fullJid + "' type='chat' id='m2'><body>hi C</body></message>");
            c.expect("<body>hi C</body>");
            a.send("<iq type='get' id='ping1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            a.expect("id='ping1'");
            b.send("<iq type='get' id='ver1' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
            b.expect("</query>");
            a.send("<presence to='" + room + "/A'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            a.expect("code='110'");
            a.expect("<subject");
            a.send("<iq type='set' id='cfg1' to='" + room + "'><query xmlns='http://jabber.org/protocol/muc#owner'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
            a.expect("id='cfg1'");
            b.send("<presence to='" + room + "/B'><x xmlns='http://jabber.org/protocol/muc'/></presence>");
            b.expect("code='110'");
            a.expect(room + "/B");
            b.send("<message to='" + room + "' type='groupchat' id='g1'><body>hi room</body></message>");
            a.expect("<body>hi room</body>");
            c.send("<iq type='get' id='ping2' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
            c.expect("id='ping2'");
        }
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        Conn pinged = null;
        switch (args[1]) {
            case "ping" -> pinged = ping(port, n);
            case "suite" -> { for (int i = 0; i < n; i++) suiteScript(port, i); }
            default -> throw new IllegalArgumentException("mode: ping | suite");
        }
        System.out.printf("%.1f%n", (System.nanoTime() - t0) / 1e6);
        if (pinged != null && args.length > 3 && args[3].equals("steps")) {
            System.out.println(quantiles(pinged.writeNanos) + " " + quantiles(pinged.matchNanos));
        }
    }
}
