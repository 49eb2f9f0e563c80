package dev.scansion.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {
    private final DurationConverter c = new DurationConverter();

    @Test
    void acceptsTheUsualForms() {
        assertEquals(Duration.ofSeconds(5), c.convert("5s"));
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(5), c.convert("5"));
        assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
        assertEquals(Duration.ofMillis(2500), c.convert("2.5"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofMillis(250), c.convert(" 250 MS "));
    }

    @Test
    void rejectsTheRest() {
        assertThrows(TypeConversionException.class, () -> c.convert("soon"));
        assertThrows(TypeConversionException.class, () -> c.convert("-5s"));
        assertThrows(TypeConversionException.class, () -> c.convert("5h"));
        assertThrows(TypeConversionException.class, () -> c.convert(""));
    }
}
