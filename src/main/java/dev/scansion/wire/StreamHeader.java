package dev.scansion.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opening tag of an XMPP stream ({@code <stream:stream ...>}, RFC 6120 §4.7) as the peer wrote
 * it, with its name and attributes. Attribute values are as written (entities not decoded), in
 * document order; a repeated attribute keeps its first value.
 *
 * @param raw the whole opening tag, byte-exact
 * @param qName the tag's qualified name, e.g. {@code stream:stream}
 * @param prefix the prefix bound to {@link XmppNamespaces#STREAMS}, e.g. {@code stream} ("" when it is the default namespace)
 * @param attributes every attribute including the namespace declarations, e.g. {@code xmlns:stream}
 */
public record StreamHeader(String raw, String qName, String prefix, Map<String, String> attributes) {
    public StreamHeader {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** An attribute's value as written, e.g. {@code attribute("id")}. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * The header, if {@code tag} (a well-formed opening tag named {@code qName}) opens an XMPP
     * stream: its local name is {@code stream} and the tag itself binds its prefix to the streams
     * namespace, as every stream header must (a restarted stream is a new document).
     */
    static Optional<StreamHeader> parse(String tag, String qName) {
        int colon = qName.indexOf(':');
        if (!"stream".equals(qName.substring(colon + 1))) return Optional.empty();
        String prefix = colon < 0 ? "" : qName.substring(0, colon);
        Map<String, String> attributes = attributes(tag, qName.length() + 1);
        String declared = attributes.get(prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix);
        if (!XmppNamespaces.STREAMS.equals(declared)) return Optional.empty();
        return Optional.of(new StreamHeader(tag, qName, prefix, attributes));
    }

    /** The attributes of a tag that the splitter has already checked (names, '=', quoted values). */
    private static Map<String, String> attributes(String tag, int from) {
        Map<String, String> result = new LinkedHashMap<>();
        int i = from;
        while (true) {
            while (i < tag.length() && isSpace(tag.charAt(i))) i++;
            if (i >= tag.length() || tag.charAt(i) == '>' || tag.charAt(i) == '/') return result;
            int eq = tag.indexOf('=', i);
            String name = tag.substring(i, eq).strip();
            int open = eq + 1;
            while (tag.charAt(open) != '\'' && tag.charAt(open) != '"') open++;
            int close = tag.indexOf(tag.charAt(open), open + 1);
            result.putIfAbsent(name, tag.substring(open + 1, close));
            i = close + 1;
        }
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
