package dev.scansion.author;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-value rule the accept mode uses: the volatile table, JIDs, what cannot stand literally. */
class ValuesTest {
    private static final JidNames NAMES = new JidNames(
            Map.of("romeo@localhost/balcony", "Romeo", "romeo@localhost/4a7f0e2c-5b61", "Romeo's phone"),
            Map.of("romeo@localhost", "Romeo"));
    private static final Values.Context CONTEXT = Values.Context.of(Set.of("sent-id", "current"),
            Set.of("4a7f0e2c-5b61"));

    /** element path (Clark names, '>' between), attribute, value, strict, expected: L:text, ANY or OMIT. */
    @ParameterizedTest(name = "{0} @{1}={2}")
    @CsvSource(delimiter = '|', value = {
            "{jabber:client}iq | id | 9f8e7d | false | OMIT",
            "{jabber:client}iq | id | sent-id | false | L:sent-id",
            "{jabber:client}message>{urn:xmpp:forward:0}forwarded>{jabber:client}message | id | x1 | false | OMIT",
            "{jabber:client}message | type | chat | false | L:chat",
            "{jabber:client}message>{urn:xmpp:sid:0}stanza-id | id | Zt3nQ | true | ANY",
            "{jabber:client}message>{urn:xmpp:sid:0}stanza-id | by | romeo@localhost | true | L:${Romeo's JID}",
            "{jabber:client}message>{urn:xmpp:mam:tmp}archived | id | 1796434226166171 | true | ANY",
            "{jabber:client}message>{urn:xmpp:sid:0}origin-id | id | o-1 | true | L:o-1",
            "{jabber:client}message>{urn:xmpp:mam:2}result | id | a1 | true | ANY",
            "{jabber:client}message>{urn:xmpp:mam:2}result | queryid | q-server | true | ANY",
            "{jabber:client}message>{urn:xmpp:mam:2}result | queryid | sent-id | true | L:sent-id",
            "{jabber:client}message>{urn:xmpp:delay}delay | stamp | 2026-12-04T23:41:02Z | true | ANY",
            "{jabber:client}message>{jabber:x:delay}x | stamp | 20261204T23:41:02 | true | ANY",
            "{jabber:client}iq>{jabber:iq:last}query | seconds | 1873 | true | ANY",
            "{jabber:client}presence>{urn:xmpp:occupant-id:0}occupant-id | id | b2Nj | true | ANY",
            "{jabber:client}iq>{http://jabber.org/protocol/pubsub}pubsub>{http://jabber.org/protocol/pubsub}publish>{http://jabber.org/protocol/pubsub}item | id | ae89 | true | ANY",
            "{jabber:client}iq>{http://jabber.org/protocol/pubsub}pubsub>{http://jabber.org/protocol/pubsub}publish>{http://jabber.org/protocol/pubsub}item | id | current | true | L:current",
            "{jabber:client}message>{http://jabber.org/protocol/pubsub#event}event>{http://jabber.org/protocol/pubsub#event}items>{http://jabber.org/protocol/pubsub#event}retract | id | ae89 | true | ANY",
            "{jabber:client}iq>{http://jabber.org/protocol/pubsub}pubsub>{http://jabber.org/protocol/pubsub}subscription | subid | 2c3d | true | ANY",
            "{jabber:client}iq>{urn:xmpp:http:upload:0}slot>{urn:xmpp:http:upload:0}put | url | https://h/p | true | ANY",
            "{jabber:client}iq>{urn:xmpp:http:upload:0}slot>{urn:xmpp:http:upload:0}get | url | https://h/g | true | ANY",
            "{jabber:client}presence>{http://jabber.org/protocol/caps}c | ver | KgZ5= | true | ANY",
            "{jabber:client}presence>{http://jabber.org/protocol/caps}c | node | http://prosody.im | true | L:http://prosody.im",
            "{jabber:client}iq>{jabber:iq:roster}query | ver | 7 | true | ANY",
            "{jabber:client}presence | from | romeo@localhost/balcony | false | L:${Romeo's full JID}",
            "{jabber:client}presence | from | romeo@localhost/4a7f0e2c-5b61 | false | L:${Romeo's phone's full JID}",
            "{jabber:client}presence | from | romeo@localhost/other | false | L:romeo@localhost/other",
            "{jabber:client}presence | status | on 4a7f0e2c-5b61 now | false | OMIT",
            "{jabber:client}presence>{urn:x}x | v | on 4a7f0e2c-5b61 now | true | ANY",
            "{jabber:client}presence>{urn:x}x | v | {scansion:any} | true | ANY",
            "{jabber:client}presence>{urn:x}x | v | a {scansion:capture:x} b | true | ANY",
            "{jabber:client}presence>{urn:x}x | v | costs ${5} | true | L:costs $${5}",
    })
    void attributes(String path, String attribute, String value, boolean strict, String expected) {
        List<String> elements = List.of(path.split(">"));
        assertEquals(expected, shown(Values.attribute(elements, "", attribute, value, NAMES, strict, CONTEXT)));
    }

    @ParameterizedTest(name = "{0} text={1}")
    @CsvSource(delimiter = '|', value = {
            "{jabber:client}message>{jabber:client}body | hello | L:hello",
            "{jabber:client}iq>{urn:xmpp:time}time>{urn:xmpp:time}utc | 2026-12-04T23:41:07Z | OMIT",
            "{jabber:client}iq>{urn:xmpp:time}time>{urn:xmpp:time}tzo | +00:00 | OMIT",
            "{jabber:client}iq>{http://jabber.org/protocol/rsm}set>{http://jabber.org/protocol/rsm}first | a1 | OMIT",
            "{jabber:client}iq>{http://jabber.org/protocol/rsm}set>{http://jabber.org/protocol/rsm}last | a2 | OMIT",
            "{jabber:client}iq>{http://jabber.org/protocol/rsm}set>{http://jabber.org/protocol/rsm}count | 3 | L:3",
            "{jabber:client}iq>{urn:xmpp:http:upload:0}slot>{urn:xmpp:http:upload:0}put>{urn:xmpp:http:upload:0}header | Bearer x | OMIT",
            "{jabber:client}message>{jabber:client}body | see romeo@localhost/balcony. | L:see ${Romeo's full JID}.",
            "{jabber:client}message>{jabber:client}body | mail romeo@localhost.example | L:mail romeo@localhost.example",
            "{jabber:client}message>{jabber:client}body | xromeo@localhost | L:xromeo@localhost",
            "{jabber:client}message>{jabber:client}body | {scansion:any} | OMIT",
            "{jabber:client}message>{jabber:client}body | $${x} | L:$$${x}",
    })
    void texts(String path, String text, String expected) {
        assertEquals(expected, shown(Values.text(List.of(path.split(">")), text, NAMES, CONTEXT)));
    }

    @Test
    void withoutAConversationEveryStanzaIdCountsAsMinted() {
        assertEquals("OMIT", shown(Values.attribute(List.of("{jabber:client}iq"), "", "id", "sent-id", NAMES, false)));
        assertEquals("L:${Romeo's JID}", shown(Values.text(List.of("{jabber:client}body"), "romeo@localhost", NAMES)));
    }

    @Test
    void aShortAssignedResourceIsOnlyFoundInAWholeJid() {
        Values.Context ctx = Values.Context.of(Set.of(), Set.of("12"));
        assertEquals("L:priority 12", shown(Values.text(List.of("{jabber:client}status"), "priority 12", NAMES, ctx)));
    }

    private static String shown(Values.Written w) {
        if (w instanceof Values.Literal l) return "L:" + l.text();
        return w instanceof Values.Any ? "ANY" : "OMIT";
    }
}
