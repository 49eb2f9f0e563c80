package dev.scansion.exec;

import java.io.IOException;
import java.io.Writer;

/**
 * Counts the characters written to the socket and those flushed, so that a send can wait until
 * its bytes have left the process; also passes them to a sink for the trace.
 */
final class TrackingWriter extends Writer {
    private final Writer out;
    private final TeeReader.Sink sink;
    private long written;
    private long flushed;
    private boolean failed;

    TrackingWriter(Writer out, TeeReader.Sink sink) {
        this.out = out;
        this.sink = sink;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        out.write(buf, off, len);
        sink.accept(buf, off, len);
        count(len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        out.write(s, off, len);
        sink.accept(s.substring(off, off + len).toCharArray(), 0, len);
        count(len);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
        sink.accept(new char[]{(char) c}, 0, 1);
        count(1);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            markFailed();
            throw e;
        }
        synchronized (this) {
            flushed = written;
            notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        markFailed();
        out.close();
    }

    synchronized long written() {
        return written;
    }

    /** Waits until {@code target} characters have been flushed; false on timeout or a failed socket. */
    synchronized boolean awaitFlushed(long target, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (flushed < target && !failed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return flushed >= target;
    }

    /** Wakes waiters when the connection is gone. */
    synchronized void markFailed() {
        failed = true;
        notifyAll();
    }

    private synchronized void count(int len) {
        written += len;
    }
}
