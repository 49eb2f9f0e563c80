package dev.scansion.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestTag;

import dev.scansion.script.ast.SourceSpan;
import dev.scansion.script.ast.Tag;

class JUnitTagsTest {
    private static Tag tag(String name, String value) {
        return new Tag(name, value, SourceSpan.of("t.scs", 1, 1));
    }

    private static Set<String> names(Tag... tags) {
        return JUnitTags.of(List.of(tags)).stream().map(TestTag::getName).collect(Collectors.toSet());
    }

    @Test
    void nameAndNameValue() {
        assertEquals(Set.of("muc"), names(tag("muc", null)));
        assertEquals(Set.of("status", "status:stable"), names(tag("status", "stable")));
        assertEquals(Set.of("status", "status:work_in_progress"), names(tag("status", "work in progress")));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", ignoreLeadingAndTrailingWhitespace = false, value = {
            "a b=>a_b", "x,y=>x_y", "(a)=>_a_", "a&b=>a_b", "a|b=>a_b", "!x=>_x", "tab\there=>tab_here",
            " trimmed =>trimmed",
    })
    void reservedCharactersBecomeUnderscores(String in, String out) {
        assertEquals(out, JUnitTags.sanitise(in));
        assertTrue(TestTag.isValid(JUnitTags.sanitise(in)));
    }

    @Test
    void emptyNamesAreDropped() {
        assertEquals(Set.of(), names(tag("  ", null)));
        assertEquals(Set.of("x"), names(tag("x", " ")));
    }
}
