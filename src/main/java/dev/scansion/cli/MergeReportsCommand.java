package dev.scansion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.scansion.report.ReportFiles;
import dev.scansion.report.ReportMerger;
import dev.scansion.report.ReportReader;
import dev.scansion.text.Printable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scansion merge-reports OUT IN...}: the shards' reports as one (see docs/ci.md). */
@Command(name = "merge-reports", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Merge the JSON reports (or the JUnit XML reports) of several shards into one: counts "
                + "summed, scripts in a stable order (by path; JUnit: by classname and name).",
                "The format is the inputs' (by extension, else by content); mixing formats is an error.",
                "Exit codes: 0 written, 2 an input cannot be read or the formats differ, 3 OUT cannot be written."})
final class MergeReportsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "The merged report to write.")
    Path out;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IN", description = "The shards' reports.")
    List<Path> in = new ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String merged;
        ReportReader.Format format;
        try {
            List<ReportReader.Report> reports = new ArrayList<>();
            for (Path p : in) reports.add(ReportReader.read(p));
            format = reports.get(0).format();
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".json") && format != ReportReader.Format.JSON
                    || name.endsWith(".xml") && format != ReportReader.Format.JUNIT) {
                throw new ReportReader.Unreadable(Printable.line(out.toString()) + ": the inputs are "
                        + ReportMerger.name(format) + " reports");
            }
            merged = ReportMerger.merge(reports);
        } catch (ReportReader.Unreadable e) {
            err.println("error: " + Printable.line(e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        List<String> problems = ReportFiles.writeText(out, merged);
        problems.forEach(p -> err.println("error: " + p));
        err.flush();
        if (!problems.isEmpty()) return ExitCodes.RUNTIME;
        spec.commandLine().getOut().println("merged " + in.size() + " " + ReportMerger.name(format) + " reports into "
                + Printable.line(out.toString()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
