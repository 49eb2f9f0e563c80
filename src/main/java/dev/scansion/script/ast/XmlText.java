package dev.scansion.script.ast;

/**
 * Character data inside an element, entities already decoded, possibly holding {@code ${...}}
 * variables. Whitespace-only runs between child elements are not kept in the model.
 */
public record XmlText(Value value, SourcePos pos) implements XmlNode {
}
