package dev.trafficengineer.draft.refine;

import java.util.Locale;

/**
 * One thing a user asked for or told us, in words we understand without a model: feedback on a draft ("scale-down
 * is too aggressive", "max 20 replicas") and facts about the workload ("peak 800 rps", "the topic has 24
 * partitions"). {@link Feedback#parse} reads them from text; {@link RequirementsRefiner} turns them into
 * requirements, {@link ManifestRefiner} into edits of existing manifests. What the parser does not understand comes
 * back as {@link Unknown}, so the caller can say so instead of guessing.
 */
public sealed interface Intent {

    /** The intent in a few words, for "I changed …" and "I can't … offline" messages. */
    String describe();

    // ---- feedback on how the draft scales

    /** Pods are removed too soon or too fast. */
    record ScaleDownTooAggressive() implements Intent {
        @Override
        public String describe() {
            return "scale down more gently";
        }
    }

    /** Pods stay long after the load has gone. */
    record ScaleDownTooSlow() implements Intent {
        @Override
        public String describe() {
            return "scale down sooner";
        }
    }

    /** New pods come too late for a rising load. */
    record ScaleUpTooSlow() implements Intent {
        @Override
        public String describe() {
            return "scale up sooner";
        }
    }

    record MaxReplicas(int replicas) implements Intent {
        @Override
        public String describe() {
            return "at most " + replicas + " replicas";
        }
    }

    record MinReplicas(int replicas) implements Intent {
        @Override
        public String describe() {
            return "at least " + replicas + " replicas";
        }
    }

    /** Never make a request wait for a pod to start: no scaling to zero. */
    record NoColdStarts() implements Intent {
        @Override
        public String describe() {
            return "no cold starts";
        }
    }

    /** Scaling to zero when idle is fine (the first request may wait for a pod). */
    record ScaleToZero() implements Intent {
        @Override
        public String describe() {
            return "scale to zero when idle";
        }
    }

    /** Spend less at night: no pods while idle at night, warm pods by day. */
    record CheaperAtNight() implements Intent {
        @Override
        public String describe() {
            return "cheaper at night";
        }
    }

    /** {@code p95} or {@code p99}. */
    record Percentile(String percentile) implements Intent {
        @Override
        public String describe() {
            return "use " + percentile;
        }
    }

    record LatencyTarget(int milliseconds) implements Intent {
        @Override
        public String describe() {
            return "latency under " + milliseconds + " ms";
        }
    }

    /** The share of its capacity each pod runs at, in percent. */
    record TargetUtilization(int percent) implements Intent {
        @Override
        public String describe() {
            return "run pods at " + percent + "% of capacity";
        }
    }

    /** The most pods removed per minute, in percent. */
    record ScaleDownPercent(int percent) implements Intent {
        @Override
        public String describe() {
            return "remove at most " + percent + "% of the pods per minute";
        }
    }

    /** A cautious start (true) or not (false). */
    record Conservative(boolean on) implements Intent {
        @Override
        public String describe() {
            return on ? "a conservative start" : "not conservative";
        }
    }

    /** Add (true) or remove (false) a VPA in recommendation mode. */
    record Vpa(boolean add) implements Intent {
        @Override
        public String describe() {
            return add ? "add a VPA" : "remove the VPA";
        }
    }

    /** Also simulate a fixed replica count, for comparison. */
    record CompareWith(int replicas) implements Intent {
        @Override
        public String describe() {
            return "compare with " + replicas + " fixed replicas";
        }
    }

    // ---- facts about the traffic and the pods

    /** {@code unit} is {@code rps}, {@code msgs/s}, or null when the text did not say. */
    record PeakRate(double rate, String unit) implements Intent {
        @Override
        public String describe() {
            return "peak " + Amount.format(rate) + (unit == null ? "/s" : " " + unit);
        }
    }

    record BaselineRate(double rate, String unit) implements Intent {
        @Override
        public String describe() {
            return "baseline " + Amount.format(rate) + (unit == null ? "/s" : " " + unit);
        }
    }

    /** What one pod serves while meeting its latency target. */
    record PerPodCapacity(double rate, String unit) implements Intent {
        @Override
        public String describe() {
            return Amount.format(rate) + (unit == null ? "/s" : " " + unit) + " per pod";
        }
    }

    record StartupTime(int seconds) implements Intent {
        @Override
        public String describe() {
            return "pods start in " + seconds + " s";
        }
    }

    /** How long traffic takes to climb from baseline to peak. */
    record RampTime(int seconds) implements Intent {
        @Override
        public String describe() {
            return "traffic climbs to its peak in " + seconds + " s";
        }
    }

    /** {@code steady}, {@code diurnal}, {@code spike} or {@code ramp}. */
    record TrafficPattern(String pattern) implements Intent {
        @Override
        public String describe() {
            return pattern + " traffic";
        }
    }

    record PeakHour(double hour) implements Intent {
        @Override
        public String describe() {
            return "peak at " + String.format(Locale.ROOT, "%02d:%02d", (int) hour, Math.round((hour % 1) * 60));
        }
    }

    /** A daily window without traffic, {@code HH:MM-HH:MM}. */
    record IdleWindow(String window) implements Intent {
        @Override
        public String describe() {
            return "idle " + window;
        }
    }

    record Timezone(String zone) implements Intent {
        @Override
        public String describe() {
            return "time zone " + zone;
        }
    }

    // ---- the workload

    record WorkloadName(String name) implements Intent {
        @Override
        public String describe() {
            return "workload " + name;
        }
    }

    record Namespace(String namespace) implements Intent {
        @Override
        public String describe() {
            return "namespace " + namespace;
        }
    }

    /** {@code Deployment} or {@code StatefulSet}. */
    record WorkloadKind(String kind) implements Intent {
        @Override
        public String describe() {
            return "a " + kind;
        }
    }

    /** {@code http}, {@code queue}, {@code stream} or {@code batch}. */
    record WorkloadType(String type) implements Intent {
        @Override
        public String describe() {
            return switch (type) {
                case "http" -> "an HTTP API";
                case "queue" -> "a queue consumer";
                case "stream" -> "a stream consumer";
                default -> "batch work";
            };
        }
    }

    /** One container's requests (Kubernetes quantities); either may be null. */
    record ContainerRequests(String cpu, String memory) implements Intent {
        @Override
        public String describe() {
            return "requests" + (cpu == null ? "" : " cpu " + cpu) + (memory == null ? "" : " memory " + memory);
        }
    }

    // ---- where the metric comes from

    /** A {@code source.type}: cpu, memory, cpu-memory, prometheus-rate, prometheus-latency, kafka, cron. */
    record MetricSource(String type) implements Intent {
        @Override
        public String describe() {
            return "scale on " + type;
        }
    }

    record Partitions(int partitions) implements Intent {
        @Override
        public String describe() {
            return partitions + " partitions";
        }
    }

    record KafkaTopic(String topic) implements Intent {
        @Override
        public String describe() {
            return "topic " + topic;
        }
    }

    record ConsumerGroup(String group) implements Intent {
        @Override
        public String describe() {
            return "consumer group " + group;
        }
    }

    record KafkaBrokers(String servers) implements Intent {
        @Override
        public String describe() {
            return "brokers " + servers;
        }
    }

    /** {@code none}, {@code plaintext}, {@code scram_sha256} or {@code scram_sha512}. */
    record Sasl(String mechanism) implements Intent {
        @Override
        public String describe() {
            return mechanism.equals("none") ? "no SASL" : "SASL " + mechanism;
        }
    }

    record Tls(boolean on) implements Intent {
        @Override
        public String describe() {
            return on ? "TLS" : "no TLS";
        }
    }

    /** The name of the Secret with the credentials (never a credential itself). */
    record CredentialsSecret(String name) implements Intent {
        @Override
        public String describe() {
            return "credentials in Secret " + name;
        }
    }

    /** How long a message may wait before it is processed. */
    record MaxDelay(int seconds) implements Intent {
        @Override
        public String describe() {
            return "messages wait at most " + seconds + " s";
        }
    }

    record PrometheusAddress(String url) implements Intent {
        @Override
        public String describe() {
            return "Prometheus at " + url;
        }
    }

    /** The request counter. */
    record PrometheusMetric(String metric) implements Intent {
        @Override
        public String describe() {
            return "request counter " + metric;
        }
    }

    /** The latency histogram's base name. */
    record PrometheusHistogram(String histogram) implements Intent {
        @Override
        public String describe() {
            return "latency histogram " + histogram;
        }
    }

    // ---- cost

    record CostPerPodHour(double cost) implements Intent {
        @Override
        public String describe() {
            return Amount.format(cost) + " per pod-hour";
        }
    }

    record MaxCostPerHour(double cost) implements Intent {
        @Override
        public String describe() {
            return "at most " + Amount.format(cost) + " per hour";
        }
    }

    /** Words the offline parser did not understand, as the user wrote them. */
    record Unknown(String text) implements Intent {
        @Override
        public String describe() {
            return "\"" + text + "\"";
        }
    }
}
