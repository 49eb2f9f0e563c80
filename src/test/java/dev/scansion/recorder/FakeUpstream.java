package dev.scansion.recorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * A fake server behind the proxy: any password but {@link #WRONG} logs in; a resource not asked for
 * is assigned ("minted-N"); a stanza is delivered to the session whose full JID its {@code to}
 * names, or to every session of the bare JID it names.
 */
final class FakeUpstream implements SessionFactory {
    static final String WRONG = "wrong-pw";
    final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private int minted;

    @Override
    public ActorSession connect(ConnectRequest request, WireTap tap) throws SessionException {
        requests.add(request);
        if (request.password().equals(WRONG)) {
            throw new SessionException(SessionException.Kind.AUTHENTICATION, "authentication as " + request.jid()
                    + " failed (PLAIN): credentials-expired", "credentials-expired");
        }
        String resource = request.resource().orElseGet(this::mint);
        Session s = new Session(request.jid() + "/" + resource);
        sessions.put(s.fullJid(), s);
        return s;
    }

    private synchronized String mint() {
        return "minted-" + ++minted;
    }

    private static final Pattern TO = Pattern.compile("^<[^>]*\\bto=['\"]([^'\"]+)['\"]");

    final class Session extends BufferedFakeSession {
        final List<String> sent = new CopyOnWriteArrayList<>();

        Session(String fullJid) {
            super(fullJid);
        }

        @Override
        public void send(String xml) throws SessionException {
            if (closed) throw new SessionException(SessionException.Kind.CLOSED, "closed");
            sent.add(xml);
            Matcher m = TO.matcher(xml);
            String to = m.find() ? m.group(1) : fullJid;
            for (Session s : sessions.values()) {
                if (!s.closed && (s.fullJid.equals(to) || s.fullJid.startsWith(to + "/"))) {
                    s.buffer.add(new Inbound.Stanza(xml, Instant.now()));
                }
            }
        }

        /** What the server sends of itself. */
        void push(Inbound item) {
            buffer.add(item);
        }

        @Override
        public void disconnect() {
            closed = true;
            sessions.remove(fullJid, this);
            buffer.add(new Inbound.Closed("closed", Instant.now()));
        }

        @Override
        public void abort() {
            disconnect();
        }
    }
}
