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
    private volatile Socket last;

    @Override
    public Socket createSocket() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
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
