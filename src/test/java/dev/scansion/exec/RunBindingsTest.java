package dev.scansion.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.scansion.script.ScriptParser;
import dev.scansion.script.ast.Bindings.UnboundVariableException;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.script.ast.Value;
import dev.scansion.script.ast.XmlElement;

class RunBindingsTest {
    private static final String TEXT = """
            [Client] Romeo
            \tjid: romeo@localhost/balcony
            \tpassword: password

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: password

            -----

            Romeo sends:
            \t<message to="${Romeo's JID}" from="${Juliet's JID}" id="${Juliet's full JID}"/>
            """;

    private final Script script = ScriptParser.parse("b.scs", TEXT).script().orElseThrow();
    private final RunBindings bindings = new RunBindings(script,
            actor -> Optional.ofNullable(Map.of("Romeo", "romeo@localhost/balcony").get(actor)), false);

    private Value.Variable variable(String attribute) {
        XmlElement message = ((Step.Send) script.steps().get(0)).payload().get(0);
        Value.Template value = (Value.Template) message.attributes().stream()
                .filter(a -> a.localName().equals(attribute)).findFirst().orElseThrow().value();
        return (Value.Variable) value.parts().get(0);
    }

    @Test
    void jidIsThePropertyAsWrittenResourceIncluded() throws UnboundVariableException {
        // Prosody's muc_whois_anyone_member.scs expects the full JID from ${Romeo's JID}.
        assertEquals("romeo@localhost/balcony", bindings.resolve(variable("to")));
        assertEquals("juliet@localhost", bindings.resolve(variable("from")));
    }

    @Test
    void fullJidOfAnActorThatHasNotConnectedIsUnbound() {
        UnboundVariableException e = assertThrows(UnboundVariableException.class,
                () -> bindings.resolve(variable("id")));
        assertEquals("${Juliet's full JID} is not known yet: Juliet has not connected", e.getMessage());
    }
}
