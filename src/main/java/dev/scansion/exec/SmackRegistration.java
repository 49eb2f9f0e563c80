package dev.scansion.exec;

import java.net.InetAddress;
import java.util.List;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;

import dev.scansion.text.Durations;
import dev.scansion.text.Printable;

/**
 * In-band registration (XEP-0077) of one account: connect (TLS per policy) without logging in,
 * one {@code jabber:iq:register} set with the user name and password, close. Smack's extensions
 * (its AccountManager) are not a dependency for this one exchange, and the form-less request is what
 * servers that allow registration accept. The wire goes to the tap like any connection's (the run
 * masks the password there).
 */
final class SmackRegistration {
    private static final String NAMESPACE = "jabber:iq:register";
    private static final int MAX_SERVER_TEXT = 200;

    private SmackRegistration() {
    }

    static void register(ConnectRequest request, WireTap tap) throws SessionException, InterruptedException {
        SmackSetup.init();
        EntityBareJid jid = SmackSessionFactory.parseJid(request.jid());
        List<InetAddress> addresses = SmackSessionFactory.resolve(request.host(), request.connectTimeout());
        StreamCapture capture = new StreamCapture(request.actor(), tap, new InboundBuffer());
        ObservedTrust trust = SmackSessionFactory.trustFor(request, tap);
        NoDelaySocketFactory sockets = SmackSessionFactory.socketsFor(request, jid, trust);
        XMPPTCPConnectionConfiguration config = SmackSessionFactory.configure(request, jid, addresses.get(0), sockets,
                trust);
        CapturingConnection connection = new CapturingConnection(config, capture);
        SmackSessionFactory.prepare(connection, capture, request.connectTimeout());
        try {
            connection.connect();
            RegisterIq iq = new RegisterIq(jid.getLocalpart().toString(), request.password());
            // By id: Smack's usual reply filter wants the bound JID, which a stream that never logs in lacks.
            connection.createStanzaCollectorAndSend(new StanzaIdFilter(iq.getStanzaId()), iq)
                    .nextResultOrThrow(request.connectTimeout().toMillis());
        } catch (XMPPException.XMPPErrorException e) {
            throw new SessionException(SessionException.Kind.AUTHENTICATION, "the server refused to register "
                    + request.jid() + " (in-band registration, XEP-0077): " + condition(e.getStanzaError()));
        } catch (SmackException.NoResponseException e) {
            throw new SessionException(SessionException.Kind.NEGOTIATION, "no answer to the registration of "
                    + request.jid() + " within " + Durations.format(request.connectTimeout()));
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw SmackSessionFactory.classify(e, request, capture);
        } finally {
            capture.closingByUs();
            try {
                if (connection.isConnected()) connection.disconnect();
            } catch (RuntimeException e) {
                connection.instantShutdown();
            }
        }
    }

    /** {@code not-allowed: Registration is disabled}: the condition, and the server's text when it sent one. */
    private static String condition(StanzaError error) {
        String text = error.getDescriptiveText();
        String condition = error.getCondition().toString();
        return text == null || text.isBlank() ? condition
                : condition + ": " + Printable.shortLine(text.strip(), MAX_SERVER_TEXT);
    }

    /** {@code <query xmlns='jabber:iq:register'><username/><password/></query>}, type set, to the server. */
    private static final class RegisterIq extends IQ {
        private final String username;
        private final String password;

        RegisterIq(String username, String password) {
            super("query", NAMESPACE);
            this.username = username;
            this.password = password;
            setType(Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.rightAngleBracket();
            xml.element("username", username);
            xml.element("password", password);
            return xml;
        }
    }
}
