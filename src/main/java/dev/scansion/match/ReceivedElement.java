package dev.scansion.match;

import java.util.List;
import java.util.Map;

/**
 * An element of a received stanza, as parsed once: immutable, so one parse serves every
 * comparison (and every thread). {@code content} keeps text runs and elements in document
 * order for printing; {@code elements} and {@code text} are what matching looks at.
 *
 * @param namespace             namespace URI ("" for none)
 * @param prefix                the prefix as received ("" when none), for printing only
 * @param namespaceDeclarations declarations written on this element, for printing only
 * @param content               {@link ReceivedElement} and {@link String} (text run) children
 * @param elements              element children in order
 * @param text                  the direct text children joined and trimmed ("" when whitespace only)
 * @param index                 pre-order number inside the stanza (root 0), used as a memo key
 * @param size                  number of elements in this subtree, itself included
 */
record ReceivedElement(String namespace, String localName, String prefix,
                       Map<String, String> namespaceDeclarations, List<ReceivedAttribute> attributes,
                       List<Object> content, List<ReceivedElement> elements, String text, int index,
                       int size) {

    /** The attribute with this namespace URI and local name, or null. */
    ReceivedAttribute attribute(String ns, String local) {
        for (ReceivedAttribute a : attributes) {
            if (a.localName().equals(local) && a.namespace().equals(ns)) return a;
        }
        return null;
    }

    boolean sameIdentity(String ns, String local) {
        return localName.equals(local) && namespace.equals(ns);
    }

    String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }
}
