package dev.scansion.match;

/** An attribute of a received element (never an {@code xmlns} declaration). */
record ReceivedAttribute(String namespace, String localName, String prefix, String value) {
    String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }
}
