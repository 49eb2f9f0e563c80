package dev.scansion.cli;

import java.time.Duration;

import dev.scansion.text.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as users write them ({@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 2m}, or plain
 * seconds), at most {@link Durations#MAX}; see {@link Durations#parse}.
 */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
