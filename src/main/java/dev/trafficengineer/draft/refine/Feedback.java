package dev.trafficengineer.draft.refine;

import java.util.List;

/**
 * Reads what a user asks for in free text, without a model: "scale-down is too aggressive", "max 20 replicas", "our
 * API does 800 rps at peak", "the topic has 24 partitions". Numbers are read with their units (rps, req/s, qps,
 * msgs/s, ms, s, minutes, %, pods, replicas, cores, millicores, Mi, Gi, partitions). A sentence part that says
 * nothing we understand comes back as {@link Intent.Unknown}, word for word, so the caller can answer honestly
 * instead of guessing.
 */
public final class Feedback {

    private Feedback() {}

    /** The intents in {@code words}, in the order they were written. */
    public static List<Intent> parse(String words) {
        return new FeedbackParser(words == null ? "" : words).parse();
    }

    /** Only the intents that were understood. */
    public static List<Intent> understood(List<Intent> intents) {
        return intents.stream().filter(i -> !(i instanceof Intent.Unknown)).toList();
    }

    /** Only what was not understood. */
    public static List<Intent.Unknown> unknown(List<Intent> intents) {
        return intents.stream().filter(Intent.Unknown.class::isInstance).map(Intent.Unknown.class::cast).toList();
    }

    /** What can be changed offline, as examples a user can type: the answer to "what can I say?". */
    public static List<String> examples() {
        return List.of(
                "\"scale-down is too aggressive\" / \"scale-down is too slow\" / \"scale-up is too slow\"",
                "\"max 20 replicas\", \"min 3 replicas\"",
                "\"no cold starts\", \"scale to zero is fine\", \"cheaper at night\"",
                "\"use p99\", \"p95 under 300 ms\"",
                "\"peak 800 rps\", \"50 rps at night\", \"one pod handles 80 rps\", \"pods start in 40 s\"",
                "\"scale on kafka\" / \"prometheus\" / \"cpu\", \"the topic has 24 partitions\", \"SASL and TLS\"",
                "\"conservative start\", \"add a VPA\" / \"remove the VPA\"");
    }
}
