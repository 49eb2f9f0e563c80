package dev.scansion.recorder;

import java.io.PrintWriter;

import dev.scansion.match.ReceivedStanza;
import dev.scansion.text.Printable;

/**
 * The terminal of {@code record -i}: the user's prompts and answers on one thread, stanzas from the
 * session pumps on others. Every message is printed whole under one lock and flushed, so that two
 * never interleave mid-line; text from servers and from the input is made printable.
 */
final class InteractiveConsole {
    private final PrintWriter out;

    InteractiveConsole(PrintWriter out) {
        this.out = out;
    }

    /** Lines printed together, each made printable (tabs kept). */
    synchronized void say(String... lines) {
        for (String line : lines) out.println(Printable.text(line));
        out.flush();
    }

    /** A refusal or a failure, in one line. */
    void error(String message) {
        synchronized (this) {
            out.println("error: " + Printable.line(message));
            out.flush();
        }
    }

    /** What an actor received: {@code Name receives:} and the stanza indented, pretty-printed when it parses. */
    void received(String actor, String raw) {
        String shown;
        try {
            shown = ReceivedStanza.parse(raw).pretty();
        } catch (ReceivedStanza.MalformedStanzaException e) {
            shown = raw;
        }
        StringBuilder block = new StringBuilder(Printable.line(actor)).append(" receives:");
        for (String line : Printable.text(shown).split("\n")) block.append(System.lineSeparator()).append('\t').append(line);
        synchronized (this) {
            out.println(block);
            out.flush();
        }
    }
}
