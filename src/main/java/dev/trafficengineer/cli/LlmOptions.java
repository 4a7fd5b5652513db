package dev.trafficengineer.cli;

import dev.trafficengineer.llm.LlmSettings;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.ConfigReader;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The LLM options every drafting front end shares. The API key comes only from OPENAI_API_KEY or the config file,
 * never from a flag, so it stays out of shell history and process lists.
 */
final class LlmOptions {

    @Option(names = "--llm", paramLabel = "auto|none|openai",
            description = "auto: use a model when OPENAI_API_KEY or OPENAI_BASE_URL is set, else the deterministic"
                    + " drafter (default); none: never; openai: always (any OpenAI-compatible endpoint).")
    String provider;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name (default: TRAFFIC_ENGINEER_MODEL or "
            + LlmSettings.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (default: OPENAI_BASE_URL).")
    String baseUrl;

    @Option(names = "--llm-timeout", paramLabel = "DURATION", description = "Per call (default: 60s).")
    String timeout;

    @Option(names = "--llm-rounds", paramLabel = "N", description = "Draft and refine rounds before falling back to"
            + " the deterministic draft (default: 3).")
    Integer rounds;

    LlmSettings settings(Config config) {
        try {
            Duration t = timeout == null ? null : ConfigReader.parseDuration(timeout);
            return LlmSettings.resolve(provider, model, baseUrl, t, rounds, System.getenv(), config.llm());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
