package dev.scansion.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsTheUsualForms() {
        assertEquals(Duration.ofSeconds(5), Durations.parse("5s"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMillis(2500), Durations.parse("2.5"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofHours(24), Durations.parse("1440m"));
    }

    @Test
    void refusesWhatIsLongerThanADayOrBeyondALong() {
        for (String v : new String[]{"86400001ms", "1441m", "99999999999999999s", "9".repeat(40)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(v), v);
            assertTrue(e.getMessage().contains("longer than the maximum of 86400 s"), e.getMessage());
        }
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String v : new String[]{"soon", "-5s", "5h", "", "1e3"}) {
            assertThrows(IllegalArgumentException.class, () -> Durations.parse(v), v);
        }
    }

    @Test
    void formatsForPeople() {
        assertEquals("500 ms", Durations.format(Duration.ofMillis(500)));
        assertEquals("5 s", Durations.format(Duration.ofSeconds(5)));
        assertEquals("2.5 s", Durations.format(Duration.ofMillis(2500)));
        assertEquals("2.1 s", Durations.format(Duration.ofMillis(2100)));
        assertEquals("3.21 ms", Durations.millis(Duration.ofNanos(3_210_000)));
        assertEquals("0.042 ms", Durations.millis(Duration.ofNanos(42_000)));
    }
}
