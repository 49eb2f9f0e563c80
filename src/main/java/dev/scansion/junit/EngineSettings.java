package dev.scansion.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

import dev.scansion.exec.OrderMode;
import dev.scansion.exec.ReceiveMode;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SaslMechanism;
import dev.scansion.exec.SessionFactory;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.exec.TlsSettings;
import dev.scansion.exec.TlsSettings.TlsPolicy;
import dev.scansion.exec.TrustCertFile;
import dev.scansion.text.Durations;

/**
 * The engine's configuration parameters ({@code junit-platform.properties}, {@code -D} system
 * properties, or the launcher's own parameters), with the same meaning and defaults as the
 * options of {@code scansion run}. A bad value stops the engine with a message naming the key.
 * See docs/junit-engine.md.
 */
record EngineSettings(RunConfig config, PrintTranscript printTranscript, Optional<Path> transcripts,
                      Optional<String> sessionFactory, CiSettings ci,
                      Optional<Path> html) {
    static final String PREFIX = "scansion.";
    static final String HOST = PREFIX + "host";
    static final String PORT = PREFIX + "port";
    static final String TIMEOUT = PREFIX + "timeout";
    static final String NOTHING_WAIT = PREFIX + "nothing-wait";
    static final String CONNECT_TIMEOUT = PREFIX + "connect-timeout";
    static final String SETTLE = PREFIX + "settle";
    static final String ORDER = PREFIX + "order";
    static final String RECEIVE_MODE = PREFIX + "receive-mode";
    static final String STRICT_CAPTURES = PREFIX + "strict-captures";
    static final String TLS = PREFIX + "tls";
    static final String INSECURE = PREFIX + "insecure";
    static final String TRUST_CERT = PREFIX + "trust-cert";
    static final String SASL = PREFIX + "sasl";
    static final String PRINT_TRANSCRIPT = PREFIX + "print-transcript";
    static final String TRANSCRIPTS = PREFIX + "transcripts";
    static final String SESSION_FACTORY = PREFIX + "session-factory";
    /** Run each script isolated (its own names); not set: on when scripts run concurrently (jobs > 1). */
    static final String ISOLATE = PREFIX + "isolate";
    /** With isolation: create each script's accounts by in-band registration and remove them after it. */
    static final String REGISTER = PREFIX + "register";
    /** A directory for the HTML report of every script the engine ran, written when the engine finishes. */
    static final String HTML = PREFIX + "html";
    /** How many scripts in flight at once (1..64); more than one runs them concurrently. */
    static final String JOBS = PREFIX + "jobs";
    /** {@code true}: run scripts concurrently ({@link #JOBS}, else one per processor); {@code false}: one at a time. */
    static final String PARALLEL = PREFIX + "parallel.enabled";
    /** {@code K/N}: run the K-th of N shards of the discovered scripts (read at discovery). */
    static final String SHARD = PREFIX + "shard";

    /** When to print a script's transcript on standard output (which Surefire puts in its report). */
    enum PrintTranscript { NEVER, FAILED, ALWAYS }

    static EngineSettings from(ConfigurationParameters p) {
        RunConfig c = RunConfig.defaults();
        c = c.withHost(string(p, HOST).orElse(null));
        c = c.withPort(get(p, PORT, EngineSettings::port).orElse(null));
        c = c.withReceiveTimeout(get(p, TIMEOUT, EngineSettings::positive).orElse(c.receiveTimeout()));
        c = c.withNothingWait(get(p, NOTHING_WAIT, EngineSettings::positive).orElse(c.nothingWait()));
        c = c.withConnectTimeout(get(p, CONNECT_TIMEOUT, EngineSettings::positive).orElse(c.connectTimeout()));
        Optional<Duration> settle = get(p, SETTLE, EngineSettings::duration);
        if (settle.isPresent()) c = c.withSettle(settle.get()); // given: waited in full (RunConfig.settleGiven)
        c = c.withOrder(get(p, ORDER, v -> choice(OrderMode.class, v)).orElse(OrderMode.AUTO));
        c = c.withReceiveMode(get(p, RECEIVE_MODE, v -> choice(ReceiveMode.class, v)).orElse(c.receiveMode()));
        c = c.withStrictCaptures(get(p, STRICT_CAPTURES, EngineSettings::bool).orElse(false));
        TlsPolicy tls = get(p, TLS, v -> choice(TlsPolicy.class, v)).orElse(TlsPolicy.OPTIONAL);
        boolean insecure = get(p, INSECURE, EngineSettings::bool).orElse(false);
        c = c.withTls(new TlsSettings(tls, insecure, get(p, TRUST_CERT, EngineSettings::certificate)));
        c = c.withSasl(get(p, SASL, EngineSettings::sasl));
        c = c.withJobs(jobs(p));
        c = isolation(p, c, c.jobs() > 1);
        PrintTranscript print = get(p, PRINT_TRANSCRIPT, v -> choice(PrintTranscript.class, v))
                .orElse(PrintTranscript.FAILED);
        return new EngineSettings(c, print, string(p, TRANSCRIPTS).map(Path::of), string(p, SESSION_FACTORY),
                CiSettings.from(p), string(p, HTML).map(Path::of));
    }

    /**
     * {@code scansion.isolate} when set, else {@code auto}; {@code scansion.register} needs isolation,
     * as {@code --register} does: it creates and removes a script's own accounts, never the ones written.
     */
    static RunConfig isolation(ConfigurationParameters p, RunConfig c, boolean auto) {
        boolean isolate = get(p, ISOLATE, EngineSettings::bool).orElse(auto);
        boolean register = get(p, REGISTER, EngineSettings::bool).orElse(false);
        if (register && !isolate) {
            throw new JUnitException("configuration parameter " + REGISTER + ": needs isolation (" + ISOLATE + "=true)");
        }
        return c.withIsolate(isolate).withRegister(register);
    }

    /**
     * {@code scansion.jobs} (default 1), turned off by {@code scansion.parallel.enabled=false}; with
     * {@code scansion.parallel.enabled=true} and no jobs given, one per processor (at least 2).
     */
    static int jobs(ConfigurationParameters p) {
        Optional<Integer> jobs = get(p, JOBS, EngineSettings::jobCount);
        Optional<Boolean> parallel = get(p, PARALLEL, EngineSettings::bool);
        if (parallel.isPresent() && !parallel.get()) return 1;
        if (jobs.isPresent()) return jobs.get();
        int processors = Math.min(RunConfig.MAX_JOBS, Math.max(2, Runtime.getRuntime().availableProcessors()));
        return parallel.orElse(false) ? processors : 1;
    }

    static Integer jobCount(String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= RunConfig.MAX_JOBS) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a number from 1 to " + RunConfig.MAX_JOBS + ", not '" + v + "'");
    }

    /** Real connections, or the factory class named by {@code scansion.session-factory} (tests, other transports). */
    SessionFactory sessions() {
        if (sessionFactory.isEmpty()) return new SmackSessionFactory();
        String name = sessionFactory.get();
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            Class<?> type = Class.forName(name, true, cl == null ? EngineSettings.class.getClassLoader() : cl);
            return (SessionFactory) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new JUnitException(SESSION_FACTORY + ": cannot create a SessionFactory from '" + name + "': " + e, e);
        }
    }

    private static Optional<String> string(ConfigurationParameters p, String key) {
        return p.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static <T> Optional<T> get(ConfigurationParameters p, String key, Function<String, T> convert) {
        Optional<String> raw = string(p, key);
        if (raw.isEmpty()) return Optional.empty();
        try {
            return Optional.of(convert.apply(raw.get()));
        } catch (IllegalArgumentException e) {
            throw new JUnitException("configuration parameter " + key + ": " + e.getMessage());
        }
    }

    static Integer port(String v) {
        try {
            int port = Integer.parseInt(v);
            if (port >= 1 && port <= 65535) return port;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("expected a port between 1 and 65535, not '" + v + "'");
    }

    /** The CLI's forms: {@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, or plain seconds. */
    static Duration duration(String v) {
        return Durations.parse(v);
    }

    static Duration positive(String v) {
        Duration d = duration(v);
        // as the CLI: a wait that rounds to 0 ms would never wait
        if (d.toMillis() == 0) throw new IllegalArgumentException("must be positive, not '" + v + "'");
        return d;
    }

    /** A file that holds a certificate: checked now, as the CLI does, not at the first connect. */
    static Path certificate(String v) {
        Path path = Path.of(v);
        TrustCertFile.problem(path).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return path;
    }

    /** A SASL mechanism the runner knows, by name (any case). */
    static SaslMechanism sasl(String v) {
        return SaslMechanism.named(v).orElseThrow(() -> new IllegalArgumentException(SaslMechanism.unknown(v)));
    }

    static boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, not '" + v + "'");
        };
    }

    static <E extends Enum<E>> E choice(Class<E> type, String v) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.replace('-', '_'))) return e;
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("expected one of " + allowed + ", not '" + v + "'");
    }
}
