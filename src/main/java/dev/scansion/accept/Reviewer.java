package dev.scansion.accept;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.util.Locale;

import dev.scansion.text.Printable;

/** {@code --accept=review}: asks about each rewrite before it is accepted. */
public interface Reviewer {
    /** The answers: take this rewrite, leave this step failing, or stop accepting (what was taken stays taken). */
    enum Answer { ACCEPT, SKIP, QUIT }

    /** Shows {@code question} (where, why, the change as a diff) and returns the answer. */
    Answer ask(String question) throws InterruptedException;

    /**
     * Asks on a text terminal: the question, then {@code accept? [y]es, [s]kip, [q]uit} until one of
     * them is typed. The end of input is {@link Answer#QUIT}.
     */
    static Reviewer on(BufferedReader in, PrintWriter out) {
        return question -> {
            out.println(Printable.text(question)); // it quotes what the server sent
            while (true) {
                out.print("accept this change? [y]es, [s]kip, [q]uit: ");
                out.flush();
                String line;
                try {
                    line = in.readLine();
                } catch (InterruptedIOException e) {
                    throw new InterruptedException("interrupted while asking");
                } catch (IOException e) {
                    return Answer.QUIT;
                }
                if (line == null) {
                    out.println();
                    return Answer.QUIT;
                }
                switch (line.trim().toLowerCase(Locale.ROOT)) {
                    case "y", "yes", "a", "accept" -> {
                        return Answer.ACCEPT;
                    }
                    case "s", "skip", "n", "no" -> {
                        return Answer.SKIP;
                    }
                    case "q", "quit" -> {
                        return Answer.QUIT;
                    }
                    default -> out.println("please answer y, s or q");
                }
            }
        };
    }
}
