package dev.trafficengineer.llm;

import dev.trafficengineer.metrics.LlmMetrics;
import java.util.Locale;

/** Model calls counted in a metrics registry: {@code ok} with its tokens, or the kind of failure. */
public final class MetricsUsage implements UsageListener {

    private final LlmMetrics metrics;

    public MetricsUsage(LlmMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void succeeded(ModelClient.Reply reply) {
        metrics.call("ok");
        metrics.tokens(reply.inputTokens(), reply.outputTokens());
    }

    @Override
    public void failed(LlmException.Kind kind) {
        metrics.call(kind.name().toLowerCase(Locale.ROOT));
    }
}
