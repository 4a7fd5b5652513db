package dev.trafficengineer.cli;

import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.llm.OpenAiModelClient;
import dev.trafficengineer.llm.RefineReport;
import dev.trafficengineer.llm.Refinement;
import dev.trafficengineer.llm.UsageListener;
import dev.trafficengineer.manifest.SecretValues;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** {@code traffic-engineer refine}: change manifests as the user says ("scale-down is too aggressive"), reviewed. */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = "Change autoscaling manifests as you describe it (\"scale-down is too aggressive\", \"max 20"
                + " replicas\", \"no cold starts\"); offline for what it understands, with the model for the rest when"
                + " one is configured. Every byte it does not change stays as it was.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the result has no finding at or above --fail-on", "1:it has one",
            "2:the command could not run"})
final class RefineCommand implements Callable<Integer> {

    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Mixin
    Settings settings = new Settings();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Parameters(paramLabel = "FILE", description = "The manifests (one file); - reads standard input.")
    String file;

    @Option(names = "--feedback", required = true, paramLabel = "WORDS", description = "What to change, in words.")
    String feedback;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the refined manifests to FILE.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error", description = "Exit 1 when the result has a finding at least"
            + " this severe (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Override
    public Integer call() throws IOException {
        ReviewSetup setup = settings.reviewSetup();
        LlmSettings llmSettings = llm.settings(setup.config());
        String yaml = TextInput.read(file, root.stdin, "file").text();
        Refinement refinement = new Refinement(setup.reviewer(), setup.loader(),
                llmSettings.enabled() ? new OpenAiModelClient(llmSettings, UsageListener.NONE) : null,
                llmSettings.maxRounds());
        Refinement.Refined r = refinement.refine(yaml, feedback);
        var out = spec.commandLine().getOut();
        // the report never repeats a secret value; the manifests themselves are the user's and stay whole
        SecretValues secrets = SecretValues.of(List.of(setup.loader().load(new SourceText(file, yaml), false)));
        if (output != null) {
            Files.writeString(output, r.yaml(), StandardCharsets.UTF_8);
            out.print(secrets.redact(format == Format.json ? RefineReport.json(r)
                    : String.join("\n", RefineReport.trailer(r)) + "\n"));
        } else {
            out.print(format == Format.json ? secrets.redact(RefineReport.json(r))
                    : RefineReport.yaml(r, secrets::redact));
        }
        out.flush();
        return failOn.exitCode(r.review());
    }
}
