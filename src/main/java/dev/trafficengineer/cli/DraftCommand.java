package dev.trafficengineer.cli;

import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.llm.AssistedResult;
import dev.trafficengineer.llm.Drafting;
import dev.trafficengineer.llm.LlmReport;
import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.llm.ModelClient;
import dev.trafficengineer.llm.OpenAiModelClient;
import dev.trafficengineer.llm.UsageListener;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.SecretValues;
import dev.trafficengineer.review.Reviewer;
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

/** {@code traffic-engineer draft}: requirements in, reviewed and simulated manifests out. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = "Draft an HPA, KEDA ScaledObject or VPA from a requirements file (see"
                + " schemas/requirements.schema.json), with a reason for every value, then review and simulate it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the draft has no finding at or above --fail-on",
            "1:the draft has a finding at or above --fail-on",
            "2:the requirements could not be read (the message names file and line)"
        })
final class DraftCommand implements Callable<Integer> {

    enum Format { yaml, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Mixin
    Settings settings = new Settings();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Parameters(paramLabel = "REQUIREMENTS", description = "Requirements file (YAML or JSON); - reads standard input.")
    String requirements;

    @Option(names = "--workload", paramLabel = "FILE",
            description = "The workload's manifest: fills in its name, namespace, kind and container requests.")
    Path workload;

    @Option(names = "--format", defaultValue = "yaml", description = "yaml or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the manifests to FILE; the review and simulation go to standard output.")
    Path output;

    @Option(names = "--fail-on", defaultValue = "error",
            description = "Exit 1 when the draft has a finding at least this severe (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Override
    public Integer call() throws IOException {
        ReviewSetup setup = settings.reviewSetup();
        Reviewer reviewer = setup.reviewer();
        ManifestLoader loader = setup.loader();
        LlmSettings llmSettings = llm.settings(setup.config());
        DraftResult result;
        AssistedResult assisted = null;
        LoadedFile work = workload == null ? null : loader.load(workload, workload.toString());
        try {
            Requirements req = new RequirementsReader().read(TextInput.read(requirements, root.stdin,
                    "requirements file"));
            if (work != null && !work.problems().isEmpty()) {
                throw new UsageException(work.problems().get(0).file() + ":" + work.problems().get(0).range().line()
                        + ": " + work.problems().get(0).message());
            }
            ModelClient client = llmSettings.enabled() ? new OpenAiModelClient(llmSettings, UsageListener.NONE) : null;
            Drafting.Drafted drafted = new Drafting(reviewer, loader, client, llmSettings.maxRounds()).draft(req, work);
            result = drafted.result();
            assisted = drafted.assisted();
        } catch (RequirementsException e) {
            throw new UsageException("the requirements cannot be used:\n  " + String.join("\n  ", e.problems()));
        }
        var out = spec.commandLine().getOut();
        // findings on the workload's manifest may quote it; the draft itself never holds a secret value
        SecretValues secrets = SecretValues.of(work == null ? List.of() : List.of(work));
        if (output != null) {
            Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
            out.print(secrets.redact(format == Format.json ? LlmReport.json(result, assisted)
                    : String.join("\n", LlmReport.trailer(result, assisted)) + "\n"));
        } else {
            out.print(secrets.redact(format == Format.json ? LlmReport.json(result, assisted)
                    : LlmReport.yaml(result, assisted)));
        }
        out.flush();
        return failOn.exitCode(result.review());
    }
}
