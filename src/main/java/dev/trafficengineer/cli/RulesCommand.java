package dev.trafficengineer.cli;

import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.review.report.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code traffic-engineer rules}: the rule catalogue; {@code --format markdown} writes docs/rules.md. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule with its severity and docs.")
final class RulesCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        var rules = RuleCatalog.standard().catalogue();
        spec.commandLine().getOut().print(switch (format) {
            case text -> RuleDocs.text(rules);
            case json -> RuleDocs.json(rules);
            case markdown -> RuleDocs.markdown(rules);
        });
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
