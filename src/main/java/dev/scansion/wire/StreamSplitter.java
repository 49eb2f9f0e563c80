package dev.scansion.wire;

import java.util.ArrayDeque;
import java.util.Objects;

import dev.scansion.text.Printable;

/**
 * Cuts an XMPP stream into its top-level elements, fed characters as they arrive in any chunks
 * (a chunk may end inside a tag, an entity, a comment, a CDATA section or a surrogate pair).
 * Reports the stream header, each element one level below the stream element exactly as written,
 * and the stream's closing tag. A new header between elements (the restart after STARTTLS or SASL)
 * is reported as another {@link Listener#streamOpened}. The XML declaration, processing
 * instructions, comments and whitespace between elements are skipped.
 *
 * <p>One pass over each character; memory is bounded by the longest element, at most
 * {@code maxElementChars}. Malformed input (text outside elements, a stray or mismatched end tag,
 * {@code <} followed by no name, an element too long) is reported once through
 * {@link Listener#malformed}, after which the splitter ignores its input until {@link #reset}.
 * It checks the framing only: entities and namespaces inside elements are not resolved.
 * Not thread-safe: feed it from one thread (a connection's reader).
 */
public final class StreamSplitter {
    /** What the splitter found, called on the feeding thread in stream order. */
    public interface Listener {
        /** A stream header: the first one, or a restart. */
        void streamOpened(StreamHeader header);

        /** A complete top-level element, byte-exact, from its {@code <} to its final {@code >}. */
        void element(String xml);

        /** The stream's closing tag, as written (e.g. {@code </stream:stream>}). */
        void streamClosed(String closingTag);

        /** The input is not an XMPP stream: what is wrong, where, and its first characters, escaped. Called once. */
        void malformed(String message);
    }

    private enum State {
        CONTENT, LT, START_NAME, IN_TAG, ATTR_NAME, ATTR_AFTER_NAME, ATTR_EQ, ATTR_VALUE, EMPTY_SLASH,
        END_NAME, END_AFTER, PI, PI_QUESTION, BANG, COMMENT_OPEN, COMMENT, CDATA_OPEN, CDATA
    }

    /** How many characters of the offending input a malformed message shows. */
    static final int SHOWN = 64;
    /** Capacity kept between elements; a larger buffer left by a huge element is released. */
    private static final int KEEP = 64 * 1024;
    private static final String CDATA_START = "CDATA[";

    private final int maxElementChars;
    private final Listener listener;
    /** The current top-level construct (element, header, end tag, comment, PI) from its '<'. */
    private final StringBuilder part = new StringBuilder();
    /** Names of the open elements inside the current top-level element, innermost first. */
    private final ArrayDeque<String> open = new ArrayDeque<>();
    private State state = State.CONTENT;
    private int nameStart;
    private String tagName;
    private char quote;
    /** Dashes before a comment's end, brackets before a CDATA end, or progress through "CDATA[". */
    private int run;
    private StreamHeader header;
    private long position;
    private String problem;
    private boolean failed;

    /** {@code maxElementChars}: the longest top-level element (or header, comment...) accepted. */
    public StreamSplitter(int maxElementChars, Listener listener) {
        if (maxElementChars <= 0) throw new IllegalArgumentException("maxElementChars must be positive: " + maxElementChars);
        this.maxElementChars = maxElementChars;
        this.listener = Objects.requireNonNull(listener);
    }

    /** Splits {@code len} characters of {@code chars} from {@code off}; never throws for bad input. */
    public void feed(char[] chars, int off, int len) {
        Objects.checkFromIndexSize(off, len, chars.length);
        for (int i = off; i < off + len && !failed; i++) {
            char c = chars[i];
            position++;
            if (keeps(c)) {
                part.append(c);
                if (part.length() > maxElementChars) {
                    fail("an element longer than " + maxElementChars + " characters", part);
                    return;
                }
            }
            step(c);
            if (problem != null) fail(problem, part.isEmpty() ? new String(chars, i, off + len - i) : part);
        }
    }

    /** Forgets everything, including a failure: the next input must start a new stream. */
    public void reset() {
        clearPart();
        open.clear();
        state = State.CONTENT;
        header = null;
        problem = null;
        failed = false;
    }

    /** Whether malformed input was reported (and input is now ignored). */
    public boolean failed() {
        return failed;
    }

    /** Between top-level constructs only '<' is kept: whitespace (and the garbage reported) is not. */
    private boolean keeps(char c) {
        return state != State.CONTENT || !open.isEmpty() || c == '<';
    }

    private void step(char c) {
        switch (state) {
            case CONTENT -> content(c);
            case LT -> afterLessThan(c);
            case START_NAME -> {
                if (isNameChar(c)) return;
                tagName = part.substring(nameStart, part.length() - 1);
                inTag(c);
            }
            case IN_TAG -> inTag(c);
            case ATTR_NAME -> {
                if (c == '=') state = State.ATTR_EQ;
                else if (StreamHeader.isSpace(c)) state = State.ATTR_AFTER_NAME;
                else if (!isNameChar(c)) problem = "a malformed attribute name";
            }
            case ATTR_AFTER_NAME -> expect(c, '=', State.ATTR_EQ, "an attribute without '='");
            case ATTR_EQ -> {
                if (c == '\'' || c == '"') {
                    quote = c;
                    state = State.ATTR_VALUE;
                } else if (!StreamHeader.isSpace(c)) problem = "an attribute value without quotes";
            }
            case ATTR_VALUE -> {
                if (c == quote) state = State.IN_TAG;
                else if (c == '<') problem = "'<' in an attribute value";
            }
            case EMPTY_SLASH -> {
                if (c == '>') startTagDone(true);
                else problem = "'/' not followed by '>' in a tag";
            }
            case END_NAME -> endName(c);
            case END_AFTER -> {
                if (c == '>') endTagDone();
                else if (!StreamHeader.isSpace(c)) problem = "a malformed end tag";
            }
            default -> markup(c);
        }
    }

    private void content(char c) {
        if (c == '<') state = State.LT;
        else if (open.isEmpty() && !StreamHeader.isSpace(c) && !(c == '\uFEFF' && header == null)) {
            problem = header == null ? "not XML before the stream header" : "text outside any element";
        }
    }

    private void afterLessThan(char c) {
        nameStart = part.length();
        if (c == '/') state = State.END_NAME;
        else if (c == '?') state = State.PI;
        else if (c == '!') state = State.BANG;
        else if (isNameStart(c)) {
            nameStart = part.length() - 1;
            state = State.START_NAME;
        } else problem = "'<' not followed by a name";
    }

    private void inTag(char c) {
        if (c == '>') startTagDone(false);
        else if (c == '/') state = State.EMPTY_SLASH;
        else if (isNameStart(c)) state = State.ATTR_NAME;
        else if (StreamHeader.isSpace(c)) state = State.IN_TAG;
        else problem = "a malformed tag";
    }

    private void expect(char c, char wanted, State next, String otherwise) {
        if (c == wanted) state = next;
        else if (!StreamHeader.isSpace(c)) problem = otherwise;
    }

    private void endName(char c) {
        boolean first = part.length() - 1 == nameStart;
        if (first ? isNameStart(c) : isNameChar(c)) return;
        if (first) {
            problem = "'</' not followed by a name";
            return;
        }
        tagName = part.substring(nameStart, part.length() - 1);
        state = State.END_AFTER;
        if (c == '>') endTagDone();
        else if (!StreamHeader.isSpace(c)) problem = "a malformed end tag";
    }

    /** Processing instructions, comments and CDATA sections: skipped until their end. */
    private void markup(char c) {
        switch (state) {
            case PI -> state = c == '?' ? State.PI_QUESTION : State.PI;
            case PI_QUESTION -> {
                if (c == '>') markupDone();
                else if (c != '?') state = State.PI;
            }
            case BANG -> {
                if (c == '-') state = State.COMMENT_OPEN;
                else if (c == '[' && !open.isEmpty()) {
                    run = 0;
                    state = State.CDATA_OPEN;
                } else problem = c == '[' ? "a CDATA section outside any element" : "a DOCTYPE or other '<!' markup";
            }
            case COMMENT_OPEN -> {
                run = 0;
                if (c == '-') state = State.COMMENT;
                else problem = "'<!-' not followed by '-'";
            }
            case COMMENT -> endsAfter(c, '-');
            case CDATA_OPEN -> {
                if (c != CDATA_START.charAt(run)) problem = "a malformed CDATA section";
                else if (++run == CDATA_START.length()) {
                    run = 0;
                    state = State.CDATA;
                }
            }
            case CDATA -> endsAfter(c, ']');
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** A comment ends at "-->", a CDATA section at "]]>": {@code run} counts the marks before '>'. */
    private void endsAfter(char c, char mark) {
        if (c == '>' && run >= 2) markupDone();
        else run = c == mark ? run + 1 : 0;
    }

    /** Markup between top-level elements is dropped; inside an element it stays part of it. */
    private void markupDone() {
        state = State.CONTENT;
        if (open.isEmpty()) clearPart();
    }

    private void startTagDone(boolean empty) {
        state = State.CONTENT;
        if (!open.isEmpty()) {
            if (!empty) open.push(tagName);
            return;
        }
        StreamHeader opened = StreamHeader.parse(part.toString(), tagName).orElse(null);
        if (opened != null) {
            if (empty) {
                problem = "an empty stream header";
                return;
            }
            header = opened;
            clearPart();
            listener.streamOpened(opened);
        } else if (header == null) {
            problem = "expected the stream header";
        } else if (empty) {
            emit();
        } else {
            open.push(tagName);
        }
    }

    private void endTagDone() {
        state = State.CONTENT;
        if (open.isEmpty()) {
            if (header == null || !tagName.equals(header.qName())) {
                problem = "an end tag that closes no element";
                return;
            }
            String closing = part.toString();
            clearPart();
            header = null;
            listener.streamClosed(closing);
        } else if (!open.peek().equals(tagName)) {
            problem = "</" + tagName + "> where </" + open.peek() + "> was expected";
        } else {
            open.pop();
            if (open.isEmpty()) emit();
        }
    }

    private void emit() {
        String xml = part.toString();
        clearPart();
        listener.element(xml);
    }

    private void fail(String what, CharSequence context) {
        failed = true;
        problem = null;
        String shown = context.length() <= SHOWN ? context.toString()
                : Printable.cut(context.subSequence(0, SHOWN + 1).toString(), SHOWN, Printable.utf8Length(context.toString()));
        clearPart();
        open.clear();
        listener.malformed(what + " at character " + position + ": \"" + Printable.line(shown) + "\"");
    }

    private void clearPart() {
        part.setLength(0);
        if (part.capacity() > KEEP) part.trimToSize();
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':' || c >= 0x80;
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == '-' || c == '.';
    }
}
