package dev.scansion.match;

import dev.scansion.script.ast.XmlAttribute;

/** An expected attribute, compiled for one comparison. */
record ExpectedAttribute(XmlAttribute source, String namespace, String localName, Check check) {
}
