package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenAddressTest {
    @ParameterizedTest
    @CsvSource({"127.0.0.1:5223, 127.0.0.1:5223", "localhost:5223, 127.0.0.1:5223", "[::1]:5224, [::1]:5224",
            "127.0.0.2:0, 127.0.0.2:0"})
    void loopbackAddresses(String typed, String shown) {
        ListenAddress a = ListenAddress.parse(typed);
        assertEquals(shown, a.show(a.port()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.0.0.0:5223 | loopback only",
            "192.168.1.10:5223 | loopback only",
            "[::]:5223 | loopback only",
            "example.org:5223 | a loopback address",
            "127.0.0.1 | expected HOST:PORT",
            "127.0.0.1:70000 | from 0 to 65535",
            "127.0.0.1:x | from 0 to 65535",
            "::1:5223 | needs brackets"})
    void otherAddressesAreRefused(String typed, String said) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(typed));
        assertTrue(e.getMessage().contains(said), e.getMessage());
    }
}
