package dev.scansion.script;

import dev.scansion.script.ast.Bindings;
import dev.scansion.script.ast.XmlElement;

/**
 * Serialises a payload element for sending: variables substituted and escaped, {@code scansion:*}
 * attributes left out, prefixes and namespace declarations as written, no added {@code xmlns}
 * on top-level elements in {@code jabber:client} (the stream's default namespace).
 */
public final class PayloadWriter {
    private PayloadWriter() {
    }

    public static String write(XmlElement element, Bindings bindings) throws Bindings.UnboundVariableException {
        throw new UnsupportedOperationException("not built yet");
    }
}
