package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** maxReplicaCount above the partitions a Kafka trigger reads: the extra consumers idle or are never reached. */
public final class KafkaReplicasAbovePartitions implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/kafka-replicas-above-partitions", Severity.WARNING)
            .summary("A ScaledObject allows more replicas than the Kafka partitions a trigger reads")
            .rationale("""
                    A consumer group gives each partition to one consumer, so consumers beyond the partition count \
                    sit idle. KEDA caps the lag it reports at partitions × lagThreshold unless \
                    `allowIdleConsumers` is true, so those replicas are never reached; with `allowIdleConsumers` \
                    they are started and do nothing. The partition count is known when `partitionLimitation` lists \
                    the partitions of a single `topic`.""")
            .example("""
                    maxReplicaCount: 20
                    triggers:
                      - type: kafka
                        metadata:
                          topic: orders
                          partitionLimitation: "0-5"     # 6 partitions""")
            .remedy("Set `maxReplicaCount` to the partition count, or add partitions to the topic.")
            .source("""
                    [K] pkg/scalers/kafka_scaler.go (getTotalLag, allowIdleConsumers), apache_kafka_scaler.go; \
                    [D] scalers/apache-kafka.md; research/keda.md §8.2.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        List<Finding> out = new ArrayList<>();
        for (Trigger t : so.triggers()) {
            if (!t.type().equals("kafka") && !t.type().equals("apache-kafka") || !t.has("topic")
                    || t.value("topic").contains(",")) {
                continue;
            }
            int partitions = partitions(t.value("partitionLimitation"));
            if (partitions <= 0 || so.effectiveMax() <= partitions) {
                continue;
            }
            boolean idle = Boolean.TRUE.equals(GoValues.parseBool(String.valueOf(t.value("allowIdleConsumers"))));
            String effect = idle ? "the replicas above " + partitions + " get no partition and idle"
                    : "KEDA caps the lag at " + partitions + " × lagThreshold, so replicas above " + partitions
                            + " are never reached by this trigger";
            out.add(o.finding(INFO, so.maxReplicaCount() != null ? ScaledObjectView.MAX : t.metadataAt(
                    "partitionLimitation"), false, "`maxReplicaCount` " + so.effectiveMax() + " exceeds the "
                    + partitions + " partitions the " + t.label() + " reads, so " + effect + "; set"
                    + " `maxReplicaCount: " + partitions + "`.", null));
        }
        return out;
    }

    /** The number of distinct partitions a partitionLimitation lists, or -1 when absent or not parseable. */
    static int partitions(String limitation) {
        if (limitation == null) {
            return -1;
        }
        TreeSet<Long> ids = new TreeSet<>();
        for (String part : limitation.split(",")) {
            String p = part.strip();
            if (p.matches("[0-9]{1,9}")) {
                ids.add(Long.parseLong(p));
            } else if (p.matches("[0-9]{1,9}-[0-9]{1,9}")) {
                long from = Long.parseLong(p.substring(0, p.indexOf('-')));
                long to = Long.parseLong(p.substring(p.indexOf('-') + 1));
                if (to - from > 100_000) {
                    return -1;
                }
                for (long i = from; i <= to; i++) {
                    ids.add(i);
                }
            } else {
                return -1;
            }
        }
        return ids.size();
    }
}
