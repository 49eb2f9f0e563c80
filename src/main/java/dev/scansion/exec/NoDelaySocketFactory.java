package dev.scansion.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * Sockets with TCP_NODELAY. Without it, Nagle's algorithm holds an actor's second small write
 * until the server acknowledges the first (tens of milliseconds with delayed ACKs), so a
 * "flushed" stanza may not have left the machine and another actor's later send overtakes it.
 */
final class NoDelaySocketFactory extends SocketFactory {
    private final DirectTlsSocket.Spec directTls;
    private volatile Socket last;

    /** Plain sockets (STARTTLS, if any, is Smack's). */
    NoDelaySocketFactory() {
        this(null);
    }

    /** Sockets that speak TLS from the first byte; {@code null} for plain ones. */
    NoDelaySocketFactory(DirectTlsSocket.Spec directTls) {
        this.directTls = directTls;
    }

    /** What Smack calls: an unconnected socket, which it then connects. */
    @Override
    public Socket createSocket() throws IOException {
        Socket s;
        if (directTls != null) {
            s = new DirectTlsSocket(directTls);
        } else {
            s = new Socket();
            s.setTcpNoDelay(true);
        }
        last = s;
        return s;
    }

    /** The socket created last (one factory serves one connection). */
    Socket socket() {
        return last;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(new Socket(address, port, localAddress, localPort));
    }

    private Socket configure(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        last = s;
        return s;
    }
}
