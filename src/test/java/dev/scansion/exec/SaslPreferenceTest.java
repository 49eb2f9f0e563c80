package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The SASL preference rule (language doc §4) and forcing one mechanism. */
class SaslPreferenceTest {
    private static final List<String> ALL = List.of("PLAIN", "CRAM-MD5", "DIGEST-MD5", "SCRAM-SHA-1",
            "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256");

    @Test
    void aRemoteServerGetsTheStrongestBothSupportButNotPlusOnItsOwn() {
        assertEquals("SCRAM-SHA-1", used(ALL, false));
        assertEquals("DIGEST-MD5", used(List.of("PLAIN", "DIGEST-MD5", "CRAM-MD5"), false));
        assertEquals("CRAM-MD5", used(List.of("PLAIN", "CRAM-MD5"), false));
        assertEquals("PLAIN", used(List.of("PLAIN", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-512"), false));
        assertEquals("DIGEST-MD5", used(List.of("DIGEST-MD5"), false));
    }

    @Test
    void aServerOnThisMachineGetsPlainWhenOffered() {
        assertEquals("PLAIN", used(ALL, true));
        assertEquals("SCRAM-SHA-1", used(List.of("SCRAM-SHA-1", "DIGEST-MD5"), true));
        assertEquals("DIGEST-MD5", used(List.of("DIGEST-MD5"), true));
    }

    @Test
    void forcedIsUsedWhenOfferedEvenOnThisMachine() {
        for (SaslMechanism m : SaslMechanism.values()) {
            assertEquals(new SaslPreference.Decision.Use(m), SaslPreference.choose(ALL, Optional.of(m), true));
        }
    }

    @Test
    void forcedButNotOfferedNamesWhatTheServerOffers() {
        assertEquals(new SaslPreference.Decision.Refused(
                        "the server does not offer SASL mechanism DIGEST-MD5 (forced); it offers: SCRAM-SHA-1, PLAIN"),
                SaslPreference.choose(List.of("SCRAM-SHA-1", "PLAIN"), Optional.of(SaslMechanism.DIGEST_MD5), false));
        assertEquals(new SaslPreference.Decision.Refused(
                        "the server does not offer SASL mechanism PLAIN (forced); it offers: none"),
                SaslPreference.choose(List.of(), Optional.of(SaslMechanism.PLAIN), true));
    }

    @Test
    void nothingUsableNamesBothSidesPrintablyAndBounded() {
        SaslPreference.Decision d = SaslPreference.choose(List.of("EXTERNAL", "X-\u001b[31m", "A".repeat(500)),
                Optional.empty(), true);
        String reason = ((SaslPreference.Decision.Refused) d).reason();
        assertTrue(reason.startsWith("the server offers no SASL mechanism the runner can log in with; it offers: "
                + "EXTERNAL, X-\\e[31m"), reason);
        assertTrue(reason.contains("bytes)"), reason);
        assertTrue(reason.endsWith("; the runner knows: SCRAM-SHA-1-PLUS, SCRAM-SHA-1, DIGEST-MD5, CRAM-MD5, PLAIN"),
                reason);
    }

    @Test
    void namesAreKnownInAnyCaseAndUnknownOnesListTheKnown() {
        assertEquals(Optional.of(SaslMechanism.SCRAM_SHA_1), SaslMechanism.named(" scram-sha-1 "));
        assertEquals(Optional.of(SaslMechanism.SCRAM_SHA_1_PLUS), SaslMechanism.named("SCRAM-SHA-1-PLUS"));
        assertEquals(Optional.empty(), SaslMechanism.named("SCRAM-SHA-256"));
        assertEquals("unknown SASL mechanism 'SCRAM-SHA-256'; known: SCRAM-SHA-1-PLUS, SCRAM-SHA-1, DIGEST-MD5, "
                + "CRAM-MD5, PLAIN", SaslMechanism.unknown("SCRAM-SHA-256"));
    }

    private static String used(List<String> offered, boolean local) {
        SaslPreference.Decision d = SaslPreference.choose(offered, Optional.empty(), local);
        return ((SaslPreference.Decision.Use) d).mechanism().wireName();
    }
}
