package dev.scansion.exec;

/** How cross-actor order is kept ({@code --order}; see {@code SendOrder}). */
public enum OrderMode {
    /** The socket table, unless the socket seen there may not be the server's (a proxy): then pause. */
    AUTO,
    /** Watch the server's end of each connection in the kernel's socket table (a server on this machine). */
    SOCKET_TABLE,
    /** Pause {@code --settle} after each send, counted from the write; the socket table is not read. */
    PAUSE
}
