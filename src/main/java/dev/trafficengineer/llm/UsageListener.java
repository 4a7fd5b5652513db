package dev.trafficengineer.llm;

/** Told about every model call, for metrics: tokens used, or the kind of failure. */
public interface UsageListener {

    UsageListener NONE = new UsageListener() {
        @Override
        public void succeeded(ModelClient.Reply reply) {}

        @Override
        public void failed(LlmException.Kind kind) {}
    };

    void succeeded(ModelClient.Reply reply);

    void failed(LlmException.Kind kind);
}
