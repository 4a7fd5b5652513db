package dev.trafficengineer.cli;

import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.ReviewService;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.SarifReport;
import dev.trafficengineer.review.report.TextReport;
import dev.trafficengineer.rules.RuleRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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

    enum FailOn { error, warning, info, never }

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

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Files or directories (*.yaml, *.yml, *.json, recursively); - reads standard input.")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        RuleRegistry registry = RuleCatalog.standard();
        Config config = settings.config(registry);
        Reviewer reviewer = new Reviewer(registry, settings.options(config), config);
        ReviewService service = new ReviewService(reviewer, new ManifestLoader(settings.namespace(config)));
        Review review;
        try {
            review = service.reviewPaths(paths, root.stdin);
        } catch (ReviewService.NoInputException e) {
            throw new UsageException(e.getMessage());
        }
        String out = switch (format) {
            case text -> new TextReport(useColor()).render(review);
            case json -> JsonReport.render(review);
            case sarif -> SarifReport.render(review, registry.catalogue(), TrafficEngineer.version());
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        if (failOn == FailOn.never) {
            return ExitCode.OK;
        }
        return review.reaches(Severity.parse(failOn.name())) ? ExitCode.FINDINGS : ExitCode.OK;
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
