package dev.scansion.recorder;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the proxy listens: a loopback address and a port ({@code 127.0.0.1:5223},
 * {@code localhost:5223}, {@code [::1]:5223}). Only loopback: the proxy learns passwords, and test
 * traffic stays on this machine.
 */
public record ListenAddress(InetAddress address, int port) {
    /**
     * Parses {@code HOST:PORT}; an IPv6 literal in brackets. Port 0 picks a free port.
     *
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static ListenAddress parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT (e.g. 127.0.0.1:5223 or [::1]:5223), not '" + text + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("an IPv6 address needs brackets: [" + host + "]:" + s.substring(colon + 1));
        }
        int port = port(s.substring(colon + 1));
        InetAddress address = loopback(host);
        return new ListenAddress(address, port);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("the port must be a number from 0 to 65535, not '" + text + "'");
    }

    /** Only names that are loopback without asking a resolver: address literals and "localhost". */
    private static InetAddress loopback(String host) {
        InetAddress address;
        try {
            address = host.equalsIgnoreCase("localhost") ? InetAddress.getLoopbackAddress()
                    : literal(host) ? InetAddress.getByName(host) : null;
        } catch (UnknownHostException e) {
            address = null;
        }
        if (address == null) {
            throw new IllegalArgumentException("--listen takes a loopback address (127.0.0.1, [::1] or localhost), not '"
                    + host + "'");
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the proxy listens on loopback only (127.0.0.1, [::1]): it learns "
                    + "the clients' passwords; " + host + " is not a loopback address");
        }
        return address;
    }

    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** As typed back to the user: {@code 127.0.0.1:5223}, {@code [::1]:5223}. */
    public String show(int boundPort) {
        String host = address.getHostAddress();
        if (host.indexOf(':') >= 0) host = "[" + (address.isLoopbackAddress() ? "::1" : host) + "]";
        return host + ":" + boundPort;
    }
}
