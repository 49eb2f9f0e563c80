package dev.scansion.recorder;

import java.io.IOException;
import java.util.Optional;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.SessionException;
import dev.scansion.wire.XmppNamespaces;

/**
 * The server side of a client's stream up to binding: features, STARTTLS, SASL PLAIN (the
 * credentials are tried upstream at once: a refusal is the client's SASL failure, with the server's
 * condition), resource binding, and the legacy session IQ answered here. Nothing of it is recorded.
 */
final class Negotiation {
    /** SASL attempts a client gets before its stream is ended. */
    static final int MAX_ATTEMPTS = 3;

    private enum Stage { BEFORE_TLS, BEFORE_AUTH, BEFORE_BIND }

    private final ClientSession client;
    private final ProxySettings settings;
    private Stage stage;
    private String domain;
    private int attempts;

    Negotiation(ClientSession client, ProxySettings settings) {
        this.client = client;
        this.settings = settings;
        this.stage = settings.tls() == ClientTls.OFF ? Stage.BEFORE_AUTH : Stage.BEFORE_TLS;
    }

    /** A stream header (the first, or a restart) naming {@code to}: our header and the features of this stage. */
    void opened(String to) throws IOException {
        if (domain != null && !domain.equalsIgnoreCase(to)) {
            client.fail("host-unknown", "the restarted stream names another domain");
            return;
        }
        domain = to;
        client.writeHeader(domain, switch (stage) {
            case BEFORE_TLS -> ProxyXml.featuresBeforeTls(settings.tls() == ClientTls.REQUIRED);
            case BEFORE_AUTH -> ProxyXml.featuresSasl();
            case BEFORE_BIND -> ProxyXml.featuresBind();
        });
    }

    void element(String xml) throws IOException, InterruptedException {
        Optional<ClientElement> parsed = ClientElement.parse(xml);
        if (parsed.isEmpty() || domain == null) {
            client.fail("not-well-formed", "not an XMPP stream: an element that is not well-formed XML");
            return;
        }
        ClientElement e = parsed.get();
        if (e.is("starttls", ProxyXml.TLS) && stage == Stage.BEFORE_TLS) startTls();
        else if (e.is("auth", ProxyXml.SASL) && stage != Stage.BEFORE_BIND) authenticate(e);
        else if (e.is("abort", ProxyXml.SASL) && stage != Stage.BEFORE_BIND) {
            client.link().write(ProxyXml.saslFailure("aborted"));
        } else if (e.is("iq", XmppNamespaces.CLIENT) && stage == Stage.BEFORE_BIND
                && e.child("bind", ProxyXml.BIND).isPresent()) {
            bind(e);
        } else {
            client.fail("not-authorized", "<" + e.element().getLocalName() + "> before the stream was "
                    + (stage == Stage.BEFORE_BIND ? "bound" : "authenticated"));
        }
    }

    private void startTls() throws IOException {
        client.link().write(ProxyXml.PROCEED);
        try {
            client.link().startTls(settings.certificate().orElseThrow(), settings.negotiationTimeout());
        } catch (IOException e) {
            // Most often the client does not trust the proxy's certificate (see --listen-cert).
            client.proxy().listener().problem(client.number(), client.link().peer(), "TLS with the client failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            client.end(ClientSession.Ending.FAILED, "TLS failed");
            return;
        }
        client.restartAfterTls();
        stage = Stage.BEFORE_AUTH;
    }

    private void authenticate(ClientElement auth) throws IOException, InterruptedException {
        if (stage == Stage.BEFORE_TLS && settings.tls() == ClientTls.REQUIRED) {
            client.link().write(ProxyXml.saslFailure("encryption-required"));
            return;
        }
        if (++attempts > MAX_ATTEMPTS) {
            client.fail("policy-violation", "more than " + MAX_ATTEMPTS + " SASL attempts");
            return;
        }
        if (!"PLAIN".equals(auth.attribute("mechanism"))) {
            client.link().write(ProxyXml.saslFailure("invalid-mechanism"));
            return;
        }
        SaslPlain.Parsed parsed = SaslPlain.parse(auth.text());
        if (parsed instanceof SaslPlain.Refused r) {
            client.link().write(ProxyXml.saslFailure(r.condition()));
            return;
        }
        SaslPlain plain = ((SaslPlain.Ok) parsed).plain();
        String account = plain.account(domain);
        if (!plain.authzid().isEmpty() && !plain.authzid().equals(account)) {
            // Logging in as one user on behalf of another cannot be replayed by a script's actor.
            client.link().write(ProxyXml.saslFailure("invalid-authzid"));
            return;
        }
        try {
            Upstream u = Upstream.login(client.proxy().sessions(), settings.upstream(), "client " + client.number(),
                    account, plain.password());
            client.link().write(ProxyXml.SUCCESS);
            client.authenticated(u);
            stage = Stage.BEFORE_BIND;
        } catch (SessionException e) {
            client.proxy().listener().refused(client.number(), account, e.getMessage());
            client.link().write(ProxyXml.saslFailure(ClientSession.saslCondition(e)));
        }
    }

    private void bind(ClientElement iq) throws IOException, InterruptedException {
        String id = iq.attribute("id");
        Optional<String> resource = iq.child("bind", ProxyXml.BIND).flatMap(b -> b.child("resource", ProxyXml.BIND))
                .map(r -> r.text().strip()).filter(r -> !r.isEmpty());
        Upstream upstream = client.upstream().orElseThrow();
        ActorSession session;
        try {
            session = upstream.bind(resource);
        } catch (SessionException e) {
            client.proxy().listener().problem(client.number(), client.link().peer(), "binding failed: " + e.getMessage());
            client.link().write(ProxyXml.iqError(id, "internal-server-error", e.getMessage()));
            return;
        }
        client.bound(session, resource, id);
    }

    /** The legacy session IQ (RFC 3921): answered here, as the proxy offered it; not recorded. */
    boolean sessionIq(String xml) throws IOException {
        if (!xml.startsWith("<iq") || !xml.contains(ProxyXml.SESSION)) return false;
        Optional<ClientElement> e = ClientElement.parse(xml);
        if (e.isEmpty() || !"set".equals(e.get().attribute("type"))
                || e.get().child("session", ProxyXml.SESSION).isEmpty()) {
            return false;
        }
        client.link().write(ProxyXml.result(e.get().attribute("id")));
        return true;
    }
}
