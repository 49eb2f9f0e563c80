package dev.scansion.exec;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import dev.scansion.script.TagFilter;

/**
 * How to run scripts; built from command-line options or by an embedding program.
 *
 * @param host           overrides the connect host of every actor
 * @param port           overrides the connect port of every actor
 * @param receiveTimeout how long one {@code receives} waits for its stanzas (default 5 s)
 * @param nothingWait    the quiet window of {@code receives: nothing} (default 500 ms)
 * @param connectTimeout bound on TCP connect and on each stage of stream negotiation, and on
 *                       waiting for the server's closing tag at disconnect (default 10 s)
 * @param settle         after an actor's send, how long before another actor's connection acts, so
 *                       the server handles them in the script's order: from when a local server
 *                       has read the send, else from the send; at most 1 ms after the read for a
 *                       server that handles reads in order unless given explicitly (see {@code SendOrder};
 *                       default 10 ms)
 * @param settleGiven    whether {@code settle} was given explicitly ({@link #withSettle}): then it is
 *                       waited in full after the read too, against any server
 * @param order          how cross-actor order is kept: {@link OrderMode#AUTO} (default), the socket
 *                       table, or a pause after each send
 * @param receiveMode    skip (default) or next
 * @param tls            TLS policy and trust
 * @param strictCaptures later occurrences of a capture name must equal the first value
 * @param tags           which scripts to run, by header tags
 * @param sasl           the SASL mechanism every actor logs in with; empty to pick from what the
 *                       server offers (language doc §4)
 * @param failFast       after the first script that fails or errs, the rest are not run
 *                       ({@code ScriptOutcome.NotRun}, reported as skipped)
 * @param isolate        each script runs with its own names: account, room and node names get a
 *                       suffix unique to that run ({@code isolate.Isolator}), so that runs at the same
 *                       time against one server do not meet; results show the script's own names
 * @param register       with {@code isolate}: each account of a script is created by in-band
 *                       registration before it runs and removed after it ({@code InBandRegistration})
 * @param jobs           how many scripts {@link ScriptRunner#run} keeps in flight at once (1 to
 *                       {@link #MAX_JOBS}; default 1: one after another)
 */
public record RunConfig(Optional<String> host, Optional<Integer> port, Duration receiveTimeout,
                        Duration nothingWait, Duration connectTimeout, Duration settle, ReceiveMode receiveMode,
                        TlsSettings tls, boolean strictCaptures, TagFilter tags,
                        Optional<SaslMechanism> sasl, boolean settleGiven, OrderMode order,
                        boolean failFast, boolean isolate, boolean register, int jobs) {
    public RunConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(port);
        Objects.requireNonNull(receiveMode);
        Objects.requireNonNull(tls);
        Objects.requireNonNull(tags);
        Objects.requireNonNull(sasl);
        Objects.requireNonNull(order);
        requirePositive(receiveTimeout, "receive timeout");
        requireNotNegative(nothingWait, "nothing wait");
        requirePositive(connectTimeout, "connect timeout");
        requireNotNegative(settle, "settle");
        if (jobs < 1 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("jobs must be between 1 and " + MAX_JOBS + ", not " + jobs);
        }
    }

    /** The most scripts in flight at once: each holds its actors' connections and a thread. */
    public static final int MAX_JOBS = 64;

    public static RunConfig defaults() {
        return new RunConfig(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), Duration.ofMillis(500),
                Duration.ofSeconds(10), Duration.ofMillis(10), ReceiveMode.SKIP, TlsSettings.DEFAULT, false,
                TagFilter.ALL, Optional.empty(), false, OrderMode.AUTO, false, false, false, 1);
    }

    public RunConfig withHost(String h) {
        return new RunConfig(Optional.ofNullable(h), port, receiveTimeout, nothingWait, connectTimeout, settle,
                receiveMode, tls, strictCaptures, tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withPort(Integer p) {
        return new RunConfig(host, Optional.ofNullable(p), receiveTimeout, nothingWait, connectTimeout, settle,
                receiveMode, tls, strictCaptures, tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withReceiveTimeout(Duration d) {
        return new RunConfig(host, port, d, nothingWait, connectTimeout, settle, receiveMode, tls, strictCaptures,
                tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withNothingWait(Duration d) {
        return new RunConfig(host, port, receiveTimeout, d, connectTimeout, settle, receiveMode, tls, strictCaptures,
                tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withConnectTimeout(Duration d) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, d, settle, receiveMode, tls, strictCaptures,
                tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withSettle(Duration d) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, d, receiveMode, tls,
                strictCaptures, tags, sasl, true, order, failFast, isolate, register, jobs);
    }

    public RunConfig withReceiveMode(ReceiveMode m) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, m, tls, strictCaptures,
                tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withTls(TlsSettings t) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, t,
                strictCaptures, tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withStrictCaptures(boolean s) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls, s,
                tags, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withTags(TagFilter t) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, t, sasl, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withSasl(Optional<SaslMechanism> m) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, m, settleGiven, order, failFast, isolate, register, jobs);
    }

    public RunConfig withOrder(OrderMode o) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, sasl, settleGiven, o, failFast, isolate, register, jobs);
    }

    public RunConfig withFailFast(boolean f) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, sasl, settleGiven, order, f, isolate, register, jobs);
    }

    public RunConfig withIsolate(boolean i) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, sasl, settleGiven, order, failFast, i, register, jobs);
    }

    public RunConfig withRegister(boolean r) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, sasl, settleGiven, order, failFast, isolate, r, jobs);
    }

    public RunConfig withJobs(int j) {
        return new RunConfig(host, port, receiveTimeout, nothingWait, connectTimeout, settle, receiveMode, tls,
                strictCaptures, tags, sasl, settleGiven, order, failFast, isolate, register, j);
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive");
    }

    private static void requireNotNegative(Duration d, String what) {
        if (d == null || d.isNegative()) throw new IllegalArgumentException(what + " must not be negative");
    }
}
