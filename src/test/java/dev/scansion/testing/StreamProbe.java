package dev.scansion.testing;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A few raw XMPP exchanges on a plain socket: enough to tell that a server is really up (it
 * answers a stream header with stream features, which a bare TCP connect does not prove), to
 * register accounts in-band and to try a SASL PLAIN login. JDK only, so that tools/with-server
 * runs without Maven. Credentials are never put into messages.
 */
final class StreamProbe {
    /** A whole features element: empty ({@code <stream:features/>}) or up to its end tag. */
    private static final Pattern FEATURES = Pattern.compile(
            "<(?:[\\w.-]+:)?features(?:\\s[^>]*)?/>|<(?:[\\w.-]+:)?features[\\s>].*?</(?:[\\w.-]+:)?features>", Pattern.DOTALL);
    private static final Pattern IQ = Pattern.compile("<iq\\b[^>]*>");
    private static final Pattern ID = Pattern.compile("\\bid=['\"]([^'\"]*)['\"]");
    private static final Pattern TYPE = Pattern.compile("\\btype=['\"]([^'\"]*)['\"]");
    private static final Pattern SASL_OUTCOME = Pattern.compile("<(success|failure)\\b");

    private StreamProbe() {
    }

    /** The {@code <stream:features>} element the server sends for a new client stream, if it does in time. */
    static Optional<String> features(String host, int port, String domain, Duration timeout) {
        try (Exchange x = Exchange.open(host, port, domain, timeout)) {
            return x.readUntil(FEATURES);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Registers each user with the password via XEP-0077 on one unauthenticated stream. */
    static void register(String host, int port, String domain, List<String> users, String password, Duration timeout)
            throws IOException {
        try (Exchange x = Exchange.open(host, port, domain, timeout)) {
            x.readUntil(FEATURES).orElseThrow(() -> new IOException("no stream features from " + host + ":" + port));
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < users.size(); i++) {
                requests.append("<iq type='set' id='reg").append(i).append("'><query xmlns='jabber:iq:register'><username>")
                        .append(users.get(i)).append("</username><password>").append(xmlEscape(password))
                        .append("</password></query></iq>");
            }
            x.write(requests.toString());
            String lastId = "reg" + (users.size() - 1);
            String replies = x.readUntil(Pattern.compile("\\bid=['\"]" + lastId + "['\"]"))
                    .map(m -> x.received()).orElseThrow(() -> new IOException("no answer to the registration of " + users));
            for (int i = 0; i < users.size(); i++) {
                String type = iqType(replies, "reg" + i).orElse("none");
                if (!type.equals("result")) throw new IOException("registration of '" + users.get(i) + "' got type " + type);
            }
        }
    }

    /** Whether SASL PLAIN with these credentials succeeds. */
    static boolean authenticates(String host, int port, String domain, String user, String password, Duration timeout)
            throws IOException {
        try (Exchange x = Exchange.open(host, port, domain, timeout)) {
            x.readUntil(FEATURES).orElseThrow(() -> new IOException("no stream features from " + host + ":" + port));
            String token = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
            x.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + token + "</auth>");
            Optional<String> outcome = x.readUntil(SASL_OUTCOME);
            return outcome.isPresent() && outcome.get().startsWith("<success");
        }
    }

    private static Optional<String> iqType(String text, String id) {
        Matcher iq = IQ.matcher(text);
        while (iq.find()) {
            Matcher idMatch = ID.matcher(iq.group());
            if (idMatch.find() && idMatch.group(1).equals(id)) {
                Matcher type = TYPE.matcher(iq.group());
                return type.find() ? Optional.of(type.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }

    /** One client stream; reads accumulate so that a pattern can match across reads. */
    private static final class Exchange implements AutoCloseable {
        private final Socket socket;
        private final Reader in;
        private final Writer out;
        private final long deadline;
        private final StringBuilder received = new StringBuilder();

        private Exchange(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
            this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
            this.deadline = deadline;
        }

        static Exchange open(String host, int port, String domain, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
                Exchange x = new Exchange(socket, deadline);
                x.write("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client'"
                        + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
                return x;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        void write(String xml) throws IOException {
            out.write(xml);
            out.flush();
        }

        String received() {
            return received.toString();
        }

        /** Reads until the pattern matches the text received so far (returns the match), EOF or the deadline. */
        Optional<String> readUntil(Pattern pattern) throws IOException {
            char[] buf = new char[4096];
            while (true) {
                Matcher m = pattern.matcher(received);
                if (m.find()) return Optional.of(m.group());
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) return Optional.empty();
                socket.setSoTimeout((int) leftMillis);
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                if (n < 0) return Optional.empty();
                received.append(buf, 0, n);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                write("</stream:stream>");
            } catch (IOException ignored) {
                // The server may have closed first; closing the socket is what matters.
            } finally {
                socket.close();
            }
        }
    }
}
