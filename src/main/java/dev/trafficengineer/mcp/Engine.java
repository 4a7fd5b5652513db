package dev.trafficengineer.mcp;

import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine as the tools call it, set up once from the command line's settings (the config file, the namespace,
 * the Kubernetes version): the same review the CLI runs, so a finding reads the same in the terminal and the IDE.
 *
 * @param workspace        the directories paths may come from when the client announces no roots ({@code --workspace});
 *                         empty: the working directory
 * @param workingDirectory where the server was started
 * @param llm              the model behind drafting, as {@code draft} resolves it ({@link LlmSettings#NONE}: the
 *                         deterministic drafter)
 */
public record Engine(RuleRegistry registry, ReviewOptions options, Config config, String namespace,
        List<Path> workspace, Path workingDirectory, LlmSettings llm) {

    public Engine {
        workspace = List.copyOf(workspace);
    }

    Reviewer reviewer() {
        return new Reviewer(registry, options, config);
    }

    Reviewer reviewer(ReviewOptions overrides) {
        return new Reviewer(registry, overrides, config);
    }

    ManifestLoader loader() {
        return new ManifestLoader(namespace);
    }
}
