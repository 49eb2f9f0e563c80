package dev.scansion.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The graceful closes at the end of a script, run together and bounded by one deadline: each
 * waits for the server's closing tag up to the connect timeout, so one after another they would
 * take (actors + 1) connect timeouts against a server that never answers.
 */
final class FinalDisconnects {
    /** Closes at once at most; beyond, they queue (a thousand actors need no thousand threads). */
    static final int PARALLEL = 16;

    private FinalDisconnects() {
    }

    /** Disconnects every session; those not done by {@code deadline} (nanoTime) are aborted. */
    static void closeAll(List<ActorSession> sessions, long deadline) {
        if (sessions.isEmpty()) return;
        if (sessions.size() == 1) {
            // Smack's own wait is bounded by the connect timeout: no thread needed.
            sessions.get(0).disconnect();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, sessions.size()), r -> {
            Thread t = new Thread(r, "scansion-close");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> closes = new ArrayList<>();
        for (ActorSession s : sessions) closes.add(pool.submit(s::disconnect));
        pool.shutdown();
        for (int i = 0; i < sessions.size(); i++) {
            try {
                closes.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                closes.get(i).cancel(true);
                sessions.get(i).abort();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sessions.get(i).abort();
            } catch (Exception e) {
                sessions.get(i).abort(); // disconnect never throws; abort is the safe end anyway
            }
        }
        pool.shutdownNow();
    }
}
