package dev.scansion.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Durations as users write them: {@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, or plain seconds ({@code 5}). */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 5s, 500ms, 2.5)");
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        BigDecimal ms = switch (unit) {
            case "ms" -> n;
            case "m" -> n.multiply(BigDecimal.valueOf(60_000));
            default -> n.multiply(BigDecimal.valueOf(1000));
        };
        return Duration.ofMillis(ms.longValue());
    }
}
