package dev.scansion.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.scansion.recorder.InteractiveInput.Action;
import dev.scansion.recorder.InteractiveInput.Command;
import dev.scansion.recorder.InteractiveInput.Define;
import dev.scansion.recorder.InteractiveInput.EndedMidCommand;
import dev.scansion.recorder.InteractiveInput.Help;
import dev.scansion.recorder.InteractiveInput.Quit;
import dev.scansion.recorder.InteractiveInput.Refused;
import dev.scansion.script.ast.Actor;
import dev.scansion.script.ast.Step;

/** Typed input: grouped into commands, then read by the script parser with positions in the input. */
class InteractiveParserTest {
    private static List<Command> commands(String typed) throws Exception {
        InteractiveInput in = new InteractiveInput(new BufferedReader(new StringReader(typed)));
        List<Command> out = new ArrayList<>();
        for (Command c = in.next(); ; c = in.next()) {
            out.add(c);
            if (c instanceof Quit || c instanceof EndedMidCommand) return out;
        }
    }

    private static Actor romeo() throws Exception {
        Define d = (Define) commands("[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw\n").get(0);
        return ((InteractiveParser.Ok<Actor>) InteractiveParser.actor(d, List.of())).value();
    }

    @Test
    void linesAreGroupedIntoCommandsWithTheLineTheyStartOn() throws Exception {
        List<Command> c = commands("help\n[Client] Romeo\n\tjid: romeo@localhost\nRomeo connects\n\n"
                + "# a comment\nRomeo sends:\n<message to='a@b'>\n  <body>hi</body>\n</message>\n\nRomeo disconnects\r\nquit\n");
        assertEquals(List.of(new Help(1), new Define(2, List.of("[Client] Romeo", "\tjid: romeo@localhost")),
                new Action(4, List.of("Romeo connects")),
                new Action(7, List.of("Romeo sends:", "<message to='a@b'>", "  <body>hi</body>", "</message>")),
                new Action(12, List.of("Romeo disconnects")), new Quit(13)), c);
    }

    @Test
    void theEndOfInputIsQuitAndMidSendsIsSaid() throws Exception {
        assertEquals(List.of(new Action(1, List.of("Romeo connects")), new Quit(1)), commands("Romeo connects\n"));
        assertEquals(List.of(new EndedMidCommand(2, "the sends")), commands("\nRomeo sends:\n<message/>\n"));
    }

    @Test
    void receivesAndStrayIndentedLinesAreRefused() throws Exception {
        List<Command> c = commands("Romeo receives:\n<message/>\n\nRomeo receives: nothing\n  <x/>\n");
        assertEquals(List.of(1, 4, 5, 5), c.stream().map(Command::line).toList());
        assertInstanceOf(Refused.class, c.get(0));
        assertInstanceOf(Refused.class, c.get(1));
        assertInstanceOf(Refused.class, c.get(2));
    }

    @Test
    void anOverlongLineRefusesItsCommand() throws Exception {
        String line = "Romeo sends:\n<message>" + "x".repeat(InteractiveInput.MAX_LINE_CHARS) + "</message>\n\nquit\n";
        List<Command> c = commands(line);
        assertInstanceOf(Refused.class, c.get(0));
        assertEquals(new Quit(4), c.get(1));
    }

    @Test
    void aTypedActorIsParsedAsInAScript() throws Exception {
        Actor a = romeo();
        assertEquals("Romeo", a.name());
        assertEquals("romeo@localhost", a.bareJid());
        assertEquals("pw", a.password().orElseThrow());
        Define again = (Define) commands("\n[Client] Romeo\n\tjid: r@localhost\n").get(0);
        assertEquals(new InteractiveParser.Error<>("input:2:1: an actor named 'Romeo' is defined already"),
                InteractiveParser.actor(again, List.of(a)));
    }

    @Test
    void aSendIsParsedWithVariablesAndUnknownActorsAreRefused() throws Exception {
        Action send = new Action(5, List.of("Romeo sends:", "<message to=\"${Romeo's JID}\"><body>hi</body></message>"));
        Step s = ((InteractiveParser.Ok<Step>) InteractiveParser.step(send, List.of(romeo()))).value();
        assertInstanceOf(Step.Send.class, s);
        InteractiveParser.Parsed<Step> unknown = InteractiveParser.step(new Action(9, List.of("Tybalt connects")),
                List.of(romeo()));
        assertEquals(new InteractiveParser.Error<>("input:9:1: unknown actor 'Tybalt'"), unknown);
    }

    @Test
    void badXmlIsRefusedAtItsLineAndColumnInTheInput() throws Exception {
        Action send = new Action(20, List.of("Romeo sends:", "<message>", "<body>hi</bdy>", "</message>"));
        String m = ((InteractiveParser.Error<Step>) InteractiveParser.step(send, List.of(romeo()))).message();
        assertEquals("input:22:", m.substring(0, 9), m);
        assertEquals("input:22:9: mismatched end tag </bdy>", m);
        assertEquals("input:11:3: element <b> is never closed", ((InteractiveParser.Error<Step>) InteractiveParser.step(
                new Action(9, List.of("Romeo sends:", "<a>", "  <b>")), List.of(romeo()))).message());
        assertEquals("input:10:8: unknown variable '${Juliet}'", ((InteractiveParser.Error<Step>) InteractiveParser
                .step(new Action(9, List.of("Romeo sends:", "<a to='${Juliet}'/>")), List.of(romeo()))).message());
    }
}
