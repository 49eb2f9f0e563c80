package dev.scansion.junit;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import dev.scansion.script.ast.SourcePos;

/**
 * Where a script comes from: a classpath resource ({@code scansion/chat.scs}) or a file. The name
 * is also the script's display name in every position ({@code scansion/chat.scs:12:1}).
 */
record ScriptLocation(Kind kind, String name, Optional<Path> file) {
    enum Kind {
        RESOURCE("resource"), FILE("file");

        final String segment;

        Kind(String segment) {
            this.segment = segment;
        }
    }

    static ScriptLocation resource(String name) {
        return new ScriptLocation(Kind.RESOURCE, name, Optional.empty());
    }

    static ScriptLocation file(Path path) {
        return new ScriptLocation(Kind.FILE, path.toString(), Optional.of(path));
    }

    /** Resources by name; files by absolute normalised path, so one file has one id however it was selected. */
    UniqueId uniqueId(UniqueId parent) {
        String value = file.map(p -> p.toAbsolutePath().normalize().toString()).orElse(name);
        return parent.append(kind.segment, value);
    }

    /** The last path segment: {@code chat.scs}. */
    String fileName() {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }

    /** A source an IDE can open at {@code pos}. */
    TestSource source(SourcePos pos) {
        FilePosition at = FilePosition.from(pos.line(), pos.column());
        return file.<TestSource>map(p -> FileSource.from(p.toFile(), at))
                .orElseGet(() -> ClasspathResourceSource.from(name, at));
    }
}
