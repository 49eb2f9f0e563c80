package dev.scansion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StreamErrorTest {
    private static final String ERRORS = " xmlns='urn:ietf:params:xml:ns:xmpp-streams'";

    @Test
    void conditionAndText() {
        assertEquals(Optional.of(new StreamError("conflict", "Replaced by new connection")), StreamError.parse(
                "<stream:error><conflict" + ERRORS + "/><text" + ERRORS + ">Replaced by new connection</text>"
                        + "</stream:error>", "stream"));
    }

    @Test
    void theFirstDefinedConditionWinsAndApplicationConditionsAreIgnored() {
        assertEquals("policy-violation: bye", StreamError.parse("<stream:error><app xmlns='urn:example'/>"
                + "<policy-violation" + ERRORS + "/><text" + ERRORS + ">bye</text><conflict" + ERRORS + "/>"
                + "</stream:error>", "stream").orElseThrow().describe());
    }

    @Test
    void theTextMayComeFirst() {
        assertEquals(Optional.of(new StreamError("policy-violation", "bye")), StreamError.parse("<stream:error>"
                + "<text" + ERRORS + ">bye</text><policy-violation" + ERRORS + "/></stream:error>", "stream"));
    }

    @Test
    void anotherPrefixAndADeclarationOnTheElement() {
        assertEquals("system-shutdown", StreamError.parse("<s:error><system-shutdown" + ERRORS + "/></s:error>", "s")
                .orElseThrow().condition());
        assertEquals("conflict", StreamError.parse("<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<conflict" + ERRORS + "/></stream:error>", "stream").orElseThrow().condition());
    }

    @Test
    void withoutADefinedConditionOrWellFormednessItIsUndefined() {
        assertEquals(StreamError.UNDEFINED, StreamError.parse("<stream:error/>", "stream").orElseThrow().condition());
        assertEquals(StreamError.UNDEFINED, StreamError.parse("<stream:error><conflict", "stream").orElseThrow()
                .condition());
    }

    @Test
    void anErrorInsideAStanzaIsNotAStreamError() {
        assertEquals(Optional.empty(), StreamError.parse("<message type='error'><error/></message>", "stream"));
        assertEquals(Optional.empty(), StreamError.parse("<error type='cancel'/>", "stream"));
    }
}
