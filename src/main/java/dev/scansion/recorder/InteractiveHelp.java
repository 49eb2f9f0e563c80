package dev.scansion.recorder;

import java.util.Collection;
import java.util.stream.Collectors;

import dev.scansion.script.ast.Actor;

/** The short help {@code record -i} shows at start and on {@code help}. Never shows a password. */
final class InteractiveHelp {
    private InteractiveHelp() {
    }

    static String text(Collection<Actor> actors) {
        String known = actors.isEmpty() ? "none yet: define one with a [Client] block"
                : actors.stream().map(a -> a.name() + " (" + a.jid() + ")").collect(Collectors.joining(", "));
        return String.join("\n",
                "Recording: type actions as in a script; what each actor receives is shown as it arrives.",
                "  [Client] Name         define an actor: then indented 'jid: ...' and 'password: ...' lines,",
                "                        ended by a blank line",
                "  Name connects         log in and bind, with the server options of 'run'",
                "  Name sends:           then the XML (any indentation, ${Name's JID} and ${Name's full JID}",
                "                        work), ended by a blank line; bad XML is refused and nothing is sent",
                "  Name disconnects      close the actor's stream",
                "  help                  this text",
                "  quit                  (or end of input, Ctrl-D) disconnect everyone, write the script",
                "Ctrl-C abandons the recording without writing anything.",
                "Actors: " + known);
    }
}
