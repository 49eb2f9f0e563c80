package dev.scansion.script.ast;

/** A node of a payload tree: an element or a run of text. */
public sealed interface XmlNode permits XmlElement, XmlText {
    SourcePos pos();
}
