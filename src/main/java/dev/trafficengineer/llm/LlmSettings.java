package dev.trafficengineer.llm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether and how to use a model: the provider, an OpenAI-compatible endpoint, the model name, a timeout and the
 * number of draft/refine rounds. The API key is held here and nowhere else, and {@link #toString()} never shows it.
 *
 * @param provider  {@code auto}: the model when a key or endpoint is configured, else the deterministic drafter;
 *                  {@code none}: never a model; {@code openai}: always the model (an error when not configured)
 */
public record LlmSettings(Provider provider, String apiKey, String baseUrl, String model, Duration timeout,
        int maxRounds, int maxRetries) {

    public enum Provider { AUTO, NONE, OPENAI }

    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_ROUNDS = 3;
    public static final int DEFAULT_RETRIES = 2;

    public static final LlmSettings NONE = new LlmSettings(Provider.NONE, null, null, DEFAULT_MODEL,
            DEFAULT_TIMEOUT, DEFAULT_ROUNDS, DEFAULT_RETRIES);

    /** True when a model should be called. */
    public boolean enabled() {
        return switch (provider) {
            case NONE -> false;
            case OPENAI -> true;
            case AUTO -> apiKey != null || baseUrl != null;
        };
    }

    /**
     * The settings in effect: command-line values win over the environment ({@code OPENAI_API_KEY},
     * {@code OPENAI_BASE_URL}, {@code TRAFFIC_ENGINEER_MODEL}), which wins over the config file's {@code llm}
     * section. Null arguments mean "not given".
     */
    public static LlmSettings resolve(String provider, String model, String baseUrl, Duration timeout,
            Integer rounds, Map<String, String> env, Map<String, String> config) {
        String p = first(provider, config.get("provider"), "auto");
        Provider prov;
        try {
            prov = Provider.valueOf(p.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LLM provider '" + p + "'; use auto, none or openai");
        }
        String key = first(env.get("OPENAI_API_KEY"), config.get("apiKey"), null);
        String url = first(baseUrl, env.get("OPENAI_BASE_URL"), config.get("baseUrl"));
        String m = first(model, env.get("TRAFFIC_ENGINEER_MODEL"), config.get("model"));
        Duration t = timeout != null ? timeout : Optional.ofNullable(config.get("timeoutSeconds"))
                .map(s -> Duration.ofSeconds(Long.parseLong(s))).orElse(DEFAULT_TIMEOUT);
        int r = rounds != null ? rounds : Optional.ofNullable(config.get("maxRounds")).map(Integer::parseInt)
                .orElse(DEFAULT_ROUNDS);
        if (r < 1) {
            throw new IllegalArgumentException("the round limit must be at least 1, got " + r);
        }
        if (prov == Provider.OPENAI && key == null && url == null) {
            throw new IllegalArgumentException("--llm openai needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local"
                    + " OpenAI-compatible server)");
        }
        return new LlmSettings(prov, key, url, m == null ? DEFAULT_MODEL : m, t, r, DEFAULT_RETRIES);
    }

    private static String first(String a, String b, String c) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "set") + ", timeout=" + timeout + ", maxRounds=" + maxRounds + "]";
    }
}
