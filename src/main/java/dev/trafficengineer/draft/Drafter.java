package dev.trafficengineer.draft;

import static dev.trafficengineer.draft.YamlTree.mapping;
import static dev.trafficengineer.draft.YamlTree.number;
import static dev.trafficengineer.draft.YamlTree.quoted;
import static dev.trafficengineer.draft.YamlTree.string;

import dev.trafficengineer.draft.Resolved.SourceType;
import dev.trafficengineer.draft.YamlTree.Builder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The deterministic drafter: turns resolved requirements into an HPA (CPU or memory) or a KEDA ScaledObject (with a
 * TriggerAuthentication that references Secrets, never holds values), and a VPA in recommendation mode when asked.
 * Every chosen value carries its reason as a comment. It runs when no LLM is configured, and is what the LLM
 * loop falls back to.
 */
public final class Drafter {

    private Drafter() {}

    public static Draft draft(Resolved r) {
        Plan p = Plan.of(r);
        List<Document> docs = new ArrayList<>();
        if (p.source().needsKeda()) {
            docs.add(scaledObject(r, p));
            if (r.source().kafka() != null && p.source() == SourceType.KAFKA && r.source().kafka().needsAuth()) {
                docs.add(kafkaAuth(r));
            }
        } else {
            docs.add(hpa(r, p));
        }
        if (r.preferences().vpa()) {
            docs.add(vpa(r));
        }
        return new Draft(r, p, docs);
    }

    private static Builder metadata(Resolved r, String name) {
        return mapping().put("name", name).put("namespace", r.workload().namespace());
    }

    private static Builder targetRef(Resolved r, boolean withApiVersion) {
        Builder b = mapping();
        if (withApiVersion) {
            b.put("apiVersion", "apps/v1");
        }
        return b.put("kind", r.workload().kind()).put("name", r.workload().name());
    }

    private static Document hpa(Resolved r, Plan p) {
        List<YamlTree> metrics = new ArrayList<>();
        if (p.source() == SourceType.CPU || p.source() == SourceType.CPU_MEMORY) {
            metrics.add(resourceMetric("cpu", p.cpuUtilization()));
        }
        if (p.source() == SourceType.MEMORY || p.source() == SourceType.CPU_MEMORY) {
            metrics.add(resourceMetric("memory", p.memoryUtilization()));
        }
        Builder spec = mapping()
                .put("scaleTargetRef", targetRef(r, true))
                .put("minReplicas", p.minReplicas().value(), p.minReplicas().why())
                .put("maxReplicas", p.maxReplicas().value(), p.maxReplicas().why())
                .put("metrics", new YamlTree.Sequence(metrics))
                .put("behavior", behavior(p));
        YamlTree tree = mapping()
                .put("apiVersion", "autoscaling/v2")
                .put("kind", "HorizontalPodAutoscaler")
                .put("metadata", metadata(r, r.workload().name()))
                .put("spec", spec)
                .build();
        return new Document("HorizontalPodAutoscaler", r.workload().name(), tree);
    }

    private static YamlTree resourceMetric(String resource, Reasoned<Integer> utilization) {
        return mapping()
                .put("type", "Resource")
                .put("resource", mapping()
                        .put("name", resource)
                        .put("target", mapping()
                                .put("type", "Utilization")
                                .put("averageUtilization", utilization.value(), utilization.why())))
                .build();
    }

    /** The HPA behavior; a ScaledObject carries the same under advanced.horizontalPodAutoscalerConfig. */
    private static Builder behavior(Plan p) {
        Builder up = mapping().put("stabilizationWindowSeconds", p.scaleUpWindow().value(), p.scaleUpWindow().why());
        int k = p.scaleUpPods().value();
        String why = p.scaleUpPods().why();
        switch (Plan.scaleUpPolicies(Math.max(1, p.minReplicas().value()), p.maxReplicas().value(), k)) {
            case BOTH -> up.put("selectPolicy", string("Max"), "the policy that adds the most pods wins")
                    .put("policies", YamlTree.sequence(policy("Percent", 100, Plan.PERIOD, why),
                            policy("Pods", k, Plan.PERIOD, null)));
            case PODS -> up.put("policies", YamlTree.sequence(policy("Pods", k, Plan.PERIOD, why)));
            case DOUBLING -> up.put("policies", YamlTree.sequence(policy("Percent", 100, Plan.PERIOD, why)));
        }
        Builder down = mapping()
                .put("stabilizationWindowSeconds", p.scaleDownWindow().value(), p.scaleDownWindow().why())
                .put("policies", YamlTree.sequence(
                        policy("Percent", p.scaleDownPercent().value(), 60, p.scaleDownPercent().why())));
        return mapping().put("scaleUp", up).put("scaleDown", down);
    }

    private static YamlTree policy(String type, int value, int period, String comment) {
        return mapping()
                .put("type", string(type), comment)
                .put("value", number(value))
                .put("periodSeconds", number(period))
                .build();
    }

    private static Document scaledObject(Resolved r, Plan p) {
        List<YamlTree> triggers = new ArrayList<>();
        switch (p.source()) {
            case PROMETHEUS_RATE -> triggers.add(rateTrigger(r, p, "scale on the request rate"));
            case PROMETHEUS_LATENCY -> {
                triggers.add(latencyTrigger(r, p));
                if (p.minReplicas().value() == 0) {
                    triggers.add(rateTrigger(r, p, "requests wake the workload from zero: latency has no samples"
                            + " while no pod runs"));
                }
                triggers.add(cpuTrigger(p, "CPU does the everyday scaling and catches a ramp before latency moves;"
                        + " latency catches what CPU misses"));
            }
            case KAFKA -> {
                triggers.add(kafkaTrigger(r, p));
                triggers.add(cpuTrigger(p, "CPU holds the consumers the arrival rate needs: lag alone reads near"
                        + " zero whenever they keep up, and would let them shrink until a backlog builds again"));
            }
            case CRON -> {
                triggers.add(cronTrigger(r, r.source().cron().start(), r.source().cron().end(),
                        p.cronReplicas().value(), "the schedule's pods: " + p.cronReplicas().why()));
                triggers.add(cpuTrigger(p, "a schedule cannot see load: CPU follows it above the scheduled pods"
                        + " and outside the schedule"));
            }
            default -> throw new IllegalStateException("not a KEDA source: " + p.source());
        }
        if (p.prewarm() != null) {
            Plan.Prewarm w = p.prewarm();
            triggers.add(cronTrigger(r, w.start(), w.end(), w.replicas().value(), w.replicas().why()));
        }
        Builder spec = mapping()
                .put("scaleTargetRef", r.workload().kind().equals("Deployment") ? mapping().put("name",
                        r.workload().name()) : targetRef(r, true));
        // KEDA warns at admission that both only matter when the workload can scale to zero (keda/*-not-used)
        if (p.minReplicas().value() == 0) {
            spec.put("pollingInterval", p.pollingInterval().value(), p.pollingInterval().why());
            spec.put("cooldownPeriod", p.cooldownPeriod().value(), p.cooldownPeriod().why());
        }
        spec.put("minReplicaCount", p.minReplicas().value(), p.minReplicas().why())
                .put("maxReplicaCount", p.maxReplicas().value(), p.maxReplicas().why())
                .put("advanced", mapping().put("horizontalPodAutoscalerConfig",
                        mapping().put("behavior", behavior(p))))
                .put("triggers", new YamlTree.Sequence(triggers));
        YamlTree tree = mapping()
                .put("apiVersion", "keda.sh/v1alpha1")
                .put("kind", "ScaledObject")
                .put("metadata", metadata(r, r.workload().name()))
                .put("spec", spec)
                .build();
        return new Document("ScaledObject", r.workload().name(), tree);
    }

    private static YamlTree cpuTrigger(Plan p, String why) {
        return mapping()
                .put("type", string("cpu"), why)
                .put("metricType", string("Utilization"))
                .put("metadata", mapping().put("value", quoted(String.valueOf(p.cpuUtilization().value())),
                        p.cpuUtilization().why()))
                .build();
    }

    private static YamlTree rateTrigger(Resolved r, Plan p, String why) {
        Resolved.Prometheus prom = r.source().prometheus();
        String query = "sum(rate(" + prom.metric() + selector(prom.labels()) + "[2m]))";
        Builder meta = mapping()
                .put("serverAddress", quoted(prom.serverAddress()))
                .put("query", quoted(query), "the workload's request rate, summed to one series as KEDA needs;"
                        + " the 2m window spans 8 scrapes at 15 s")
                .put("threshold", quoted(p.rateThreshold().value()), p.rateThreshold().why());
        if (p.minReplicas().value() == 0) {
            // KEDA activates above the threshold, never at it: traffic that peaks near 1/s must wake on any request
            boolean quiet = r.traffic().peak() < 5;
            meta.put("activationThreshold", quoted(quiet ? "0" : "1"), quiet ? "wake from zero on any request: the"
                    + " peak of " + Plan.num(r.traffic().peak()) + " " + r.traffic().unitWords() + " is too little"
                    + " to wait for 1 " + r.traffic().unitWords() : "wake from zero at 1 " + r.traffic().unitWords()
                    + ": a stray health check or bot request does not start a pod");
        }
        return mapping().put("type", string("prometheus"), why).put("metadata", meta)
                .build();
    }

    private static YamlTree latencyTrigger(Resolved r, Plan p) {
        Resolved.Prometheus prom = r.source().prometheus();
        String query = "histogram_quantile(" + r.slo().quantile() + ", sum by (le) (rate(" + prom.histogram()
                + "_bucket" + selector(prom.labels()) + "[2m])))";
        return mapping()
                .put("type", string("prometheus"), "scale on " + r.slo().percentile() + " latency")
                .put("metricType", string("Value"), "latency does not divide among pods: Value scales replicas by"
                        + " latency / threshold")
                .put("metadata", mapping()
                        .put("serverAddress", quoted(prom.serverAddress()))
                        .put("query", quoted(query), "the workload's " + r.slo().percentile() + " latency in seconds,"
                                + " aggregated over its pods (by le only, so one series)")
                        .put("threshold", quoted(p.latencyThreshold().value()), p.latencyThreshold().why()))
                .build();
    }

    private static YamlTree kafkaTrigger(Resolved r, Plan p) {
        Resolved.Kafka k = r.source().kafka();
        Builder meta = mapping()
                .put("bootstrapServers", quoted(k.bootstrapServers()))
                .put("topic", quoted(k.topic()))
                .put("consumerGroup", quoted(k.consumerGroup()))
                .put("lagThreshold", quoted(p.lagThreshold().value()), p.lagThreshold().why());
        if (!k.sasl().equals("none")) {
            meta.put("sasl", quoted(k.sasl()), "the SASL mechanism, in KEDA's spelling");
        }
        if (k.tls()) {
            meta.put("tls", quoted("enable"), k.sasl().equals("none") ? "the brokers speak TLS"
                    : "credentials never cross the network in clear text");
        }
        Builder t = mapping()
                .put("type", string("kafka"), "scale on consumer lag: the backlog is what a consumer must keep small")
                .put("metadata", meta);
        if (k.needsAuth()) {
            t.put("authenticationRef", mapping().put("name", authName(r)),
                    "credentials come from a Secret through the TriggerAuthentication, never from metadata");
        }
        return t.build();
    }

    private static YamlTree cronTrigger(Resolved r, String start, String end, int replicas, String why) {
        return mapping()
                .put("type", string("cron"), why)
                .put("metadata", mapping()
                        .put("timezone", quoted(r.traffic().timezone().getId()))
                        .put("start", quoted(start))
                        .put("end", quoted(end))
                        .put("desiredReplicas", quoted(String.valueOf(replicas))))
                .build();
    }

    private static Document kafkaAuth(Resolved r) {
        Resolved.Kafka k = r.source().kafka();
        List<YamlTree> refs = new ArrayList<>();
        if (!k.sasl().equals("none")) {
            refs.add(secretRef("username", k.credentialsSecret(), "username",
                    "the SASL user and password come from the Secret `" + k.credentialsSecret() + "`; this file holds"
                            + " no credentials"));
            refs.add(secretRef("password", k.credentialsSecret(), "password", null));
        }
        if (k.tls()) {
            refs.add(secretRef("ca", k.credentialsSecret(), "ca", "the CA that signed the brokers' certificates;"
                    + " drop this entry if they use a public CA"));
        }
        YamlTree tree = mapping()
                .put("apiVersion", "keda.sh/v1alpha1")
                .put("kind", "TriggerAuthentication")
                .put("metadata", metadata(r, authName(r)))
                .put("spec", mapping().put("secretTargetRef", new YamlTree.Sequence(refs)))
                .build();
        return new Document("TriggerAuthentication", authName(r), tree);
    }

    private static YamlTree secretRef(String parameter, String secret, String key, String comment) {
        return mapping()
                .put("parameter", string(parameter), comment)
                .put("name", secret)
                .put("key", key)
                .build();
    }

    private static String authName(Resolved r) {
        return r.workload().name() + "-kafka-auth";
    }

    private static Document vpa(Resolved r) {
        YamlTree tree = mapping()
                .put("apiVersion", "autoscaling.k8s.io/v1")
                .put("kind", "VerticalPodAutoscaler")
                .put("metadata", metadata(r, r.workload().name()))
                .put("spec", mapping()
                        .put("targetRef", targetRef(r, true))
                        .put("updatePolicy", mapping().put("updateMode", quoted("Off"),
                                "recommendation mode: the VPA suggests requests and changes nothing, so it never"
                                        + " fights the autoscaler that scales replicas"))
                        .put("resourcePolicy", mapping().put("containerPolicies", YamlTree.sequence(mapping()
                                .put("containerName", quoted("*"))
                                .put("controlledResources", YamlTree.sequence(quoted("cpu"), quoted("memory")))
                                .build()))))
                .build();
        return new Document("VerticalPodAutoscaler", r.workload().name(), tree);
    }

    private static String selector(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
