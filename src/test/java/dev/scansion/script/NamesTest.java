package dev.scansion.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class NamesTest {
    @Test
    void swappedNeighboursAreOneEdit() {
        assertEquals(1, Names.distance("romoe", "romeo"));
        assertEquals(1, Names.distance("recieves", "receives"));
        assertEquals(2, Names.distance("julia", "juliet"));
        assertEquals(0, Names.distance("", ""));
        assertEquals(3, Names.distance("abc", ""));
    }

    @Test
    void suggestsTheClosestNameOnlyWhenClose() {
        List<String> actors = List.of("Juliet's phone", "Romeo", "Juliet");
        assertEquals("x; did you mean 'Romeo'?", Names.suggestion("Romoe", actors, "x"));
        assertEquals("x; did you mean 'Juliet'?", Names.suggestion("Julia", actors, "x"));
        assertEquals("x", Names.suggestion("Tybalt", actors, "x"));
    }
}
