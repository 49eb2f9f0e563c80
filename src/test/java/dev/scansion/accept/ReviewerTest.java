package dev.scansion.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The terminal's side of {@code --accept=review}: the question as shown, the answers as read. */
class ReviewerTest {
    private final StringWriter shown = new StringWriter();

    private Reviewer.Answer ask(String typed, String question) throws InterruptedException {
        return Reviewer.on(new BufferedReader(new StringReader(typed)), new PrintWriter(shown, true)).ask(question);
    }

    @Test
    void aQuestionQuotingTheServerCannotDriveTheTerminal() throws Exception {
        assertEquals(Reviewer.Answer.ACCEPT, ask("y\n", "v.scs:3:1: Romeo receives: text differs\n+\t<body>\u001b[2Jhi\u0007</body>"));
        String out = shown.toString();
        assertFalse(out.contains("\u001b") || out.contains("\u0007"), out);
        assertTrue(out.contains("+\t<body>\\e[2Jhi\\x07</body>\n"), out); // tabs and line breaks kept
    }

    @Test
    void anUnknownAnswerIsAskedAgainAndTheEndOfInputQuits() throws Exception {
        assertEquals(Reviewer.Answer.SKIP, ask("maybe\ns\n", "q?"));
        assertTrue(shown.toString().contains("please answer y, s or q"), shown.toString());
        assertEquals(Reviewer.Answer.QUIT, ask("", "q?"));
    }
}
