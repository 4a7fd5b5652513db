package dev.trafficengineer.cli;

import dev.trafficengineer.fix.AtomicWriter;
import dev.trafficengineer.fix.Fixer;
import dev.trafficengineer.fix.TextFixer;
import dev.trafficengineer.fix.UnifiedDiff;
import dev.trafficengineer.manifest.SecretValues;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.ReviewService;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.SarifReport;
import dev.trafficengineer.review.report.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code traffic-engineer review}: the batch reviewer for people and CI. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review manifests: schemas, API-server and KEDA validation, autoscaling rules, PromQL.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:a finding at or above --fail-on",
            "2:the command could not run (bad flags, bad config, no readable input at all)"
        })
final class ReviewCommand implements Callable<Integer> {

    enum Format { text, json, sarif }

    enum Color { auto, always, never }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Mixin
    Settings settings = new Settings();

    @Option(names = "--format", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "Exit 1 when a finding is at least this severe: error, warning, info or never"
                    + " (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--color", defaultValue = "auto", description = "auto, always or never (default: ${DEFAULT-VALUE}).")
    Color color;

    @Option(names = "--fix", description = "Apply the safe fixes: files are rewritten in place (standard input: the"
            + " fixed text goes to standard output, the report to standard error).")
    boolean fix;

    @Option(names = "--unsafe-fixes", description = "Also apply fixes that change behaviour (implies --fix).")
    boolean unsafeFixes;

    @Option(names = "--diff", description = "Print the fixes as a unified diff and write nothing.")
    boolean diff;

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories (*.yaml, *.yml, *.json, recursively); - reads standard input.")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        ReviewSetup setup = settings.reviewSetup();
        Reviewer reviewer = setup.reviewer();
        ReviewService service = new ReviewService(reviewer, setup.loader());
        boolean fixing = fix || unsafeFixes || diff;
        Review review;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter reportTo = out;
        try {
            if (fixing) {
                Fixer.Result result = new Fixer(reviewer, service.loader())
                        .fix(service.load(paths, root.stdin), unsafeFixes);
                reportTo = diff || paths.contains("-") ? spec.commandLine().getErr() : out;
                applyFixes(result, out);
                review = result.review();
            } else {
                review = service.reviewPaths(paths, root.stdin);
            }
        } catch (ReviewService.NoInputException e) {
            throw new UsageException(e.getMessage());
        }
        String report = switch (format) {
            case text -> new TextReport(useColor()).render(review);
            case json -> JsonReport.render(review);
            case sarif -> SarifReport.render(review, setup.registry().catalogue(), TrafficEngineer.version());
        };
        // messages, fixes and excerpts quote the files; none of them may repeat a secret value
        reportTo.print(SecretValues.of(review.files()).redact(report));
        reportTo.flush();
        out.flush();
        return failOn.exitCode(review);
    }

    /** Writes (or, with --diff, shows) the fixed files, and tells on standard error what was and was not fixed. */
    private void applyFixes(Fixer.Result result, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        int files = 0;
        for (Fixer.FileResult f : result.files()) {
            if (f.refused() != null) {
                err.println(f.path() + ": left unchanged: " + f.refused());
            }
            for (TextFixer.Skipped s : f.skipped()) {
                err.println(f.path() + ":" + s.finding().range().line() + ": fix for " + s.finding().ruleId()
                        + " not applied: " + s.reason());
            }
            if (!f.changed()) {
                if (f.path().equals(ReviewService.STDIN) && !diff && f.original() != null) {
                    out.print(f.original().text());
                }
                continue;
            }
            files++;
            if (diff) {
                out.print(UnifiedDiff.of(f.path(), f.original().text(), f.fixed()));
            } else if (f.path().equals(ReviewService.STDIN)) {
                out.print(f.fixed());
            } else {
                try {
                    AtomicWriter.write(Path.of(f.path()), f.fixed());
                } catch (IOException e) {
                    err.println(f.path() + ": cannot write the fixed file (" + e.getMessage() + "); left unchanged");
                    files--;
                }
            }
        }
        err.println((diff ? "Would fix " : "Fixed ") + result.fixedCount() + " finding"
                + (result.fixedCount() == 1 ? "" : "s") + " in " + files + " file" + (files == 1 ? "" : "s") + ".");
        err.flush();
    }

    private boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }
}
