package dev.scansion.recorder;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client that writes what a test says and collects what the proxy answers, byte by byte. */
final class RawClient implements AutoCloseable {
    static final String OPEN = "<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
            + "xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";

    private final Socket socket;
    private final StringBuilder received = new StringBuilder();
    private boolean eof;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5000);
    }

    void write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads until {@code needle} has arrived (everything read so far is returned); fails after 5 s. */
    String readUntil(String needle) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        while (received.indexOf(needle) < 0) {
            int n = in.read(buf);
            if (n < 0) {
                eof = true;
                throw new IOException("closed before '" + needle + "'; got: " + received);
            }
            received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return received.toString();
    }

    /** Reads until the proxy closes the connection; what arrived in all. */
    String readToEnd() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        try {
            while (!eof) {
                int n = in.read(buf);
                if (n < 0) eof = true;
                else received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the proxy did not close the connection; got: " + received, e);
        }
        return received.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
