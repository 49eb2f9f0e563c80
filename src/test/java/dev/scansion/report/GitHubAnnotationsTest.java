package dev.scansion.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** GitHub's workflow-command escaping, and when annotations are on. */
class GitHubAnnotationsTest {
    @Test
    void messagesEscapePercentAndLineBreaksAndShowControlCharactersEscaped() {
        assertEquals("100%25 a%0Ab%0Ac: d, e", GitHubAnnotations.data("100% a\nb\r\nc: d, e"));
        assertEquals("bell \\x07 esc \\e", GitHubAnnotations.data("bell \u0007 esc \u001b"));
        // "::" from a server cannot end the message and start a command: it stays on this line.
        assertEquals("x%0A::error::forged", GitHubAnnotations.data("x\n::error::forged"));
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertEquals("a%3A b%2C c%25 d\\nd", GitHubAnnotations.property("a: b, c% d\nd"));
    }

    @Test
    void theModeDecidesAndAutoFollowsGitHubActions() {
        assertTrue(GitHubAnnotations.wanted("github", Map.<String, String>of()::get));
        assertFalse(GitHubAnnotations.wanted("none", Map.of("GITHUB_ACTIONS", "true")::get));
        assertTrue(GitHubAnnotations.wanted("auto", Map.of("GITHUB_ACTIONS", "true")::get));
        assertFalse(GitHubAnnotations.wanted("auto", Map.of("GITHUB_ACTIONS", "1")::get));
        assertFalse(GitHubAnnotations.wanted("auto", Map.<String, String>of()::get));
    }
}
