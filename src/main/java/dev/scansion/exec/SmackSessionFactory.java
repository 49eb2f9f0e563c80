package dev.scansion.exec;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.security.GeneralSecurityException;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Mechanisms;
import org.jivesoftware.smack.java7.XmppHostnameVerifier;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

import dev.scansion.result.Direction;
import dev.scansion.text.Durations;
import dev.scansion.text.Printable;

/**
 * Opens real client connections with Smack (and, for {@code --register}, creates accounts:
 * {@link SmackRegistration}), configured to be a silent, faithful pipe (see
 * smack-notes.md): no presence, roster, stream management, automatic replies or keep-alives.
 * SASL: the mechanism {@link SaslPreference} picks from what the server offers, handed to Smack
 * per connection (see {@link SmackSetup.SaslChoice}).
 */
public final class SmackSessionFactory implements SessionFactory {
    /** How much of a server's failure condition or text a message shows. */
    private static final int MAX_SERVER_TEXT = 200;
    /** Host name lookups run here, so that a hanging resolver can be abandoned; threads are reused. */
    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scansion-resolve");
        t.setDaemon(true);
        return t;
    });

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException, InterruptedException {
        // Smack initialises on first use only, so runs that connect nothing stay fast.
        SmackSetup.init();
        EntityBareJid jid = parseJid(request.jid());
        List<InetAddress> addresses = resolve(request.host(), request.connectTimeout());
        List<String> refused = new ArrayList<>();
        for (InetAddress address : addresses) {
            InboundBuffer buffer = new InboundBuffer();
            StreamCapture capture = new StreamCapture(request.actor(), tap, buffer);
            ObservedTrust trust = trustFor(request, tap);
            NoDelaySocketFactory sockets = socketsFor(request, jid, trust);
            XMPPTCPConnectionConfiguration config = configure(request, jid, address, sockets, trust);
            CapturingConnection connection = new CapturingConnection(config, capture);
            prepare(connection, capture, request.connectTimeout());
            try {
                connection.connect();
            } catch (SmackException.EndpointConnectionException e) {
                connection.instantShutdown();
                // A direct TLS handshake fails inside Smack's TCP connect.
                java.util.Optional<SessionException> tlsProblem = TlsFailures.of(e, request, trust);
                if (tlsProblem.isPresent()) throw tlsProblem.get();
                refused.add(reasonOf(e));
                continue;
            } catch (Exception e) {
                connection.instantShutdown();
                throw TlsFailures.of(e, request, trust).orElseGet(() -> classify(e, request, capture));
            }
            return login(connection, config, capture, buffer, request, sockets);
        }
        throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot connect to " + request.host() + ":"
                + request.port() + ": " + String.join("; ", refused.stream().distinct().toList()));
    }

    @Override
    public void register(ConnectRequest request, WireTap tap) throws SessionException, InterruptedException {
        SmackRegistration.register(request, tap);
    }

    /** "Connection refused" rather than Smack's list of endpoint descriptions. */
    private static String reasonOf(SmackException.EndpointConnectionException e) {
        return e.getConnectionExceptions().stream()
                .map(rce -> Failures.describe(rce.getException()))
                .findFirst().orElse(Failures.describe(e));
    }

    private static ActorSession login(CapturingConnection connection, XMPPTCPConnectionConfiguration config,
                                      StreamCapture capture, InboundBuffer buffer, ConnectRequest request,
                                      NoDelaySocketFactory sockets) throws SessionException, InterruptedException {
        try {
            decideSasl(connection, config, request);
            connection.login();
            capture.loginDone();
            return new SmackActorSession(connection, capture, buffer, request.connectTimeout(), sockets.socket());
        } catch (InterruptedException | SessionException e) {
            connection.instantShutdown();
            throw e;
        } catch (Exception e) {
            connection.instantShutdown();
            throw classify(e, request, capture);
        }
    }

    /** Picks the mechanism from the server's offer, or fails with one line naming what it offers. */
    private static void decideSasl(CapturingConnection connection, XMPPTCPConnectionConfiguration config,
                                   ConnectRequest request) throws SessionException {
        Mechanisms offered = connection.getFeature(Mechanisms.class);
        List<String> names = offered == null ? List.of() : offered.getMechanisms();
        SaslPreference.Decision decision = SaslPreference.choose(names, request.sasl(),
                SmackSetup.SaslChoice.isLocal(config));
        if (decision instanceof SaslPreference.Decision.Refused refused) {
            throw new SessionException(SessionException.Kind.AUTHENTICATION, "cannot log in as " + request.jid()
                    + ": " + refused.reason());
        }
        SmackSetup.SaslChoice.decide(config, ((SaslPreference.Decision.Use) decision).mechanism());
    }

    static void prepare(CapturingConnection c, StreamCapture capture, Duration timeout) {
        c.setUseStreamManagement(false);
        c.setUseStreamManagementResumption(false);
        c.setUnknownIqRequestReplyMode(org.jivesoftware.smack.SmackConfiguration.UnknownIqRequestReplyMode.doNotReply);
        // A stanza Smack cannot model must not end the connection: the raw capture has it.
        c.setParsingExceptionCallback(e -> {
        });
        c.setReplyTimeout(timeout.toMillis());
        c.addConnectionListener(capture);
    }

    static XMPPTCPConnectionConfiguration configure(ConnectRequest r, EntityBareJid jid, InetAddress address,
                                                            NoDelaySocketFactory sockets, ObservedTrust trust)
            throws SessionException {
        XMPPTCPConnectionConfiguration.Builder b = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(jid.asDomainBareJid())
                .setHostAddress(address)
                .setPort(r.port())
                .setUsernameAndPassword(jid.getLocalpart().toString(), r.password())
                .setSendPresence(false)
                .setLanguage(Locale.ENGLISH) // stream xml:lang="en": servers copy it onto stanzas (MAM results), never the JVM locale
                .setCompressionEnabled(false)
                .setSocketFactory(sockets)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, r.connectTimeout().toMillis()))
                .addEnabledSaslMechanism(SmackSetup.SaslChoice.names());
        if (r.resource().isPresent()) {
            try {
                b.setResource(r.resource().get());
            } catch (XmppStringprepException e) {
                throw new SessionException(SessionException.Kind.NEGOTIATION,
                        "invalid resource '" + r.resource().get() + "': " + Failures.describe(e));
            }
        }
        TlsSettings tls = r.tls();
        b.setSecurityMode(switch (tls.policy()) {
            case OFF -> SecurityMode.disabled;
            case OPTIONAL -> SecurityMode.ifpossible;
            case REQUIRED -> SecurityMode.required;
            case DIRECT -> SecurityMode.disabled; // TLS is on from the first byte (the socket's): no STARTTLS inside it
        });
        b.setCustomX509TrustManager(trust);
        if (tls.insecure()) b.setHostnameVerifier(INSECURE_NAMES);
        return b.build();
    }

    private static final HostnameVerifier INSECURE_NAMES = (host, session) -> true;

    /** The trust of {@code --insecure}, {@code --trust-cert} or the system, observed; {@code -v} shows what TLS negotiated. */
    static ObservedTrust trustFor(ConnectRequest r, WireTap tap) throws SessionException {
        TlsSettings tls = r.tls();
        X509TrustManager delegate = tls.insecure() ? TlsTrust.trustAll()
                : tls.trustCert().isPresent() ? TlsTrust.trusting(tls.trustCert().get()) : TlsTrust.systemDefault();
        return new ObservedTrust(delegate, negotiated -> tap.wire(r.actor(), Direction.RECEIVED,
                "<!-- TLS " + negotiated + " -->"));
    }

    /** Plain sockets, or for direct TLS sockets that handshake (and check the certificate names the domain) at connect. */
    static NoDelaySocketFactory socketsFor(ConnectRequest r, EntityBareJid jid, ObservedTrust trust)
            throws SessionException {
        if (r.tls().policy() != TlsSettings.TlsPolicy.DIRECT) return new NoDelaySocketFactory();
        // The verifier Smack uses after STARTTLS (its default): the certificate must name the XMPP domain.
        HostnameVerifier names = r.tls().insecure() ? INSECURE_NAMES : new XmppHostnameVerifier();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trust}, null);
            String domain = jid.asDomainBareJid().toString();
            int handshake = (int) Math.min(Integer.MAX_VALUE, r.connectTimeout().toMillis());
            return new NoDelaySocketFactory(new DirectTlsSocket.Spec(context, asciiDomain(domain), names, handshake));
        } catch (GeneralSecurityException e) {
            throw new SessionException(SessionException.Kind.TLS, "cannot set up TLS: " + Failures.describe(e));
        }
    }

    /** The domain as certificates spell it (ACE), as Smack checks it after STARTTLS. */
    private static String asciiDomain(String domain) {
        try {
            return IDN.toASCII(domain);
        } catch (IllegalArgumentException e) {
            return domain;
        }
    }

    static EntityBareJid parseJid(String jid) throws SessionException {
        try {
            return JidCreate.entityBareFrom(jid);
        } catch (XmppStringprepException | RuntimeException e) {
            throw new SessionException(SessionException.Kind.NEGOTIATION, "invalid JID '" + jid + "'");
        }
    }

    /** All addresses of the host; the lookup is bounded by the connect timeout (resolvers can hang). */
    static List<InetAddress> resolve(String host, Duration bound) throws SessionException, InterruptedException {
        // An address literal needs no resolver, so no hand-off to another thread (0.3-0.4 ms a connect).
        if (isAddressLiteral(host)) {
            try {
                return List.of(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                throw new SessionException(SessionException.Kind.UNREACHABLE, "invalid address '" + host + "'");
            }
        }
        Future<InetAddress[]> lookup = RESOLVER.submit(() -> InetAddress.getAllByName(host));
        try {
            return List.of(lookup.get(bound.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot resolve host '" + host + "'");
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new SessionException(SessionException.Kind.UNREACHABLE, "cannot resolve host '" + host
                    + "' within " + Durations.format(bound));
        }
    }

    /**
     * An IPv6 literal (host names have no ':') or a dotted-quad IPv4 literal: forms that
     * {@link InetAddress#getAllByName} parses without asking any resolver.
     */
    static boolean isAddressLiteral(String host) {
        if (host.indexOf(':') >= 0) return true;
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            // Leading zeros are ambiguous (octal?) and the JDK may refuse them as literals.
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return false;
            if (!p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    /** One line naming the stage that failed and the server's reason. */
    static SessionException classify(Exception e, ConnectRequest r, StreamCapture capture) {
        String where = r.host() + ":" + r.port();
        java.util.Optional<String> garbage = capture.notAnXmppStream();
        if (garbage.isPresent()) {
            // Smack would only say "ParseError at [row,col]:[1,1]".
            return new SessionException(SessionException.Kind.NEGOTIATION, "the server at " + where
                    + " did not answer with an XMPP stream; it sent: \"" + garbage.get() + "\"");
        }
        if (e instanceof SASLErrorException sasl) {
            return new SessionException(SessionException.Kind.AUTHENTICATION, "authentication as " + r.jid()
                    + " failed (" + sasl.getMechanism() + "): " + saslFailure(sasl.getSASLFailure()),
                    sasl.getSASLFailure().getSASLErrorString());
        }
        if (e instanceof SmackException.SecurityRequiredException || Failures.causedBy(e, javax.net.ssl.SSLException.class)
                || Failures.causedBy(e, java.security.cert.CertificateException.class)) {
            return new SessionException(SessionException.Kind.TLS, "TLS with " + where + " failed: " + Failures.describe(e));
        }
        if (e instanceof XMPPException.StreamErrorException se) {
            return new SessionException(SessionException.Kind.CLOSED, "the server sent a stream error: "
                    + se.getStreamError().getCondition() + textOf(se));
        }
        if (e instanceof SmackException.NoResponseException) {
            return new SessionException(SessionException.Kind.NEGOTIATION, "no answer from " + where + " within "
                    + Durations.format(r.connectTimeout()) + " during stream negotiation");
        }
        if (e instanceof XMPPException.XMPPErrorException xe) {
            return new SessionException(SessionException.Kind.NEGOTIATION, "resource binding failed: "
                    + xe.getStanzaError().getCondition());
        }
        if (Failures.causedBy(e, java.net.SocketTimeoutException.class) || Failures.causedBy(e, java.net.ConnectException.class)) {
            return new SessionException(SessionException.Kind.UNREACHABLE, "cannot connect to " + where + ": "
                    + Failures.describe(e));
        }
        return new SessionException(SessionException.Kind.NEGOTIATION, "connecting to " + where + " failed: "
                + Failures.describe(e));
    }

    /**
     * The condition and the server's {@code <text/>} when it sent one (jabberd2: "Error
     * authenticating user"); printable and bounded, as it comes from the network. A failure holds
     * no SASL payload (RFC 6120 6.4.5), so nothing here can carry one.
     */
    static String saslFailure(SaslNonza.SASLFailure failure) {
        String condition = Printable.shortLine(failure.getSASLErrorString(), MAX_SERVER_TEXT);
        String text = failure.getDescriptiveText();
        return text == null || text.isBlank() ? condition
                : condition + ": " + Printable.shortLine(text.strip(), MAX_SERVER_TEXT);
    }

    private static String textOf(XMPPException.StreamErrorException se) {
        String text = se.getStreamError().getConditionText();
        return text == null || text.isBlank() ? "" : ": " + text;
    }
}
