package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTest {
    @Test
    void readsWhatOurWriterWrites() throws Exception {
        String json = JsonReporter.render(ReportFixtures.mixedRun(), ReportFixtures.INFO);
        assertEquals(JsonTree.parse(json), JsonReader.parse(json), "the same tree as an independent parser");
    }

    @Test
    void valuesAndEscapes() throws Exception {
        assertEquals(Map.of("a", List.of(new BigDecimal("1.5e3"), true, "x\"\u00e9\n")),
                JsonReader.parse(" {\"a\": [1.5e3, true, \"x\\\"\\u00e9\\n\"]} "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1, \"a\": 2} | 1:10: field \"a\" given twice",
            "[1, 2,] | 1:7: unexpected character ']'",
            "[01] | 1:2: not a number: 01",
            "{} x | 1:4: unexpected text after the JSON value",
            "\"abc | 1:5: unterminated string",
            "[1 2] | 1:4: expected ','",
    })
    void refusesWhatIsNotJson(String text, String message) {
        JsonReader.Malformed e = assertThrows(JsonReader.Malformed.class, () -> JsonReader.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void nestingIsBounded() {
        char[] open = new char[JsonReader.MAX_DEPTH + 2];
        Arrays.fill(open, '[');
        JsonReader.Malformed e = assertThrows(JsonReader.Malformed.class, () -> JsonReader.parse(new String(open)));
        assertEquals("1:66: nested deeper than 64", e.getMessage());
    }
}
