package dev.scansion.wire;

import java.io.StringReader;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A {@code <stream:error>} (RFC 6120 §4.9): the defined condition, e.g. {@code conflict}, and the
 * optional text ("" when none). The one parser of stream errors: the first child in
 * {@link XmppNamespaces#STREAM_ERRORS} other than {@code text} is the condition
 * ({@code undefined-condition} when there is none or the element does not parse); application
 * conditions in other namespaces are ignored.
 */
public record StreamError(String condition, String text) {
    public static final String UNDEFINED = "undefined-condition";
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeDom::builder);

    /** {@code conflict: Replaced by new connection}, or just the condition. */
    public String describe() {
        return text.isEmpty() ? condition : condition + ": " + text;
    }

    /**
     * The stream error, if {@code raw} (one top-level element as the server wrote it) is one.
     * {@code streamPrefix} is the prefix the server's stream header bound to
     * {@link XmppNamespaces#STREAMS} (usually "stream"); the element may also declare it itself.
     */
    public static Optional<StreamError> parse(String raw, String streamPrefix) {
        String prefix = streamPrefix == null || streamPrefix.isEmpty() ? "stream" : streamPrefix;
        if (!raw.startsWith("<" + prefix + ":error")) return Optional.empty();
        String wrapped = "<w xmlns='" + XmppNamespaces.CLIENT + "' xmlns:" + prefix + "='" + XmppNamespaces.STREAMS
                + "'>" + raw + "</w>";
        String condition = UNDEFINED;
        String text = "";
        boolean found = false;
        try {
            Element w = BUILDER.get().parse(new InputSource(new StringReader(wrapped))).getDocumentElement();
            for (Node n = w.getFirstChild().getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e) || !XmppNamespaces.STREAM_ERRORS.equals(e.getNamespaceURI())) continue;
                if ("text".equals(e.getLocalName())) {
                    text = e.getTextContent().trim();
                } else if (!found) {
                    condition = e.getLocalName();
                    found = true;
                }
            }
        } catch (Exception e) {
            // Keep the generic condition: the raw text is still reported.
        }
        return Optional.of(new StreamError(condition, text));
    }

    @Override
    public String toString() {
        return describe();
    }
}
