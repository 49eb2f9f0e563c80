package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

import dev.scansion.exec.ReceiveMode;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SmackSessionFactory;
import dev.scansion.exec.TlsSettings.TlsPolicy;
import dev.scansion.report.FakeServer;

class EngineSettingsTest {
    private static ConfigurationParameters params(Map<String, String> map) {
        return new ConfigurationParameters() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public Optional<Boolean> getBoolean(String key) {
                return get(key).map(Boolean::parseBoolean);
            }

            @Override
            @SuppressWarnings("deprecation")
            public int size() {
                return map.size();
            }

            @Override
            public Set<String> keySet() {
                return map.keySet();
            }
        };
    }

    /** Debian's bundle of trusted certificates (ca-certificates, which the JDK package depends on). */
    private static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    @Test
    void defaultsAreTheCliDefaults() {
        EngineSettings s = EngineSettings.from(params(Map.of()));
        assertEquals(RunConfig.defaults(), s.config());
        assertEquals(EngineSettings.PrintTranscript.FAILED, s.printTranscript());
        assertTrue(s.sessions() instanceof SmackSessionFactory);
    }

    @Test
    void everyKey() {
        Map<String, String> m = new HashMap<>();
        m.put("scansion.host", " 127.0.0.1 ");
        m.put("scansion.port", "5299");
        m.put("scansion.timeout", "2.5s");
        m.put("scansion.nothing-wait", "100ms");
        m.put("scansion.connect-timeout", "1m");
        m.put("scansion.settle", "0");
        m.put("scansion.receive-mode", "NEXT");
        m.put("scansion.strict-captures", "true");
        m.put("scansion.tls", "off");
        m.put("scansion.insecure", "yes");
        m.put("scansion.trust-cert", CA_BUNDLE);
        m.put("scansion.sasl", "digest-md5");
        m.put("scansion.print-transcript", "always");
        m.put("scansion.transcripts", "target/t");
        m.put("scansion.session-factory", FakeServer.class.getName());
        EngineSettings s = EngineSettings.from(params(m));
        RunConfig c = s.config();
        assertEquals(Optional.of("127.0.0.1"), c.host());
        assertEquals(Optional.of(5299), c.port());
        assertEquals(Duration.ofMillis(2500), c.receiveTimeout());
        assertEquals(Duration.ofMillis(100), c.nothingWait());
        assertEquals(Duration.ofMinutes(1), c.connectTimeout());
        assertEquals(Duration.ZERO, c.settle());
        assertEquals(ReceiveMode.NEXT, c.receiveMode());
        assertTrue(c.strictCaptures());
        assertEquals(TlsPolicy.OFF, c.tls().policy());
        assertTrue(c.tls().insecure());
        assertEquals(Optional.of(Path.of(CA_BUNDLE)), c.tls().trustCert());
        assertEquals(Optional.of(dev.scansion.exec.SaslMechanism.DIGEST_MD5), c.sasl());
        assertEquals(EngineSettings.PrintTranscript.ALWAYS, s.printTranscript());
        assertEquals(Optional.of(Path.of("target/t")), s.transcripts());
        assertTrue(s.sessions() instanceof FakeServer);
    }

    @Test
    void orderAndWhetherTheSettleWasGiven() {
        RunConfig plain = EngineSettings.from(params(Map.of())).config();
        assertEquals(dev.scansion.exec.OrderMode.AUTO, plain.order());
        assertFalse(plain.settleGiven());
        RunConfig given = EngineSettings.from(params(Map.of("scansion.settle", "10ms", "scansion.order",
                "socket-table"))).config();
        assertEquals(dev.scansion.exec.OrderMode.SOCKET_TABLE, given.order());
        assertTrue(given.settleGiven());
        assertEquals("configuration parameter scansion.order: expected one of auto, socket_table, pause, not 'x'",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.order", "x"))))
                        .getMessage());
    }

    @Test
    void theEngineRefusesWhatTheCliRefuses(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertEquals("configuration parameter scansion.nothing-wait: must be positive, not '0'",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.nothing-wait",
                        "0")))).getMessage());
        java.nio.file.Path notACert = java.nio.file.Files.writeString(dir.resolve("cert.pem"), "hello");
        String message = assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of(
                "scansion.trust-cert", notACert.toString())))).getMessage();
        assertTrue(message.startsWith("configuration parameter scansion.trust-cert: "), message);
        assertTrue(message.contains(notACert.toString()), message);
        assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.timeout", "99999999999999999s"))));
    }

    @Test
    void badValuesNameTheKey() {
        assertEquals("configuration parameter scansion.port: expected a port between 1 and 65535, not '70000'",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.port", "70000"))))
                        .getMessage());
        assertEquals("configuration parameter scansion.timeout: must be positive, not '0s'",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.timeout", "0s"))))
                        .getMessage());
        assertEquals("configuration parameter scansion.insecure: expected true or false, not 'maybe'",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.insecure",
                        "maybe")))).getMessage());
        assertEquals("configuration parameter scansion.sasl: unknown SASL mechanism 'SCRAM-SHA-256'; known: "
                        + "SCRAM-SHA-1-PLUS, SCRAM-SHA-1, DIGEST-MD5, CRAM-MD5, PLAIN",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.sasl",
                        "SCRAM-SHA-256")))).getMessage());
        assertTrue(assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.settle",
                "soon")))).getMessage().contains("'soon' is not a duration"));
        EngineSettings s = EngineSettings.from(params(Map.of("scansion.session-factory", "no.such.Factory")));
        assertTrue(assertThrows(JUnitException.class, s::sessions).getMessage()
                .startsWith("scansion.session-factory: cannot create a SessionFactory from 'no.such.Factory'"));
    }

    @Test
    void isolationAndRegistration() {
        RunConfig plain = EngineSettings.from(params(Map.of())).config();
        assertFalse(plain.isolate());
        assertFalse(plain.register());
        RunConfig both = EngineSettings.from(params(Map.of("scansion.isolate", "true", "scansion.register", "yes")))
                .config();
        assertTrue(both.isolate());
        assertTrue(both.register());
        assertTrue(EngineSettings.from(params(Map.of("scansion.isolate", "on"))).config().isolate());
        assertEquals("configuration parameter scansion.register: needs isolation (scansion.isolate=true)",
                assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.register",
                        "true")))).getMessage());
        assertTrue(assertThrows(JUnitException.class, () -> EngineSettings.from(params(Map.of("scansion.isolate",
                "maybe")))).getMessage().startsWith("configuration parameter scansion.isolate: "));
    }
}
