package dev.scansion.recorder;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.scansion.author.Conversation;
import dev.scansion.exec.SessionFactory;

/**
 * The recording proxy: accepts clients on a loopback address, runs a {@link ClientSession} for
 * each, and keeps one {@link Recording}. It runs until {@link #stop}; {@link #awaitFinished} tells
 * when {@code --once} may stop (every client that connected has gone, after at least one was
 * bound) or the recording is full. Threads: one accepting, and per client one reading it and,
 * once bound, one relaying the server's stanzas; {@link #stop} ends and joins them all.
 */
public final class RecordingProxy implements AutoCloseable {
    private final ProxySettings settings;
    private final SessionFactory sessions;
    private final ProxyListener listener;
    private final Recording recording = new Recording();
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<ClientSession> clients = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** Held while a client's stanza is recorded, sent and read by the server. */
    private final java.util.concurrent.locks.Lock sendOrder = new java.util.concurrent.locks.ReentrantLock(true);
    private final boolean once;
    private volatile boolean stopping;
    private volatile boolean full;
    private int accepted;

    private RecordingProxy(ProxySettings settings, SessionFactory sessions, ProxyListener listener, boolean once,
                           ServerSocket server) {
        this.settings = settings;
        this.sessions = sessions;
        this.listener = listener;
        this.once = once;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "scansion-record-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens and starts accepting.
     *
     * @param once whether {@link #awaitFinished} returns once every client has gone
     * @throws IOException with a one-line reason, e.g. the port is in use
     */
    public static RecordingProxy start(ProxySettings settings, SessionFactory sessions, ProxyListener listener,
                                       boolean once) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(settings.listen().address(), settings.listen().port()), 50);
        } catch (BindException e) {
            server.close();
            throw new IOException("cannot listen on " + settings.listen().show(settings.listen().port()) + ": "
                    + (e.getMessage() == null ? "address in use" : e.getMessage().toLowerCase(java.util.Locale.ROOT)), e);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + settings.listen().show(settings.listen().port()) + ": "
                    + e.getMessage(), e);
        }
        RecordingProxy proxy = new RecordingProxy(settings, sessions, listener, once, server);
        proxy.acceptor.start();
        return proxy;
    }

    /** The port clients connect to (the one picked, for port 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** Where clients connect, as the user types it. */
    public String address() {
        return settings.listen().show(port());
    }

    /** Waits until {@code --once} may stop, the recording is full, or {@link #stop}; true when one of them happened. */
    public boolean awaitFinished(Duration bound) throws InterruptedException {
        return finished.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until {@code --once} may stop, the recording is full, or {@link #stop}. */
    public void awaitFinished() throws InterruptedException {
        finished.await();
    }

    /** Whether the recording reached its bounds (then nothing more was recorded). */
    public boolean full() {
        return full;
    }

    /** What was recorded so far (all of it after {@link #stop}). */
    public Conversation conversation() {
        return recording.conversation();
    }

    /**
     * Stops: no new client, every client's session ended (recorded as a disconnect, closed upstream,
     * the client's stream closed), every thread joined. Idempotent; bounded by the connect timeout.
     */
    public void stop() throws InterruptedException {
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (ClientSession c : List.copyOf(clients)) c.end(ClientSession.Ending.STOPPED, "the proxy stopped");
        Duration bound = settings.upstream().connectTimeout().plusSeconds(1);
        long deadline = System.nanoTime() + bound.toNanos();
        acceptor.join(bound.toMillis());
        for (Thread t : List.copyOf(threads)) t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        finished.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The threads still alive (none after {@link #stop}), for tests. */
    List<Thread> liveThreads() {
        List<Thread> live = new ArrayList<>();
        if (acceptor.isAlive()) live.add(acceptor);
        threads.stream().filter(Thread::isAlive).forEach(live::add);
        return live;
    }

    ProxySettings settings() {
        return settings;
    }

    SessionFactory sessions() {
        return sessions;
    }

    ProxyListener listener() {
        return listener;
    }

    Recording recording() {
        return recording;
    }

    java.util.concurrent.locks.Lock sendOrder() {
        return sendOrder;
    }

    /** Nothing more can be recorded: the proxy finishes. */
    void recordingFull() {
        full = true;
        finished.countDown();
    }

    /** A client's session ended (called once per client). */
    void ended(ClientSession client) {
        clients.remove(client);
        if (once && clients.isEmpty() && recording.connectionCount() > 0) finished.countDown();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed by stop()
            }
            accept(socket);
        }
    }

    private void accept(Socket socket) {
        int number = ++accepted;
        ClientLink link;
        try {
            link = new ClientLink(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        if (stopping || clients.size() >= settings.maxClients()) {
            refuse(number, link);
            return;
        }
        ClientSession client = new ClientSession(number, link, this);
        clients.add(client);
        Thread t = new Thread(() -> {
            try {
                client.run();
                client.awaitRelay(settings.upstream().connectTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, "scansion-record-client-" + number);
        t.setDaemon(true);
        threads.add(t);
        if (stopping) client.end(ClientSession.Ending.STOPPED, "the proxy stopped");
        t.start();
    }

    /** Too many clients at once: a stream error, on this thread (the write is small, the socket fresh). */
    private void refuse(int number, ClientLink link) {
        listener.problem(number, link.peer(), "more than " + settings.maxClients() + " clients at once");
        try {
            link.write(ProxyXml.header("") + ProxyXml.streamError("resource-constraint",
                    Optional.of("the recording proxy takes at most " + settings.maxClients() + " clients at once")));
        } catch (IOException e) {
            // gone already
        }
        link.close();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
