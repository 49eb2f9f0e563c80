package dev.scansion.report;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.scansion.exec.ActorSession;
import dev.scansion.exec.BufferedFakeSession;
import dev.scansion.exec.ConnectRequest;
import dev.scansion.exec.Inbound;
import dev.scansion.exec.SessionException;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.WireTap;

/**
 * A tiny in-memory "server" for report and engine tests: a stanza with a {@code to} is delivered,
 * with {@code from} set to the sender's full JID, to every session of that (bare or full) JID; a
 * stanza without {@code to} comes straight back to its sender. Port 1 is unreachable and the
 * password {@code wrong} fails authentication. Public with a no-argument constructor so the
 * JUnit engine can load it through {@code scansion.session-factory}.
 */
public final class FakeServer implements SessionFactory {
    private static final Pattern TOP = Pattern.compile("^\\s*<([\\w:.-]+)([^>]*?)(/?)>", Pattern.DOTALL);
    private static final Pattern TO = Pattern.compile("\\sto\\s*=\\s*(['\"])(.*?)\\1", Pattern.DOTALL);

    /** Every element in order: "Romeo sent ...", "Juliet got ...". */
    public final List<String> log = new CopyOnWriteArrayList<>();
    /** Every connect request (passwords included: tests check they never reach a report). */
    public final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        requests.add(request);
        if (request.port() == 1) {
            throw new SessionException(SessionException.Kind.UNREACHABLE,
                    "cannot connect to " + request.host() + ":1: Connection refused");
        }
        if (request.password().equals("wrong")) {
            throw new SessionException(SessionException.Kind.AUTHENTICATION, "not-authorized");
        }
        String full = request.jid() + "/" + request.resource().orElse("fake" + requests.size());
        Session s = new Session(request.actor(), full);
        sessions.add(s);
        return s;
    }

    private void route(Session from, String xml) {
        Matcher top = TOP.matcher(xml);
        Matcher to = top.find() ? TO.matcher(top.group(2)) : null;
        if (to == null || !to.find()) {
            from.deliver(xml);
            return;
        }
        String target = to.group(2);
        String stamped = top.group(2).matches("(?s).*\\sfrom\\s*=.*") ? xml
                : xml.substring(0, top.end(1)) + " from='" + from.fullJid() + "'" + xml.substring(top.end(1));
        for (Session s : sessions) {
            if (!s.isClosed() && (s.fullJid().equals(target) || s.fullJid().startsWith(target + "/"))) s.deliver(stamped);
        }
    }

    private final class Session extends BufferedFakeSession {
        final String actor;

        Session(String actor, String fullJid) {
            super(fullJid);
            this.actor = actor;
        }

        void deliver(String xml) {
            log.add(actor + " got " + xml);
            buffer.add(new Inbound.Stanza(xml, Instant.now()));
        }

        @Override
        public void send(String xml) throws SessionException {
            if (closed) throw new SessionException(SessionException.Kind.CLOSED, "disconnected");
            log.add(actor + " sent " + xml);
            route(this, xml);
        }

        @Override
        public void disconnect() {
            closed = true;
        }
    }
}
