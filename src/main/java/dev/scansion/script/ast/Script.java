package dev.scansion.script.ast;

import java.util.List;
import java.util.Optional;

/**
 * A parsed script: header (title, description, tags), actor definitions, and the actions.
 *
 * @param file        display name of the file (as given by the user), used in every position
 * @param title       the first header comment line, without {@code # }; empty when absent
 * @param description the following header comment lines, joined with newlines; empty when absent
 */
public record Script(String file, String title, String description, List<Tag> tags, List<Actor> actors,
                     List<Step> steps) {
    public Script {
        tags = List.copyOf(tags);
        actors = List.copyOf(actors);
        steps = List.copyOf(steps);
    }

    public Optional<Actor> actor(String name) {
        return actors.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean hasTag(String name) {
        return tags.stream().anyMatch(t -> t.name().equals(name));
    }
}
