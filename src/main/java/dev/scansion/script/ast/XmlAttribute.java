package dev.scansion.script.ast;

/**
 * An attribute. {@code namespace} is the namespace URI ("" for an unprefixed attribute);
 * {@code prefix} is the prefix as written ("" when none), kept only to send the payload as written.
 * {@code xmlns} declarations are never attributes (see {@link XmlElement#namespaceDeclarations()}),
 * and neither are {@code scansion:*} attributes (see {@link XmlElement#strict()}).
 */
public record XmlAttribute(String namespace, String localName, String prefix, Value value, SourcePos pos) {
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }
}
