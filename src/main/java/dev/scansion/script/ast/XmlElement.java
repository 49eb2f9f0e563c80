package dev.scansion.script.ast;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of a payload.
 *
 * @param namespace             the namespace URI; top-level stanzas without {@code xmlns} are in
 *                              {@code jabber:client}
 * @param localName             the local name
 * @param prefix                the prefix as written ("" when none)
 * @param namespaceDeclarations the {@code xmlns} / {@code xmlns:p} declarations written on this
 *                              element (prefix, "" for the default one, to URI), in source order;
 *                              the synthetic wrapper's are not included
 * @param attributes            the attributes in source order, without declarations and
 *                              without {@code scansion:*} attributes
 * @param strict                the {@code scansion:strict} override on this element, if any
 * @param children              element and text children in document order
 * @param pos                   position of the {@code <} of the start tag
 */
public record XmlElement(String namespace, String localName, String prefix,
                         Map<String, String> namespaceDeclarations, List<XmlAttribute> attributes,
                         Optional<Boolean> strict, List<XmlNode> children, SourcePos pos) implements XmlNode {

    public static final String JABBER_CLIENT = "jabber:client";
    /** The namespace bound to the {@code scansion} prefix in payloads (no declaration needed). */
    public static final String SCANSION_NS = "https://matthewwild.co.uk/projects/scansion";

    public XmlElement {
        namespaceDeclarations = Collections.unmodifiableMap(new LinkedHashMap<>(namespaceDeclarations));
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    /** Element children only, in order. */
    public List<XmlElement> elements() {
        return children.stream().filter(XmlElement.class::isInstance).map(XmlElement.class::cast).toList();
    }

    /** Text children only, in order. */
    public List<XmlText> texts() {
        return children.stream().filter(XmlText.class::isInstance).map(XmlText.class::cast).toList();
    }

    public Optional<XmlAttribute> attribute(String namespace, String localName) {
        return attributes.stream()
                .filter(a -> a.namespace().equals(namespace) && a.localName().equals(localName))
                .findFirst();
    }
}
