package dev.scansion.recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.author.Conversation;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionFactory;
import dev.scansion.recorder.InteractiveInput.Command;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;

/**
 * {@code scansion record -i}: the runner is the client. The user types actions in the script
 * language ({@code Romeo connects}, {@code Romeo sends:} and XML lines ended by a blank line,
 * {@code Romeo disconnects}); what each actor receives is shown as it arrives; at {@code quit} or
 * the end of the input it returns the conversation, which {@code record} writes and verifies as
 * it does the proxy's.
 */
public final class InteractiveRecorder {
    private InteractiveRecorder() {
    }

    /**
     * Reads commands from {@code in} until {@code quit} or its end, performing them; then disconnects
     * every actor still connected. The conversation has no connection when no actor connected.
     */
    public static Conversation record(Reader in, PrintWriter out, Optional<Script> actors, RunConfig config,
                                      SessionFactory sessions) {
        InteractiveConsole console = new InteractiveConsole(out);
        Map<String, Actor> defined = new LinkedHashMap<>();
        actors.ifPresent(s -> s.actors().forEach(a -> defined.put(a.name(), a)));
        console.say(InteractiveHelp.text(defined.values()));
        InteractiveSessions live = new InteractiveSessions(config, sessions, console);
        InteractiveInput input = new InteractiveInput(in instanceof BufferedReader b ? b : new BufferedReader(in));
        try {
            try {
                while (perform(input.next(), console, defined, live)) {
                    // one command at a time, until quit or the end of the input
                }
            } catch (IOException e) {
                console.error("cannot read the input: " + e.getMessage());
            }
            return live.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            console.error("interrupted");
            return new Conversation(List.of(), List.of());
        }
    }

    /** Performs one command; false when it ends the recording. */
    private static boolean perform(Command c, InteractiveConsole console, Map<String, Actor> defined,
                                   InteractiveSessions live) throws InterruptedException {
        if (c instanceof InteractiveInput.Quit) return false;
        if (c instanceof InteractiveInput.Help) {
            console.say(InteractiveHelp.text(defined.values()));
        } else if (c instanceof InteractiveInput.Refused r) {
            console.error(InteractiveParser.INPUT + ":" + r.line() + ": " + r.why());
        } else if (c instanceof InteractiveInput.EndedMidCommand e) {
            console.error(InteractiveParser.INPUT + ":" + e.line() + ": the input ended inside " + e.what()
                    + "; nothing of it was sent");
            return false;
        } else if (c instanceof InteractiveInput.Define d) {
            define(d, console, defined);
        } else {
            act((InteractiveInput.Action) c, console, defined, live);
        }
        return true;
    }

    private static void define(InteractiveInput.Define d, InteractiveConsole console, Map<String, Actor> defined) {
        InteractiveParser.Parsed<Actor> p = InteractiveParser.actor(d, defined.values());
        if (p instanceof InteractiveParser.Error<Actor> e) {
            console.error(e.message());
            return;
        }
        Actor a = ((InteractiveParser.Ok<Actor>) p).value();
        defined.put(a.name(), a);
        console.say("defined " + a.name() + " (" + a.jid() + ")");
    }

    private static void act(InteractiveInput.Action action, InteractiveConsole console, Map<String, Actor> defined,
                            InteractiveSessions live) throws InterruptedException {
        InteractiveParser.Parsed<Step> p = InteractiveParser.step(action, defined.values());
        if (p instanceof InteractiveParser.Error<Step> e) {
            console.error(e.message() + (action.lines().size() > 1 ? "; nothing sent" : ""));
            return;
        }
        Step step = ((InteractiveParser.Ok<Step>) p).value();
        if (step instanceof Step.Connect) {
            live.connect(defined.get(step.actor()));
        } else if (step instanceof Step.Send s) {
            live.send(s.actor(), s.payload(), defined);
        } else if (step instanceof Step.Disconnect) {
            live.disconnect(step.actor());
        } else {
            console.error(InteractiveParser.INPUT + ":" + action.line() + ": " + step.verb()
                    + " is not typed here: what each actor receives is recorded as it arrives");
        }
    }
}
