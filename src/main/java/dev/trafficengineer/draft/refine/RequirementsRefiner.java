package dev.trafficengineer.draft.refine;

import dev.trafficengineer.draft.Plan;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.draft.Resolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies intents to requirements, for callers that re-draft (the chat): "scale-down is too aggressive" becomes a
 * longer scale-down window and a smaller step, "max 20 replicas" becomes {@code bounds.max: 20}. Relative feedback
 * is measured against what the current requirements draft to, so "too aggressive" twice goes further each time.
 * Every change is checked against the requirements schema on its own; one that does not fit is reported, not made.
 */
public final class RequirementsRefiner {

    /** One change made: the intent, what changed in words, and the requirement fields it set. */
    public record Change(Intent intent, String description, List<String> fields) {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    /** An intent left out, and why. */
    public record NotApplied(Intent intent, String reason) {}

    /**
     * The refined requirements, the changes, the intents that were so already ({@code unchanged}), what was not
     * applied, and the problems the resolver finds in the result (a baseline above the peak, say; empty when it
     * drafts).
     */
    public record Outcome(Requirements requirements, List<Change> changes, List<Intent> unchanged,
            List<NotApplied> notApplied, List<String> problems) {
        public Outcome {
            changes = List.copyOf(changes);
            unchanged = List.copyOf(unchanged);
            notApplied = List.copyOf(notApplied);
            problems = List.copyOf(problems);
        }
    }

    private static final RequirementsReader READER = new RequirementsReader();

    private RequirementsRefiner() {}

    /** The requirements with the intents applied (what could not be applied is left out). */
    public static Requirements apply(Requirements requirements, List<Intent> intents) {
        return refine(requirements, intents).requirements();
    }

    public static Outcome refine(Requirements requirements, List<Intent> intents) {
        RequirementsTree tree = RequirementsTree.of(requirements);
        List<Change> changes = new ArrayList<>();
        List<NotApplied> notApplied = new ArrayList<>();
        List<Intent> unchanged = new ArrayList<>();
        for (Intent intent : intents) {
            RequirementsTree next = tree.copy();
            Step step;
            try {
                step = step(intent, next, planOf(tree));
            } catch (IllegalArgumentException e) {
                notApplied.add(new NotApplied(intent, e.getMessage()));
                continue;
            }
            if (step.notApplied() != null) {
                notApplied.add(new NotApplied(intent, step.notApplied()));
                continue;
            }
            try {
                READER.fromTree(next.root());
            } catch (RequirementsException e) {
                notApplied.add(new NotApplied(intent, "it does not fit the requirements: "
                        + String.join("; ", e.problems())));
                continue;
            }
            if (next.root().equals(tree.root())) {
                unchanged.add(intent); // "it is an HTTP API" when it is one already
                continue;
            }
            tree = next;
            changes.add(new Change(intent, step.description(), step.fields()));
        }
        Requirements result = tree.toRequirements();
        List<String> problems = List.of();
        try {
            Resolver.resolve(result);
        } catch (RequirementsException e) {
            problems = e.problems();
        }
        return new Outcome(result, changes, unchanged, notApplied, problems);
    }

    /** What one intent did: a description and the fields it set, or why it did nothing. */
    private record Step(String description, List<String> fields, String notApplied) {
        static Step done(String description, String... fields) {
            return new Step(description, List.of(fields), null);
        }

        static Step not(String reason) {
            return new Step(null, List.of(), reason);
        }
    }

    /** The plan the current requirements draft to, or null when they do not resolve. */
    private static Plan planOf(RequirementsTree tree) {
        try {
            return Plan.of(Resolver.resolve(tree.toRequirements()));
        } catch (RequirementsException | RuntimeException e) {
            return null;
        }
    }

    private static Step step(Intent intent, RequirementsTree t, Plan plan) {
        int window = plan == null ? 300 : plan.scaleDownWindow().value();
        int percent = plan == null ? 20 : plan.scaleDownPercent().value();
        if (intent instanceof Intent.ScaleDownTooAggressive) {
            int w = Math.min(3600, Math.max(600, window * 2));
            int p = Math.max(5, percent / 2);
            if (w == window && p == percent) {
                return Step.not("scale-down already waits " + minutes(window) + " and removes " + percent
                        + "% of the pods per minute, the gentlest I draft; set a higher minimum instead (\"min N"
                        + " replicas\")");
            }
            t.set("preferences.scaleDownWindowSeconds", w).set("preferences.scaleDownPercent", p);
            return Step.done("scale-down waits " + minutes(w) + " of lower load (was " + minutes(window)
                    + ") and removes at most " + p + "% of the pods per minute (was " + percent + "%)",
                    "preferences.scaleDownWindowSeconds", "preferences.scaleDownPercent");
        }
        if (intent instanceof Intent.ScaleDownTooSlow) {
            int w = window <= 60 ? 0 : Math.max(60, window / 2);
            int p = Math.min(100, percent * 2);
            if (w == window && p == percent) {
                return Step.not("scale-down already starts at once and may remove every idle pod each minute");
            }
            t.set("preferences.scaleDownWindowSeconds", w).set("preferences.scaleDownPercent", p);
            return Step.done("scale-down waits " + minutes(w) + " of lower load (was " + minutes(window)
                    + ") and removes up to " + p + "% of the pods per minute (was " + percent + "%)",
                    "preferences.scaleDownWindowSeconds", "preferences.scaleDownPercent");
        }
        if (intent instanceof Intent.ScaleUpTooSlow) {
            int current = plan == null ? 70 : (int) Math.round(plan.targetRatio().value() * 100);
            int next = Math.max(30, current - 10);
            if (next == current) {
                return Step.not("pods already run at " + current + "% of their capacity; shorten the pods' start-up"
                        + " or raise the minimum (\"min N replicas\")");
            }
            t.set("preferences.targetUtilization", next);
            return Step.done("pods run at " + next + "% of their capacity (was " + current + "%): the autoscaler"
                    + " adds pods sooner, and the spare room absorbs the climb while new pods start",
                    "preferences.targetUtilization");
        }
        if (intent instanceof Intent.MaxReplicas m) {
            t.set("bounds.max", m.replicas());
            return Step.done("at most " + m.replicas() + " replicas" + was(plan == null ? null
                    : plan.maxReplicas().value()), "bounds.max");
        }
        if (intent instanceof Intent.MinReplicas m) {
            if (m.replicas() == 0) {
                return step(new Intent.ScaleToZero(), t, plan);
            }
            t.set("bounds.min", m.replicas());
            if (Boolean.TRUE.equals(bool(t, "bounds.scaleToZero"))) {
                t.set("bounds.scaleToZero", false);
                return Step.done("at least " + m.replicas() + " replicas, so no scaling to zero", "bounds.min",
                        "bounds.scaleToZero");
            }
            return Step.done("at least " + m.replicas() + " replicas" + was(plan == null ? null
                    : plan.minReplicas().value()), "bounds.min");
        }
        if (intent instanceof Intent.NoColdStarts) {
            boolean wasZero = Boolean.TRUE.equals(bool(t, "bounds.scaleToZero"));
            t.set("slo.coldStartTolerable", false).set("bounds.scaleToZero", false);
            if (t.has("bounds.min") && t.get("bounds.min").asInt() == 0) {
                t.remove("bounds.min");
            }
            return Step.done(wasZero ? "no cold starts: it no longer scales to zero"
                    : "no cold starts: it never scales to zero", "slo.coldStartTolerable", "bounds.scaleToZero");
        }
        if (intent instanceof Intent.ScaleToZero) {
            t.set("bounds.scaleToZero", true).set("slo.coldStartTolerable", true);
            if (t.has("bounds.min") && t.get("bounds.min").asInt() > 0) {
                t.remove("bounds.min");
            }
            return Step.done("scales to zero when idle; the first request after a quiet spell waits for a pod to"
                    + " start", "bounds.scaleToZero", "slo.coldStartTolerable");
        }
        if (intent instanceof Intent.CheaperAtNight) {
            boolean hadWindow = t.has("traffic.idleWindows") && t.get("traffic.idleWindows").size() > 0;
            if (!hadWindow) {
                t.addToArray("traffic.idleWindows", "22:00-06:00");
            }
            t.set("bounds.scaleToZero", true);
            if (t.has("bounds.min") && t.get("bounds.min").asInt() > 0) {
                t.remove("bounds.min");
            }
            String windows = hadWindow ? "the idle hours you gave" : "22:00-06:00, when I take it to be idle;"
                    + " say \"idle 23:00-07:00\" if your nights differ";
            boolean warm;
            try {
                warm = !Resolver.resolve(t.toRequirements()).slo().coldStartTolerable();
            } catch (RequirementsException e) {
                warm = !Boolean.TRUE.equals(bool(t, "slo.coldStartTolerable"));
            }
            return Step.done("no pods at night: it scales to zero during " + windows
                    + (warm ? "; a schedule keeps pods warm by day, so daytime work never waits for a pod to start" : ""),
                    hadWindow ? new String[] {"bounds.scaleToZero"}
                            : new String[] {"traffic.idleWindows", "bounds.scaleToZero"});
        }
        if (intent instanceof Intent.Percentile p) {
            t.set("slo.percentile", p.percentile());
            return Step.done("the latency objective is " + p.percentile(), "slo.percentile");
        }
        if (intent instanceof Intent.LatencyTarget l) {
            t.set("slo.latencyMs", l.milliseconds());
            return Step.done("latency must stay under " + l.milliseconds() + " ms", "slo.latencyMs");
        }
        if (intent instanceof Intent.TargetUtilization u) {
            t.set("preferences.targetUtilization", u.percent());
            return Step.done("pods run at " + u.percent() + "% of their capacity", "preferences.targetUtilization");
        }
        if (intent instanceof Intent.ScaleDownPercent p) {
            t.set("preferences.scaleDownPercent", p.percent());
            return Step.done("scale-down removes at most " + p.percent() + "% of the pods per minute",
                    "preferences.scaleDownPercent");
        }
        if (intent instanceof Intent.Conservative c) {
            t.set("preferences.conservative", c.on());
            return Step.done(c.on() ? "a conservative start: one more pod at the minimum, more headroom, a slower"
                    + " scale-down" : "no conservative start", "preferences.conservative");
        }
        if (intent instanceof Intent.Vpa v) {
            t.set("preferences.vpa", v.add());
            return Step.done(v.add() ? "a VPA in recommendation mode suggests requests (it changes nothing by"
                    + " itself)" : "no VPA", "preferences.vpa");
        }
        if (intent instanceof Intent.CompareWith c) {
            t.set("preferences.compareWithReplicas", c.replicas());
            return Step.done("the simulation also shows " + c.replicas() + " fixed replicas, for comparison",
                    "preferences.compareWithReplicas");
        }
        if (intent instanceof Intent.PeakRate p) {
            return rate(t, "traffic.peak", p.rate(), p.unit(), "peak traffic is ");
        }
        if (intent instanceof Intent.BaselineRate b) {
            return rate(t, "traffic.baseline", b.rate(), b.unit(), "quiet-time traffic is ");
        }
        if (intent instanceof Intent.PerPodCapacity c) {
            Step s = rate(t, "capacity.perPod", c.rate(), c.unit(), "one pod serves ");
            return Step.done(s.description() + " while meeting its latency target", s.fields().toArray(String[]::new));
        }
        if (intent instanceof Intent.StartupTime s) {
            t.set("capacity.startupSeconds", s.seconds());
            return Step.done("a new pod is ready " + s.seconds() + " s after it is created",
                    "capacity.startupSeconds");
        }
        if (intent instanceof Intent.RampTime r) {
            t.set("traffic.rampSeconds", r.seconds());
            return Step.done("traffic climbs from quiet to peak in " + minutes(r.seconds()), "traffic.rampSeconds");
        }
        if (intent instanceof Intent.TrafficPattern p) {
            t.set("traffic.pattern", p.pattern());
            return Step.done("the traffic is " + p.pattern(), "traffic.pattern");
        }
        if (intent instanceof Intent.PeakHour h) {
            t.set("traffic.peakHour", h.hour());
            return Step.done("traffic " + h.describe(), "traffic.peakHour");
        }
        if (intent instanceof Intent.IdleWindow w) {
            t.addToArray("traffic.idleWindows", w.window());
            return Step.done("no traffic " + w.window(), "traffic.idleWindows");
        }
        if (intent instanceof Intent.Timezone z) {
            t.set("traffic.timezone", z.zone());
            return Step.done("times are in " + z.zone(), "traffic.timezone");
        }
        if (intent instanceof Intent.WorkloadName n) {
            t.set("workload.name", n.name());
            return Step.done("the workload is " + n.name(), "workload.name");
        }
        if (intent instanceof Intent.Namespace n) {
            t.set("workload.namespace", n.namespace());
            return Step.done("it runs in namespace " + n.namespace(), "workload.namespace");
        }
        if (intent instanceof Intent.WorkloadKind k) {
            t.set("workload.kind", k.kind());
            return Step.done("it is a " + k.kind(), "workload.kind");
        }
        if (intent instanceof Intent.WorkloadType w) {
            t.set("workload.type", w.type());
            return Step.done("it is " + w.describe(), "workload.type");
        }
        if (intent instanceof Intent.ContainerRequests c) {
            return requests(t, c);
        }
        if (intent instanceof Intent.MetricSource s) {
            t.set("source.type", s.type());
            if (s.type().equals("kafka")) {
                t.ensureObject("source.kafka"); // Kafka details, even empty, make the workload a consumer
            }
            return Step.done("it scales on " + s.type(), "source.type");
        }
        if (intent instanceof Intent.Partitions p) {
            t.set("source.kafka.partitions", p.partitions());
            return Step.done("the topic has " + p.partitions() + " partitions, so at most " + p.partitions()
                    + " consumers do work", "source.kafka.partitions");
        }
        if (intent instanceof Intent.KafkaTopic k) {
            t.set("source.kafka.topic", k.topic());
            return Step.done("it reads the topic " + k.topic(), "source.kafka.topic");
        }
        if (intent instanceof Intent.ConsumerGroup g) {
            t.set("source.kafka.consumerGroup", g.group());
            return Step.done("its consumer group is " + g.group(), "source.kafka.consumerGroup");
        }
        if (intent instanceof Intent.KafkaBrokers b) {
            t.set("source.kafka.bootstrapServers", b.servers());
            return Step.done("the brokers are " + b.servers(), "source.kafka.bootstrapServers");
        }
        if (intent instanceof Intent.Sasl s) {
            t.set("source.kafka.sasl", s.mechanism());
            return Step.done(s.mechanism().equals("none") ? "no SASL" : "SASL " + s.mechanism()
                    + ", with the credentials in a Secret", "source.kafka.sasl");
        }
        if (intent instanceof Intent.Tls s) {
            t.set("source.kafka.tls", s.on());
            return Step.done(s.on() ? "the brokers speak TLS" : "no TLS", "source.kafka.tls");
        }
        if (intent instanceof Intent.CredentialsSecret s) {
            t.set("source.kafka.credentialsSecret", s.name());
            return Step.done("the credentials are in the Secret " + s.name(), "source.kafka.credentialsSecret");
        }
        if (intent instanceof Intent.MaxDelay d) {
            t.set("source.kafka.maxDelaySeconds", d.seconds());
            return Step.done("a message may wait up to " + d.seconds() + " s", "source.kafka.maxDelaySeconds");
        }
        if (intent instanceof Intent.PrometheusAddress a) {
            t.set("source.prometheus.serverAddress", a.url());
            return Step.done("Prometheus is at " + a.url(), "source.prometheus.serverAddress");
        }
        if (intent instanceof Intent.PrometheusMetric m) {
            t.set("source.prometheus.metric", m.metric());
            return Step.done("the request counter is " + m.metric(), "source.prometheus.metric");
        }
        if (intent instanceof Intent.PrometheusHistogram h) {
            t.set("source.prometheus.histogram", h.histogram());
            return Step.done("the latency histogram is " + h.histogram(), "source.prometheus.histogram");
        }
        if (intent instanceof Intent.CostPerPodHour c) {
            t.set("bounds.costPerPodHour", c.cost());
            return Step.done("a pod costs " + Amount.format(c.cost()) + " per hour", "bounds.costPerPodHour");
        }
        if (intent instanceof Intent.MaxCostPerHour c) {
            t.set("bounds.maxCostPerHour", c.cost());
            return Step.done("it may cost at most " + Amount.format(c.cost()) + " per hour"
                    + (t.has("bounds.costPerPodHour") ? "" : " (tell me what one pod costs per hour, too)"),
                    "bounds.maxCostPerHour");
        }
        if (intent instanceof Intent.Unknown) {
            return Step.not("I did not understand it");
        }
        throw new IllegalStateException("an intent without a rule: " + intent);
    }

    private static Step rate(RequirementsTree t, String field, double rate, String unit, String words) {
        t.set(field, rate);
        String shown = unit != null ? " " + unit : t.has("traffic.unit") ? " " + t.get("traffic.unit").asText() : "/s";
        if (unit != null && !t.has("traffic.unit")) {
            t.set("traffic.unit", unit);
            return Step.done(words + Amount.format(rate) + shown, field, "traffic.unit");
        }
        return Step.done(words + Amount.format(rate) + shown, field);
    }

    private static Step requests(RequirementsTree t, Intent.ContainerRequests c) {
        var containers = t.get("workload.containers");
        if (containers != null && containers.size() > 1) {
            return Step.not("the workload has " + containers.size() + " containers; paste its manifest so each gets"
                    + " its own requests");
        }
        var container = RequirementsTree.JSON.createObjectNode();
        if (containers != null && containers.size() == 1) {
            container = containers.get(0).deepCopy();
        } else {
            container.put("name", "app");
        }
        if (c.cpu() != null) {
            container.put("cpu", c.cpu());
        }
        if (c.memory() != null) {
            container.put("memory", c.memory());
        }
        t.set("workload.containers", RequirementsTree.JSON.createArrayNode().add(container));
        return Step.done("each pod requests " + (c.cpu() == null ? "" : c.cpu() + " CPU")
                + (c.cpu() != null && c.memory() != null ? " and " : "") + (c.memory() == null ? "" : c.memory()
                        + " memory"), "workload.containers");
    }

    private static Boolean bool(RequirementsTree t, String path) {
        return t.has(path) ? t.get(path).asBoolean() : null;
    }

    private static String was(Integer before) {
        return before == null ? "" : " (was " + before + ")";
    }

    /** 600 → "10 minutes", 90 → "90 s", 0 → "no time". */
    static String minutes(int seconds) {
        if (seconds == 0) {
            return "no time";
        }
        if (seconds % 60 == 0 && seconds >= 120) {
            return seconds / 60 + " minutes";
        }
        return seconds == 60 ? "1 minute" : seconds + " s";
    }
}
