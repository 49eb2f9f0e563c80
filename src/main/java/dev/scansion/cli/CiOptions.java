package dev.scansion.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.scansion.exec.RunListener;
import dev.scansion.report.GitHubAnnotations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How a run behaves as a CI gate: stopping at the first failure, annotations for the CI's viewer. */
final class CiOptions {
    @Option(names = "--fail-fast",
            description = "Stop after the first script that fails or has an error; the rest are reported as "
                    + "not run (skipped, with the reason, in every report).")
    boolean failFast;

    @Option(names = "--annotations", paramLabel = "github|none", converter = ModeConverter.class,
            description = "github: also print each failure as a GitHub Actions annotation "
                    + "(::error file=...,line=...::reason) on stdout; none: never. Not given: github when "
                    + "GITHUB_ACTIONS=true.")
    String annotations = "auto";

    /** The listeners these options add to a run: the annotations, when wanted. */
    List<RunListener> listeners(PrintWriter out, Function<String, String> env) {
        return GitHubAnnotations.wanted(annotations, env) ? List.of(new GitHubAnnotations(out)) : List.of();
    }

    static final class ModeConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("github") || v.equals("none")) return v;
            throw new TypeConversionException("expected github or none, not '" + value + "'");
        }
    }
}
