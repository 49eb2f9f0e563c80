package dev.scansion.junit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.platform.engine.TestTag;

import dev.scansion.script.ast.Tag;

/**
 * Header tags as JUnit tags. {@code ## muc} becomes {@code muc}; {@code ## status: stable} becomes
 * both {@code status} and {@code status:stable}, so that {@code --include-tags status} selects by
 * name like the CLI's {@code --only-tags status} does. Characters a JUnit tag may not contain
 * (whitespace, {@code , ( ) & | !}, control characters) become {@code _}.
 */
final class JUnitTags {
    private JUnitTags() {
    }

    static Set<TestTag> of(List<Tag> tags) {
        Set<TestTag> out = new LinkedHashSet<>();
        for (Tag t : tags) {
            String name = sanitise(t.name());
            if (name.isEmpty()) continue;
            add(out, name);
            if (t.value() != null && !t.value().isBlank()) add(out, name + ":" + sanitise(t.value()));
        }
        return out;
    }

    static String sanitise(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.strip().length(); i++) {
            char c = s.strip().charAt(i);
            boolean bad = Character.isWhitespace(c) || Character.isISOControl(c)
                    || TestTag.RESERVED_CHARACTERS.contains(String.valueOf(c));
            sb.append(bad ? '_' : c);
        }
        return sb.toString();
    }

    private static void add(Set<TestTag> out, String name) {
        if (TestTag.isValid(name)) out.add(TestTag.create(name));
    }
}
