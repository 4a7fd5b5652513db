package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Assumption;
import dev.trafficengineer.draft.Plan;
import dev.trafficengineer.draft.Resolved;
import dev.trafficengineer.draft.Resolved.SourceType;
import dev.trafficengineer.draft.refine.RequirementsTree;
import java.util.List;

/**
 * The questions the conversation asks, in order of importance: the workload and its type; its traffic and what
 * one pod serves; the latency target and cold-start tolerance; where the metric comes from; bounds. One is asked at
 * a time, each with the default that Enter accepts (the resolver's own default, so what is offered is what the
 * draft uses). The first four are the essentials: once they are answered, the conversation drafts.
 */
enum Question {
    WORKLOAD(true, "workload.name"),
    TYPE(true, "workload.type"),
    PEAK(true, "traffic.peak"),
    PER_POD(true, "capacity.perPod"),
    BASELINE(false, "traffic.baseline"),
    LATENCY(false, "slo.latencyMs"),
    COLD_START(false, "bounds.scaleToZero", "slo.coldStartTolerable"),
    STARTUP(false, "capacity.startupSeconds"),
    SOURCE(false, "source.type"),
    PROMETHEUS(false, "source.prometheus.serverAddress", "source.prometheus.metric", "source.prometheus.histogram"),
    KAFKA_TOPIC(false, "source.kafka.topic", "source.kafka.consumerGroup"),
    PARTITIONS(false, "source.kafka.partitions"),
    KAFKA_AUTH(false, "source.kafka.sasl", "source.kafka.tls"),
    MAX_DELAY(false, "source.kafka.maxDelaySeconds"),
    BOUNDS(false, "bounds.min", "bounds.max");

    final boolean essential;
    final List<String> fields;

    Question(boolean essential, String... fields) {
        this.essential = essential;
        this.fields = List.of(fields);
    }

    /** Answered: one of its fields is known, or its default was accepted. */
    boolean answered(ChatState s) {
        if (s.accepted().contains(name())) {
            return true;
        }
        RequirementsTree t = RequirementsTree.of(s.requirements());
        if (this == TYPE && t.has("source.kafka")) {
            return true; // Kafka details make it a consumer
        }
        return fields.stream().anyMatch(t::has);
    }

    /** Whether the question means anything for these requirements (Kafka questions for a Kafka consumer, …). */
    boolean applies(Resolved r) {
        if (r == null) {
            return essential;
        }
        SourceType source = Plan.of(r).source();
        return switch (this) {
            case LATENCY -> !r.workload().type().consumer();
            case PROMETHEUS -> source == SourceType.PROMETHEUS_RATE || source == SourceType.PROMETHEUS_LATENCY;
            case KAFKA_TOPIC, PARTITIONS, KAFKA_AUTH, MAX_DELAY -> source == SourceType.KAFKA;
            default -> true;
        };
    }

    /** The question, with the default Enter keeps. */
    String text(Resolved r) {
        return ask(r) + " (Enter: " + defaultText(r) + ")";
    }

    private String ask(Resolved r) {
        boolean consumer = r != null && r.workload().type().consumer();
        String unit = consumer ? "messages" : "requests";
        return switch (this) {
            case WORKLOAD -> "Which workload should scale? Give its name and namespace (\"checkout in shop\"), or"
                    + " paste its Deployment.";
            case TYPE -> "What kind of workload is it: an HTTP API, a queue or stream consumer, or batch work?";
            case PEAK -> "What is the peak traffic, in " + unit + " per second?";
            case PER_POD -> "How many " + unit + " per second can one pod handle" + (consumer ? "" : " while meeting"
                    + " its latency target") + "? A load test tells best.";
            case BASELINE -> "What is the traffic at quiet times (nights, weekends)?";
            case LATENCY -> "What latency must " + (r == null ? "p95" : r.slo().percentile()) + " stay under?";
            case COLD_START -> "Should it scale to zero when idle? The first " + (consumer ? "message" : "request")
                    + " after a quiet spell would then wait for a pod to start.";
            case STARTUP -> "How long does a new pod take to become ready (scheduling, image pull, start-up)?";
            case SOURCE -> consumer ? "What should it scale on: Kafka consumer lag, or cpu?"
                    : "What should it scale on: cpu, memory, the request rate from Prometheus, or the latency from"
                            + " Prometheus?";
            case PROMETHEUS -> r != null && r.source().type() == SourceType.PROMETHEUS_LATENCY
                    ? "Where is Prometheus, and what is the latency histogram called?"
                    : "Where is Prometheus, and what is the request counter called?";
            case KAFKA_TOPIC -> "Which topic does it read, and with which consumer group?";
            case PARTITIONS -> "How many partitions does the topic have? Consumers beyond that sit idle.";
            case KAFKA_AUTH -> "Do the brokers need SASL or TLS?";
            case MAX_DELAY -> "How long may a message wait before it is processed?";
            case BOUNDS -> "Any limits on the replica count?";
        };
    }

    /** What Enter said: "Keeping 50 rps." */
    String kept(Resolved r) {
        if (this == COLD_START) {
            return r != null && r.bounds().scaleToZero() ? "OK, it scales to zero when idle." : "OK, no scaling to"
                    + " zero.";
        }
        if (this == BOUNDS) {
            return "OK, no other limits.";
        }
        if (this == KAFKA_AUTH && r != null && (r.source().kafka() == null || !r.source().kafka().needsAuth())) {
            return "OK, neither SASL nor TLS.";
        }
        return "Keeping " + defaultText(r) + ".";
    }

    /** The default in words, from the resolved requirements (so Enter keeps exactly what the draft uses). */
    String defaultText(Resolved r) {
        if (r == null) {
            return "the default";
        }
        return switch (this) {
            case WORKLOAD -> r.workload().name() + " in namespace " + r.workload().namespace();
            case TYPE -> switch (r.workload().type()) {
                case HTTP -> "an HTTP API";
                case QUEUE -> "a queue consumer";
                case STREAM -> "a stream consumer";
                case BATCH -> "batch work";
            };
            case PEAK -> num(r.traffic().peak()) + " " + r.traffic().unit();
            case PER_POD -> num(r.capacity().perPod()) + " " + r.traffic().unit();
            case BASELINE -> num(r.traffic().baseline()) + " " + r.traffic().unit()
                    + (assumed(r, "traffic.baseline") ? ", a fifth of the peak" : "");
            case LATENCY -> r.slo().latencyMs() + " ms";
            case COLD_START -> r.bounds().scaleToZero() ? "yes" : "no";
            case STARTUP -> r.capacity().startupSeconds() + " s";
            case SOURCE -> r.source().type().label();
            case PROMETHEUS -> r.source().prometheus() == null ? "the defaults"
                    : r.source().prometheus().serverAddress() + ", " + (r.source().type()
                            == SourceType.PROMETHEUS_LATENCY ? r.source().prometheus().histogram()
                            : r.source().prometheus().metric());
            case KAFKA_TOPIC -> r.source().kafka() == null ? "the defaults" : "topic " + r.source().kafka().topic()
                    + ", group " + r.source().kafka().consumerGroup();
            case PARTITIONS -> r.source().kafka() == null ? "12" : String.valueOf(r.source().kafka().partitions());
            case KAFKA_AUTH -> r.source().kafka() == null || !r.source().kafka().needsAuth() ? "neither"
                    : (r.source().kafka().sasl().equals("none") ? "" : "SASL " + r.source().kafka().sasl())
                            + (r.source().kafka().tls() ? (r.source().kafka().sasl().equals("none") ? "" : " and ")
                                    + "TLS" : "");
            case MAX_DELAY -> r.source().kafka() == null ? "60 s" : r.source().kafka().maxDelaySeconds() + " s";
            case BOUNDS -> {
                Plan p = Plan.of(r);
                yield "none; the draft uses " + p.minReplicas().value() + " to " + p.maxReplicas().value()
                        + " replicas";
            }
        };
    }

    private static boolean assumed(Resolved r, String field) {
        return r.assumptions().stream().map(Assumption::field).anyMatch(field::equals);
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
