package dev.scansion.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time formats of the report files: fixed precision, so files are stable and easy to parse. */
final class Times {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter JUNIT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2025-05-01T10:00:00.123Z}. */
    static String iso(Instant t) {
        return ISO_MILLIS.format(t);
    }

    /** The JUnit XML timestamp: ISO 8601 to the second, no zone (Ant's form), in UTC. */
    static String junitTimestamp(Instant t) {
        return JUNIT.format(t);
    }

    /** Seconds with three decimals, {@code 1.234}: the JUnit XML {@code time}. */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(Math.max(0, d.toNanos()), 9).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** Milliseconds with up to three decimals (microseconds), for JSON. */
    static BigDecimal millis(Duration d) {
        return BigDecimal.valueOf(Math.max(0, d.toNanos()), 6).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Milliseconds from {@code start} to {@code t} (negative when {@code t} is earlier). */
    static BigDecimal offsetMillis(Instant start, Instant t) {
        return BigDecimal.valueOf(Duration.between(start, t).toNanos(), 6).setScale(3, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
