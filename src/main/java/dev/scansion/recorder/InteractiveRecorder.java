package dev.scansion.recorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.scansion.author.Conversation;
import dev.scansion.author.Generaliser;
import dev.scansion.exec.RunConfig;
import dev.scansion.exec.SessionFactory;
import dev.scansion.recorder.InteractiveInput.Command;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Script;
import dev.scansion.script.ast.Step;
import dev.scansion.text.Printable;

/**
 * {@code scansion record -i}: the runner is the client. The user types actions in the script
 * language ({@code Romeo connects}, {@code Romeo sends:} and XML lines ended by a blank line,
 * {@code Romeo disconnects}); what each actor receives is shown as it arrives; at {@code quit} or
 * the end of the input the conversation is generalised and written (and, with verify, replayed:
 * {@link Verifier}).
 */
public final class InteractiveRecorder {
    /** Exit codes, as documented for the CLI: written (and verified), a failed verification, nothing recorded, an error. */
    public static final int OK = 0;
    public static final int NOT_VERIFIED = 1;
    public static final int NOTHING_RECORDED = 2;
    public static final int RUNTIME = 3;

    private InteractiveRecorder() {
    }

    /**
     * Records, then writes {@code output}: generalised with {@code options}; with {@code verify},
     * through the {@link Verifier} against the same server. Prints to {@code out}; never throws.
     *
     * @param actors a script whose {@code [Client]} definitions are the actors (its actions are not used)
     * @return {@link #OK}, {@link #NOT_VERIFIED}, {@link #NOTHING_RECORDED} or {@link #RUNTIME}
     */
    public static int run(Reader in, PrintWriter out, Optional<Script> actors, RunConfig config,
                          SessionFactory sessions, Path output, Generaliser.Options options, boolean verify) {
        Conversation conversation = record(in, out, actors, config, sessions);
        if (conversation.connections().isEmpty()) {
            out.println("nothing recorded: no actor connected; " + Printable.line(output.toString()) + " not written");
            return NOTHING_RECORDED;
        }
        if (!verify) {
            Optional<String> problem = Verifier.write(conversation, options, output);
            out.println(problem.map(p -> "error: " + Printable.line(p)).orElse("wrote " + Printable.line(output.toString())));
            return problem.isPresent() ? RUNTIME : OK;
        }
        Verification v = Verifier.verify(conversation, options, output, config, sessions);
        if (!(v.outcome() instanceof Verification.NotWritten)) out.println("wrote " + Printable.line(output.toString()));
        out.println(Printable.text(v.summary()));
        return v.exitCode();
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
