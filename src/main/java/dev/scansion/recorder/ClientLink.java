package dev.scansion.recorder;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

/**
 * One client's socket: a reader for the client's thread, writes from any thread (one at a time,
 * each element whole), and the switch to TLS after {@code <proceed/>}.
 */
final class ClientLink implements AutoCloseable {
    private final Socket plain;
    private final String peer;
    private volatile Socket socket;
    private Reader reader;
    private OutputStream out;
    private boolean secured;

    ClientLink(Socket socket) throws IOException {
        this.plain = socket;
        this.socket = socket;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        socket.setTcpNoDelay(true);
        this.reader = new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8);
        this.out = socket.getOutputStream();
    }

    /** The client's address and port, for messages. */
    String peer() {
        return peer;
    }

    /** Characters read into {@code buffer}, -1 at the end of the stream; only the client's own thread reads. */
    int read(char[] buffer) throws IOException {
        return reader.read(buffer, 0, buffer.length);
    }

    /** Writes one element (or header, or closing tag) whole. */
    synchronized void write(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** How long a read may wait; zero for ever. */
    void readTimeout(Duration bound) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
    }

    /** TLS from here on, with the proxy's certificate; the handshake is bounded by {@code bound}. */
    synchronized void startTls(ProxyCertificate certificate, Duration bound) throws IOException {
        SSLSocket tls = certificate.wrap(plain);
        tls.setSoTimeout((int) Math.min(Integer.MAX_VALUE, bound.toMillis()));
        socket = tls;
        tls.startHandshake();
        reader = new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8);
        out = tls.getOutputStream();
        secured = true;
    }

    synchronized boolean secured() {
        return secured;
    }

    /** Closes the connection; a read or write blocked on another thread then fails. Never throws. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            plain.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
