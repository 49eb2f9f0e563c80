package dev.scansion.exec;

import java.io.IOException;
import java.io.Reader;

/** Passes every character read from the socket to a sink, on the reading thread, in order. */
final class TeeReader extends Reader {
    /** Must never throw: an exception on the reader thread would kill the connection. */
    interface Sink {
        void accept(char[] chars, int offset, int length);
    }

    private final Reader in;
    private final Sink sink;

    TeeReader(Reader in, Sink sink) {
        this.in = in;
        this.sink = sink;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n > 0) sink.accept(buf, off, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        int c = in.read();
        if (c >= 0) sink.accept(new char[]{(char) c}, 0, 1);
        return c;
    }

    @Override
    public boolean ready() throws IOException {
        return in.ready();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
