package dev.scansion.junit;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

import dev.scansion.exec.Attempts;
import dev.scansion.exec.KnownFailures;
import dev.scansion.exec.RetryPolicy;
import dev.scansion.result.Failure;
import dev.scansion.result.Gate;

/**
 * The engine's CI-gate parameters, as {@code scansion run}'s options of the same names:
 * {@code scansion.fail-fast}, {@code scansion.retries}, {@code scansion.retry-on},
 * {@code scansion.fail-on-flaky}, {@code scansion.known-failures},
 * {@code scansion.strict-known-failures}. See docs/junit-engine.md.
 */
record CiSettings(boolean failFast, RetryPolicy retry, KnownFailures known, Gate gate) {
    static final String FAIL_FAST = EngineSettings.PREFIX + "fail-fast";
    static final String RETRIES = EngineSettings.PREFIX + "retries";
    static final String RETRY_ON = EngineSettings.PREFIX + "retry-on";
    static final String FAIL_ON_FLAKY = EngineSettings.PREFIX + "fail-on-flaky";
    static final String KNOWN_FAILURES = EngineSettings.PREFIX + "known-failures";
    static final String STRICT_KNOWN_FAILURES = EngineSettings.PREFIX + "strict-known-failures";

    static CiSettings from(ConfigurationParameters p) {
        boolean failFast = flag(p, FAIL_FAST);
        int retries = value(p, RETRIES).map(v -> parse(RETRIES, () -> whole(v))).orElse(0);
        Set<Failure.Kind> on = value(p, RETRY_ON).map(v -> parse(RETRY_ON, () -> RetryPolicy.parseKinds(v)))
                .orElse(RetryPolicy.DEFAULT_KINDS);
        RetryPolicy retry = parse(RETRIES, () -> new RetryPolicy(retries, on));
        KnownFailures known = KnownFailures.NONE;
        Optional<String> file = value(p, KNOWN_FAILURES);
        if (file.isPresent()) {
            try {
                known = KnownFailures.read(Path.of(file.get()), LocalDate.now());
            } catch (KnownFailures.Malformed e) {
                throw new JUnitException("configuration parameter " + KNOWN_FAILURES + ": " + e.getMessage());
            }
            // the engine has no console of its own: standard error is where the build shows it
            known.warnings().forEach(w -> System.err.println("scansion: warning: " + w));
        }
        return new CiSettings(failFast, retry, known, new Gate(flag(p, FAIL_ON_FLAKY), flag(p, STRICT_KNOWN_FAILURES)));
    }

    Attempts attempts() {
        return new Attempts(retry, known);
    }

    private static int whole(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, not '" + v + "'");
        }
    }

    private static Optional<String> value(ConfigurationParameters p, String key) {
        return p.get(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static boolean flag(ConfigurationParameters p, String key) {
        return value(p, key).map(v -> parse(key, () -> EngineSettings.bool(v))).orElse(false);
    }

    private static <T> T parse(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new JUnitException("configuration parameter " + key + ": " + e.getMessage());
        }
    }
}
