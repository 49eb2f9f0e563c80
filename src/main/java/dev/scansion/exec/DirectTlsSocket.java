package dev.scansion.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.security.cert.CertificateException;
import java.util.List;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * A socket that speaks TLS from the first byte (XEP-0368 direct TLS). Smack creates a socket,
 * connects it, then only reads and writes its streams; STARTTLS is off for such a connection.
 * So the TLS layer is put on in {@link #connect}: TCP connect (TCP_NODELAY, as every socket of
 * ours), handshake with the XMPP domain as SNI, and the same host-name check Smack does after
 * STARTTLS (the certificate must name the XMPP domain, not the host connected to). A failure
 * is an {@link IOException} from connect, carrying the TLS cause.
 */
final class DirectTlsSocket extends Socket {
    /** What a direct TLS connection needs: the context (with our trust manager), the domain, the host-name check. */
    record Spec(SSLContext context, String domain, HostnameVerifier verifier, int handshakeTimeoutMillis) {
    }

    private final Spec spec;
    private final Socket plain = new Socket();
    private volatile SSLSocket tls;

    DirectTlsSocket(Spec spec) throws SocketException {
        this.spec = spec;
        plain.setTcpNoDelay(true);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        plain.connect(endpoint, timeout);
        int port = endpoint instanceof InetSocketAddress isa ? isa.getPort() : plain.getPort();
        SSLSocket s = (SSLSocket) spec.context().getSocketFactory().createSocket(plain, spec.domain(), port, true);
        tls = s;
        SSLParameters parameters = s.getSSLParameters();
        try {
            parameters.setServerNames(List.of(new SNIHostName(spec.domain())));
        } catch (IllegalArgumentException notADnsName) {
            // No SNI for a domain that is not a DNS name; the host-name check below still applies.
        }
        s.setSSLParameters(parameters);
        s.setSoTimeout(spec.handshakeTimeoutMillis());
        s.startHandshake();
        s.setSoTimeout(0);
        if (!spec.verifier().verify(spec.domain(), s.getSession())) {
            SSLPeerUnverifiedException e = new SSLPeerUnverifiedException(
                    "Hostname verification of certificate failed. Certificate does not authenticate " + spec.domain());
            e.initCause(new CertificateException(e.getMessage()));
            throw e;
        }
    }

    private Socket stream() throws SocketException {
        Socket s = tls;
        if (s == null) throw new SocketException("not connected");
        return s;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return stream().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return stream().getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
        Socket s = tls;
        try {
            if (s != null) s.close();
        } finally {
            plain.close();
        }
    }

    @Override
    public boolean isConnected() {
        return plain.isConnected();
    }

    @Override
    public boolean isBound() {
        return plain.isBound();
    }

    @Override
    public boolean isClosed() {
        return plain.isClosed();
    }

    @Override
    public InetAddress getInetAddress() {
        return plain.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return plain.getLocalAddress();
    }

    @Override
    public int getPort() {
        return plain.getPort();
    }

    @Override
    public int getLocalPort() {
        return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return plain.getLocalSocketAddress();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        Socket s = tls;
        (s != null ? s : plain).setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
        Socket s = tls;
        return (s != null ? s : plain).getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        plain.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return plain.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        plain.setKeepAlive(on);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        plain.setSoLinger(on, linger);
    }

    @Override
    public void shutdownInput() throws IOException {
        stream().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        stream().shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
        return plain.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return plain.isOutputShutdown();
    }

    @Override
    public String toString() {
        return "DirectTlsSocket[" + plain + "]";
    }
}
