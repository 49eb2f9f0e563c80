package dev.scansion.exec;

import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;

/** A top-level element written exactly as given (Smack's stanza classes would rewrite it). */
final class RawElement implements Nonza {
    private final String xml;

    RawElement(String xml) {
        this.xml = xml;
    }

    @Override
    public String getNamespace() {
        return "jabber:client";
    }

    @Override
    public String getElementName() {
        return "raw";
    }

    @Override
    public CharSequence toXML(XmlEnvironment environment) {
        return xml;
    }
}
