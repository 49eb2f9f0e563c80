package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.scansion.author.Conversation;
import dev.scansion.exec.ActorSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.exec.TlsSettings;
import dev.scansion.exec.WireTap;

/**
 * The proxy between our own Smack sessions (as its clients) or raw sockets and a fake server: plain
 * and STARTTLS streams, the recording and its order, refused logins, garbage, a client gone mid-SASL,
 * a port in use, and a stop that leaves no thread behind.
 */
@Timeout(60)
class RecordingProxyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PASSWORD = "s3cret-pw";

    @TempDir
    static Path certDir;
    private static ProxyCertificate certificate;

    private final FakeUpstream upstream = new FakeUpstream();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private RecordingProxy proxy;

    @BeforeAll
    static void makeCertificate() throws IOException {
        certificate = ProxyCertificate.generate("localhost", certDir, Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (proxy != null) proxy.stop();
        String all = String.join("\n", lines);
        assertFalse(all.contains(PASSWORD), "a password was printed:\n" + all);
        assertFalse(all.contains(base64("\0romeo\0" + PASSWORD)), "a SASL payload was printed:\n" + all);
    }

    private RecordingProxy start(ClientTls tls, boolean once) throws IOException {
        ProxySettings settings = new ProxySettings(ListenAddress.parse("127.0.0.1:0"), tls,
                tls == ClientTls.OFF ? Optional.empty() : Optional.of(certificate),
                RunConfig.defaults().withConnectTimeout(TIMEOUT).withHost("127.0.0.1").withPort(5999), 4);
        proxy = RecordingProxy.start(settings, upstream, new ProxyListener() {
            @Override
            public void bound(int client, String fullJid) {
                lines.add(client + " bound " + fullJid);
            }

            @Override
            public void refused(int client, String account, String reason) {
                lines.add(client + " refused " + account + ": " + reason);
            }

            @Override
            public void problem(int client, String peer, String reason) {
                lines.add(client + " problem: " + reason);
            }

            @Override
            public void ended(int client, String fullJid, String how) {
                lines.add(client + " ended " + fullJid + " " + how);
            }
        }, once);
        return proxy;
    }

    private ActorSession client(String jid, String password, Optional<String> resource, TlsSettings tls)
            throws SessionException, InterruptedException {
        return new SmackSessionFactory().connect(new ConnectRequest(jid, jid, password, resource, "127.0.0.1",
                proxy.port(), tls, TIMEOUT), WireTap.NONE);
    }

    private static final TlsSettings PLAIN = new TlsSettings(TlsSettings.TlsPolicy.OFF, false, Optional.empty());

    @Test
    void twoClientsAreRelayedAndRecordedInOneOrder() throws Exception {
        start(ClientTls.OFF, false);
        ActorSession romeo = client("romeo@localhost", PASSWORD, Optional.of("balcony"), PLAIN);
        ActorSession juliet = client("juliet@localhost", "pw2", Optional.empty(), PLAIN);
        assertEquals("romeo@localhost/balcony", romeo.fullJid());
        assertEquals("juliet@localhost/minted-2", juliet.fullJid(), "the JID the server bound: " + upstream.requests);

        String message = "<message to='juliet@localhost' id='m1'><body>hi</body></message>";
        romeo.send(message);
        Inbound arrived = juliet.next(TIMEOUT).orElseThrow();
        assertEquals(message, ((Inbound.Stanza) arrived).raw());
        romeo.disconnect();
        juliet.disconnect();
        proxy.stop();

        Conversation c = proxy.conversation();
        assertEquals(List.of(
                new Conversation.Connection(0, "romeo@localhost", PASSWORD, Optional.of("balcony"), "romeo@localhost/balcony"),
                new Conversation.Connection(1, "juliet@localhost", "pw2", Optional.empty(), "juliet@localhost/minted-2")),
                c.connections());
        assertEquals(List.of(new Conversation.Connected(0), new Conversation.Connected(1),
                new Conversation.Sent(0, message), new Conversation.Received(1, message),
                new Conversation.Disconnected(0), new Conversation.Disconnected(1)), c.events());
        // Upstream with run's options: --host and --port, the client's password and resource.
        ConnectRequest last = upstream.requests.get(1);
        assertEquals(List.of("127.0.0.1", 5999, PASSWORD, Optional.of("balcony")),
                List.of(last.host(), last.port(), last.password(), last.resource()));
        assertTrue(proxy.liveThreads().isEmpty(), proxy.liveThreads().toString());
    }

    @Test
    void starttlsWithTheGeneratedCertificate() throws Exception {
        start(ClientTls.REQUIRED, false);
        TlsSettings trusting = new TlsSettings(TlsSettings.TlsPolicy.REQUIRED, false,
                Optional.of(certificate.certificateFile()));
        ActorSession romeo = client("romeo@localhost", PASSWORD, Optional.of("r"), trusting);
        romeo.send("<iq type='get' id='p1' to='romeo@localhost/r'><ping xmlns='urn:xmpp:ping'/></iq>");
        assertInstanceOf(Inbound.Stanza.class, romeo.next(TIMEOUT).orElseThrow());
        romeo.disconnect();

        SessionException untrusted = assertThrows(SessionException.class, () -> client("juliet@localhost", "pw",
                Optional.empty(), new TlsSettings(TlsSettings.TlsPolicy.REQUIRED, false, Optional.empty())));
        assertEquals(SessionException.Kind.TLS, untrusted.kind(), untrusted.getMessage());
        proxy.stop(); // joins the client's thread: its line is in
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("2 problem: TLS with the client failed: ")), lines.toString());
    }

    @Test
    void starttlsWithAGivenPemCertificateAndKeyInOneFile() throws Exception {
        Path pem = opensslCertificate("pem");
        ProxySettings settings = new ProxySettings(ListenAddress.parse("[::1]:0"), ClientTls.OPTIONAL,
                Optional.of(ProxyCertificate.load(pem, pem)), RunConfig.defaults().withConnectTimeout(TIMEOUT), 4);
        proxy = RecordingProxy.start(settings, upstream, ProxyListener.NONE, false);
        ActorSession romeo = new SmackSessionFactory().connect(new ConnectRequest("romeo", "romeo@localhost", PASSWORD,
                Optional.empty(), "::1", proxy.port(), new TlsSettings(TlsSettings.TlsPolicy.REQUIRED, false,
                Optional.of(certDir.resolve("pem.crt"))), TIMEOUT), WireTap.NONE);
        romeo.disconnect();
        assertEquals(1, proxy.conversation().connections().size());
    }

    @Test
    void aKeyInAnotherFormIsNamed() throws Exception {
        Path pem = opensslCertificate("sec1");
        String text = java.nio.file.Files.readString(pem);
        IOException noKey = assertThrows(IOException.class, () -> ProxyCertificate.load(pem, certDir.resolve("none.pem")));
        assertTrue(noKey.getMessage().contains("cannot read"), noKey.getMessage());
        Path certOnly = certDir.resolve("cert-only.pem");
        java.nio.file.Files.writeString(certOnly, text.substring(text.indexOf("-----BEGIN CERTIFICATE")));
        IOException missing = assertThrows(IOException.class, () -> ProxyCertificate.load(certOnly, certOnly));
        assertTrue(missing.getMessage().endsWith("no PEM private key (BEGIN PRIVATE KEY)"), missing.getMessage());
        Path sec1 = certDir.resolve("sec1.pem");
        java.nio.file.Files.writeString(sec1, text.replace("PRIVATE KEY", "EC PRIVATE KEY"));
        IOException other = assertThrows(IOException.class, () -> ProxyCertificate.load(sec1, sec1));
        assertTrue(other.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), other.getMessage());
    }

    /** A self-signed certificate for localhost and its PKCS#8 key, both in one PEM file. */
    private static Path opensslCertificate(String name) throws Exception {
        Path key = certDir.resolve(name + ".key");
        Path cert = certDir.resolve(name + ".crt");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost", "-keyout", key.toString(), "-out", cert.toString())
                .redirectErrorStream(true).redirectOutput(certDir.resolve(name + ".log").toFile()).start();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed");
        Path both = certDir.resolve(name + ".pem");
        java.nio.file.Files.writeString(both, java.nio.file.Files.readString(key) + java.nio.file.Files.readString(cert));
        return both;
    }

    @Test
    void aClientWithoutTlsIsRefusedWhenItIsRequired() throws Exception {
        start(ClientTls.REQUIRED, false);
        SessionException smack = assertThrows(SessionException.class,
                () -> client("romeo@localhost", PASSWORD, Optional.empty(), PLAIN));
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write(RawClient.OPEN);
            String features = raw.readUntil("</stream:features>");
            assertTrue(features.contains("<required/></starttls>") && !features.contains("<mechanisms"), features);
            raw.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + base64("\0romeo\0" + PASSWORD) + "</auth>");
            assertTrue(raw.readUntil("</failure>").endsWith("<encryption-required/></failure>"));
        }
        assertTrue(proxy.conversation().connections().isEmpty());
        assertTrue(upstream.requests.isEmpty(), "no login upstream without TLS: " + smack.getMessage());
    }

    @Test
    void refusedCredentialsGiveTheServersSaslCondition() throws Exception {
        start(ClientTls.OFF, false);
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write(RawClient.OPEN);
            raw.readUntil("</stream:features>");
            raw.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + base64("\0romeo\0" + FakeUpstream.WRONG) + "</auth>");
            String got = raw.readUntil("</failure>");
            assertTrue(got.endsWith("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><credentials-expired/></failure>"), got);
        }
        SessionException viaSmack = assertThrows(SessionException.class,
                () -> client("romeo@localhost", FakeUpstream.WRONG, Optional.empty(), PLAIN));
        assertEquals(SessionException.Kind.AUTHENTICATION, viaSmack.kind());
        assertTrue(viaSmack.getMessage().contains("credentials-expired"), viaSmack.getMessage());
        assertTrue(proxy.conversation().connections().isEmpty());
    }

    @Test
    void garbageGetsAStreamErrorAndTheProxyGoesOn() throws Exception {
        start(ClientTls.OFF, false);
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            String got = raw.readToEnd();
            assertTrue(got.contains("<stream:error><not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                    + "</stream:error></stream:stream>"), got);
        }
        ActorSession romeo = client("romeo@localhost", PASSWORD, Optional.empty(), PLAIN);
        romeo.disconnect();
        assertEquals(1, proxy.conversation().connections().size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1 problem: not an XMPP stream")), lines.toString());
    }

    @Test
    void aStanzaBeforeLoginIsNotAuthorized() throws Exception {
        start(ClientTls.OFF, false);
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write(RawClient.OPEN);
            raw.readUntil("</stream:features>");
            raw.write("<message to='juliet@localhost'><body>sneaky</body></message>");
            assertTrue(raw.readToEnd().contains("<not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"));
        }
        assertTrue(upstream.requests.isEmpty());
    }

    @Test
    void aClientGoneMidSaslLeavesNothing() throws Exception {
        start(ClientTls.OFF, true);
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write(RawClient.OPEN);
            raw.readUntil("</stream:features>");
            raw.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + base64("\0romeo\0" + PASSWORD));
        }
        // --once: nobody was bound, so the proxy goes on; a real client after it is recorded alone.
        assertFalse(proxy.awaitFinished(Duration.ofMillis(200)));
        ActorSession romeo = client("romeo@localhost", PASSWORD, Optional.empty(), PLAIN);
        romeo.disconnect();
        assertTrue(proxy.awaitFinished(TIMEOUT), "--once: every client has gone");
        assertEquals(1, proxy.conversation().connections().size());
        assertTrue(upstream.requests.size() == 1, upstream.requests.toString());
    }

    @Test
    void stopEndsBoundClientsAndLeavesNoThread() throws Exception {
        start(ClientTls.OPTIONAL, false);
        ActorSession romeo = client("romeo@localhost", PASSWORD, Optional.of("r"),
                new TlsSettings(TlsSettings.TlsPolicy.REQUIRED, true, Optional.empty()));
        FakeUpstream.Session server = upstream.sessions.get("romeo@localhost/r");
        server.push(new Inbound.Stanza("<message from='x@localhost'><body>1</body></message>", java.time.Instant.now()));
        assertInstanceOf(Inbound.Stanza.class, romeo.next(TIMEOUT).orElseThrow());
        proxy.stop();
        assertInstanceOf(Inbound.Closed.class, romeo.next(TIMEOUT).orElseThrow(), "the proxy closed the client's stream");
        assertTrue(server.isClosed(), "and the session upstream");
        assertTrue(proxy.liveThreads().isEmpty(), proxy.liveThreads().toString());
        List<Conversation.Event> events = proxy.conversation().events();
        assertEquals(new Conversation.Disconnected(0), events.get(events.size() - 1));
        assertThrows(IOException.class, () -> new RawClient(proxy.port()).close(), "no longer listening");
        romeo.abort();
    }

    @Test
    void anElementTooLongEndsTheStreamAndIsNotRecorded() throws Exception {
        start(ClientTls.OFF, false);
        try (RawClient raw = new RawClient(proxy.port())) {
            raw.write(RawClient.OPEN);
            raw.readUntil("</stream:features>");
            raw.write("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + base64("\0romeo\0" + PASSWORD)
                    + "</auth>");
            raw.readUntil("<success");
            raw.write(RawClient.OPEN);
            raw.readUntil("<bind");
            raw.write("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>r</resource></bind></iq>");
            raw.readUntil("romeo@localhost/r</jid>");
            raw.write("<message><body>" + "x".repeat(ProxySettings.ELEMENT_CHARS) + "</body></message>");
            String got = raw.readToEnd();
            assertTrue(got.endsWith("<not-well-formed xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>"),
                    got.substring(Math.max(0, got.length() - 300)));
        }
        proxy.stop();
        assertEquals(List.of(new Conversation.Connected(0), new Conversation.Disconnected(0)), proxy.conversation().events());
        assertTrue(upstream.sessions.isEmpty(), "the session upstream is closed");
        assertTrue(lines.stream().anyMatch(l -> l.contains("an element longer than " + ProxySettings.ELEMENT_CHARS)), lines.toString());
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProxySettings settings = new ProxySettings(ListenAddress.parse("127.0.0.1:" + taken.getLocalPort()),
                    ClientTls.OFF, Optional.empty(), RunConfig.defaults(), 4);
            IOException e = assertThrows(IOException.class,
                    () -> RecordingProxy.start(settings, upstream, ProxyListener.NONE, false));
            assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void moreClientsThanAllowedGetAStreamError() throws Exception {
        start(ClientTls.OFF, false);
        List<RawClient> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawClient c = new RawClient(proxy.port());
                c.write(RawClient.OPEN);
                c.readUntil("</stream:features>");
                held.add(c);
            }
            try (RawClient fifth = new RawClient(proxy.port())) {
                assertTrue(fifth.readToEnd().contains("<resource-constraint"), "the fifth is refused");
            }
        } finally {
            for (RawClient c : held) c.close();
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
