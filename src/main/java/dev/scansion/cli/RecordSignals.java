package dev.scansion.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code record}'s signals. Ctrl-C (SIGINT) or SIGTERM is how a recording ends, so the first one
 * only stops the proxy: the command then finishes as it would with {@code --once} (writes the
 * script, verifies it, exits with its own status). A second one exits at once with the signal's
 * status (130, 143); the script is written whole or not at all, so nothing half-written is left.
 * Where the JVM does not let a program handle these signals ({@code -Xrs}, a platform without
 * them), {@link StopOnSignal}'s shutdown hook is used instead: the script is still written.
 */
final class RecordSignals implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AutoCloseable fallback;

    private RecordSignals(AutoCloseable fallback) {
        this.fallback = fallback;
    }

    /** Handles SIGINT and SIGTERM until {@link #close}: the first runs {@code stop}, a second exits. */
    static RecordSignals install(Runnable stop, Duration grace) {
        AtomicBoolean stopping = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (stopping.compareAndSet(false, true)) {
                new Thread(stop, "scansion-record-stop").start();
            } else {
                System.exit(128 + signal.getNumber());
            }
        };
        RecordSignals installed = new RecordSignals(null);
        try {
            for (String name : SIGNALS) {
                Signal signal = new Signal(name);
                installed.previous.add(Signal.handle(signal, handler));
                installed.signals.add(signal);
            }
            return installed;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            installed.close();
            return new RecordSignals(StopOnSignal.install(stop, grace));
        }
    }

    /** The signals' earlier handlers are back (the JVM's: exit with the signal's status). */
    @Override
    public void close() {
        if (fallback != null) {
            try {
                fallback.close();
            } catch (Exception e) {
                // StopOnSignal.close does not throw
            }
            return;
        }
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
        signals.clear();
        previous.clear();
    }
}
