package dev.scansion.report;

import dev.scansion.exec.Limits;
import dev.scansion.result.Failure;
import dev.scansion.result.Reason;
import dev.scansion.text.Durations;

/**
 * The words of a failure: its one-line message, from the facts the result model holds. Every
 * report (console, JUnit XML, JSON, the JUnit engine) says a failure in these words.
 */
public final class FailureMessages {
    private FailureMessages() {
    }

    /** e.g. "no matching stanza within 5 s; 3 stanzas set aside". */
    public static String of(Failure f) {
        return of(f.reason());
    }

    public static String of(Reason reason) {
        if (reason instanceof Reason.NoMatch m) {
            long n = m.setAside().total();
            int kept = m.setAside().kept().size();
            return which(m.expected()) + "no matching stanza within " + Durations.format(m.waited()) + "; " + n
                    + (n == 1 ? " stanza" : " stanzas") + " set aside" + (kept < n ? " (the first " + kept
                    + " kept)" : "") + dropped(m.dropped());
        }
        if (reason instanceof Reason.NextMismatch m) return which(m.expected()) + "the next stanza does not match";
        if (reason instanceof Reason.NothingArrived t) {
            return which(t.expected()) + "no stanza arrived within " + Durations.format(t.waited())
                    + dropped(t.dropped());
        }
        if (reason instanceof Reason.Unexpected) return "expected nothing, but a stanza arrived";
        if (reason instanceof Reason.StreamClosed c) {
            return c.expected().map(FailureMessages::which).orElse("") + c.actor()
                    + "'s stream was closed by the server: " + c.end();
        }
        if (reason instanceof Reason.NotConnected n) {
            return n.actor() + (n.disconnected() ? " has disconnected" : " has not connected");
        }
        if (reason instanceof Reason.AlreadyConnected a) return a.actor() + " is already connected";
        if (reason instanceof Reason.Unbound u) return u.explanation();
        if (reason instanceof Reason.ConnectFailed c) return c.reason();
        if (reason instanceof Reason.SendFailed s) return "sending failed: " + s.reason();
        if (reason instanceof Reason.InvalidScript i) {
            return "does not parse (" + i.errors() + (i.errors() == 1 ? " error)" : " errors)");
        }
        if (reason instanceof Reason.Internal i) return i.detail();
        return "interrupted";
    }

    /** "; 3 more stanzas were dropped unread: Romeo's buffer was full (...)", or "". */
    private static String dropped(Reason.Dropped d) {
        long n = d.count();
        if (n == 0) return "";
        return "; " + n + (n == 1 ? " more stanza was" : " more stanzas were") + " dropped unread: " + d.actor()
                + "'s buffer was full (" + Limits.BUFFER_STANZAS + " stanzas or " + (Limits.BUFFER_CHARS >> 20)
                + " MiB)";
    }

    /** "expected element 2 of 3: " when the step expects several elements; "" otherwise. */
    private static String which(Reason.Expected e) {
        return e.of() == 1 ? "" : "expected element " + (e.index() + 1) + " of " + e.of() + ": ";
    }
}
