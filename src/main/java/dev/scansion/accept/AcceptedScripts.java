package dev.scansion.accept;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an accept run rewrote: per script, its bytes as read, its text before and after, how many
 * steps were accepted. Written in place ({@link #writeInPlace}) or as one unified diff ({@link #patch}).
 */
public record AcceptedScripts(List<Script> scripts) {
    public AcceptedScripts {
        scripts = List.copyOf(scripts);
    }

    /**
     * One rewritten script.
     *
     * @param path   the file
     * @param bytes  the file's bytes when the run first read it (a write compares them with the file)
     * @param before its text as read
     * @param after  its text with every accepted rewrite
     * @param steps  how many steps were accepted in it
     */
    public record Script(Path path, byte[] bytes, String before, String after, int steps) {
    }

    /** The outcome of writing one script: empty when written, else why not (the file untouched). */
    public record Written(Script script, Optional<String> refused) {
    }

    public int steps() {
        return scripts.stream().mapToInt(Script::steps).sum();
    }

    public boolean isEmpty() {
        return scripts.isEmpty();
    }

    /** Writes each script in place, atomically and only over the bytes it was read as (see {@link ScriptWriter}). */
    public List<Written> writeInPlace() {
        List<Written> out = new ArrayList<>();
        for (Script s : scripts) {
            try {
                ScriptWriter.replace(s.path(), s.bytes(), s.after());
                out.add(new Written(s, Optional.empty()));
            } catch (ScriptWriter.Refused e) {
                out.add(new Written(s, Optional.of(e.getMessage())));
            }
        }
        return out;
    }

    /** One unified diff of every script, paths {@code a/...} and {@code b/...} relative to {@code cwd}. */
    public String patch(Path cwd) {
        StringBuilder sb = new StringBuilder();
        Path base = cwd.toAbsolutePath().normalize();
        for (Script s : scripts) {
            String name = base.relativize(s.path().toAbsolutePath().normalize()).toString().replace('\\', '/');
            sb.append(UnifiedDiff.of(name, s.before(), s.after()));
        }
        return sb.toString();
    }

    /** Writes {@link #patch} to {@code file}, whole; empty when written, else why not. */
    public Optional<String> writePatch(Path file, Path cwd) {
        try {
            ScriptWriter.writeNew(file, patch(cwd));
            return Optional.empty();
        } catch (ScriptWriter.Refused e) {
            return Optional.of(e.getMessage());
        }
    }
}
