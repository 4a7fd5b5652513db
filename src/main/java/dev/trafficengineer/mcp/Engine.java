package dev.trafficengineer.mcp;

import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.RuleRegistry;
import java.nio.file.Path;

/**
 * The engine as the tools call it, set up once from the command line's settings (the config file, the namespace,
 * the Kubernetes version): the same review the CLI runs, so a finding reads the same in the terminal and the IDE.
 *
 * @param workingDirectory the workspace when the client announces no roots
 * @param llm              the model behind drafting, as {@code draft} resolves it ({@link LlmSettings#NONE}: the
 *                         deterministic drafter)
 */
public record Engine(RuleRegistry registry, ReviewOptions options, Config config, String namespace,
        Path workingDirectory, LlmSettings llm) {

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
