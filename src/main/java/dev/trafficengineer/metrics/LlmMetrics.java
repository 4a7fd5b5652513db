package dev.trafficengineer.metrics;

/**
 * What the LLM layer counts: model calls by outcome ({@code ok}, {@code error}, {@code timeout},
 * {@code rate_limited}, …) and tokens by kind ({@code input}, {@code output}). The front end that owns the
 * registry (the HTTP server) creates this and hands it to the model client; {@link #NONE} counts nothing.
 */
public final class LlmMetrics {

    public static final String CALLS = "traffic_engineer_llm_calls_total";
    public static final String TOKENS = "traffic_engineer_llm_tokens_total";

    /** Counts nothing: for commands without a registry. */
    public static final LlmMetrics NONE = new LlmMetrics(null);

    private final Metrics.Counter calls;
    private final Metrics.Counter tokens;

    private LlmMetrics(Metrics registry) {
        if (registry == null) {
            calls = null;
            tokens = null;
            return;
        }
        calls = registry.counter(CALLS, "Calls to the language model, by outcome.", "outcome");
        tokens = registry.counter(TOKENS, "Tokens sent to (input) and received from (output) the language model.",
                "kind");
        // present from the start, so dashboards and alerts see zeros rather than nothing
        calls.add(0, "ok");
        calls.add(0, "error");
        tokens.add(0, "input");
        tokens.add(0, "output");
    }

    public static LlmMetrics in(Metrics registry) {
        return new LlmMetrics(registry);
    }

    /** One call to the model, and how it ended. */
    public void call(String outcome) {
        if (calls != null) {
            calls.inc(outcome);
        }
    }

    /** Tokens of one call, as the model reported them. */
    public void tokens(long input, long output) {
        if (tokens != null) {
            tokens.add(Math.max(0, input), "input");
            tokens.add(Math.max(0, output), "output");
        }
    }
}
