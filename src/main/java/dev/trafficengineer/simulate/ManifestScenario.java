package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link Scenario} from manifests: the autoscaler (an HPA or a KEDA ScaledObject), what each of its metrics
 * measures, and the pods of the workload it scales. Shared by every front end: the {@code simulate} command, drafting
 * (to show a draft's behaviour) and MCP.
 *
 * <p>What each metric measures ({@link Signal}):
 * <ul>
 *   <li>cpu and memory (HPA Resource/ContainerResource metrics, KEDA cpu/memory triggers): the pods' usage, which
 *       grows with the work served, over their request;</li>
 *   <li>KEDA queue and lag scalers (kafka, rabbitmq, aws-sqs-queue, redis lists, azure-servicebus, ...): the backlog,
 *       waiting messages plus the arrivals of a few seconds in flight (5 s for Kafka, which commits offsets every
 *       5 s by default; 1 s for rabbitmq, SQS and Pub/Sub, which count unacknowledged messages; 0 otherwise);</li>
 *   <li>KEDA prometheus: {@code histogram_quantile(...)} is a latency ({@link Signal.Latency}, in milliseconds when
 *       the query names a {@code _milliseconds}/{@code _ms} metric, else seconds); {@code rate(...)} the arrival rate;
 *       {@code increase(...[W])} the arrivals of the window W;</li>
 *   <li>KEDA cron: its daily window (see {@link CronSchedule});</li>
 *   <li>HPA Pods, Object and External metrics: the arrival rate (a Pods metric: each ready pod's share), unless the
 *       metric's name says latency ({@code latency}, {@code duration}) or a queue ({@code lag}, {@code queue},
 *       {@code backlog}, {@code pending}, ...);</li>
 *   <li>any other KEDA scaler: the arrival rate.</li>
 * </ul>
 * Work is queued beyond capacity (messages) when some metric reads a backlog, else dropped (requests).
 */
public final class ManifestScenario {

    public static final String HPA = "HorizontalPodAutoscaler";
    public static final String SCALED_OBJECT = "ScaledObject";

    private static final Pattern FIELD_IN_MESSAGE = Pattern.compile("`(spec(?:[.\\[][^`\\s]*)?)`");
    private static final Pattern FIXED = Pattern.compile("\\s*(\\d{1,6})\\s*(?:replicas?|pods?)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private ManifestScenario() {
    }

    /** The autoscalers among {@code objects}, in order: HorizontalPodAutoscalers and KEDA ScaledObjects. */
    public static List<KubeObject> autoscalers(List<KubeObject> objects) {
        return objects.stream().filter(o -> HPA.equals(o.kind()) || SCALED_OBJECT.equals(o.kind())).toList();
    }

    /** How reports name an autoscaler: {@code hpa/web}, {@code scaledobject/worker}. */
    public static String label(KubeObject o) {
        return (HPA.equals(o.kind()) ? "hpa" : o.kind().toLowerCase(Locale.ROOT)) + "/" + o.name();
    }

    /** Where an object starts: {@code file:line}. */
    public static String where(KubeObject o) {
        return o.file() + ":" + o.locate(JsonPointer.ROOT).value().line();
    }

    /** {@code "3 replicas"}, {@code "1 replica"}, {@code "3 pods"} or {@code "3"}: a fixed count; else empty. */
    public static OptionalInt fixedReplicas(String text) {
        Matcher m = FIXED.matcher(text);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** The scenario of the one autoscaler in {@code objects}, or of the one {@link ScenarioOptions#autoscalerName}. */
    public static Scenario build(List<KubeObject> objects, ScenarioOptions options) {
        return build(choose(objects, options.autoscalerName()), objects, options);
    }

    /**
     * The autoscaler to simulate: the one named {@code name} ({@code web}, {@code hpa/web},
     * {@code scaledobject/web}, or the kind spelled out), or the only one.
     */
    public static KubeObject choose(List<KubeObject> objects, String name) {
        List<KubeObject> all = autoscalers(objects);
        if (all.isEmpty()) {
            List<String> jobs = objects.stream().filter(o -> "ScaledJob".equals(o.kind()))
                    .map(o -> "scaledjob/" + o.name()).toList();
            throw new SimulationInputException("the files hold no HorizontalPodAutoscaler or ScaledObject to"
                    + " simulate" + (jobs.isEmpty() ? "" : " (" + String.join(", ", jobs) + " starts jobs rather than"
                            + " scaling replicas, which the simulator does not model)")
                    + "; add the file that defines the autoscaler");
        }
        if (name == null) {
            if (all.size() > 1) {
                throw new SimulationInputException("the files hold " + all.size() + " autoscalers, " + list(all)
                        + "; choose one with --name (e.g. --name " + label(all.get(0)) + ")");
            }
            return all.get(0);
        }
        List<KubeObject> named = all.stream().filter(o -> matches(o, name)).toList();
        if (named.isEmpty()) {
            throw new SimulationInputException("no autoscaler named `" + name + "` in the files, which hold "
                    + list(all) + "; give one of those names");
        }
        if (named.size() > 1) {
            throw new SimulationInputException("`" + name + "` names " + named.size() + " autoscalers, " + list(named)
                    + "; add the kind, e.g. " + label(named.get(0)));
        }
        return named.get(0);
    }

    private static boolean matches(KubeObject o, String name) {
        String n = name.strip();
        return n.equals(o.name()) || n.equalsIgnoreCase(label(o)) || n.equalsIgnoreCase(o.kind() + "/" + o.name())
                || (o.namespace() != null && n.equalsIgnoreCase(o.kind() + "/" + o.namespace() + "/" + o.name()));
    }

    private static String list(List<KubeObject> objects) {
        List<String> parts = new ArrayList<>();
        for (KubeObject o : objects) {
            parts.add(label(o) + " (" + where(o) + ")");
        }
        if (parts.size() <= 2) {
            return String.join(" and ", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * The other side of a comparison: the autoscaler in {@code objects} (a refined version of {@code main}'s, say),
     * chosen by {@code options}' name, else the only one, else the one with {@code main}'s name. Its workload comes
     * from {@code objects} or, when they hold none, from {@code mainObjects}, so that a file with only the new
     * autoscaler still runs the same pods.
     */
    public static Scenario counterpart(List<KubeObject> objects, List<KubeObject> mainObjects, Scenario main,
            ScenarioOptions options) {
        String name = options.autoscalerName();
        if (name == null && autoscalers(objects).size() > 1) {
            name = main.autoscaler().label();
        }
        KubeObject chosen = choose(objects, name);
        List<KubeObject> withWorkloads = new ArrayList<>(objects);
        for (KubeObject o : mainObjects) {
            if (!HPA.equals(o.kind()) && !SCALED_OBJECT.equals(o.kind())) {
                withWorkloads.add(o); // after the comparison's own objects: those win
            }
        }
        return build(chosen, withWorkloads, options);
    }

    /** The scenario of {@code autoscaler}; {@code objects} may hold the workload it scales. */
    public static Scenario build(KubeObject autoscaler, List<KubeObject> objects, ScenarioOptions options) {
        SignalInference inference = new SignalInference(options);
        List<String> metricNotes = new ArrayList<>();
        List<Signal> signals = new ArrayList<>();
        JsonNode spec = autoscaler.tree().path("spec");
        JsonNode ref = spec.path("scaleTargetRef");
        Autoscaler scaler;
        List<MetricSpec> metrics;
        String targetKind;
        if (HPA.equals(autoscaler.kind())) {
            HpaSpec hpa = located(autoscaler, () -> hpaSpec(autoscaler));
            for (int i = 0; i < hpa.metrics().size(); i++) {
                MetricSpec m = hpa.metrics().get(i);
                String what = "metric " + i + " (" + m.describe() + ")";
                if (isResource(m)) {
                    signals.add(null);
                    metricNotes.add(what + ": the pods' " + m.name() + " usage");
                } else {
                    SignalInference.Inferred inferred = inference.forHpaMetric(i, m);
                    signals.add(inferred.signal());
                    metricNotes.add(inferred.note());
                    latencyAdvice(inferred.signal(), m.target(), false, metricNotes);
                }
            }
            scaler = new Autoscaler.Hpa(label(autoscaler), hpa, signals);
            metrics = hpa.metrics();
            targetKind = ref.path("kind").asText("");
        } else if (SCALED_OBJECT.equals(autoscaler.kind())) {
            ScaledObjectSpec so = located(autoscaler, () -> ManifestSpecs.scaledObject(spec));
            JsonNode triggers = spec.path("triggers");
            for (int i = 0; i < so.triggers().size(); i++) {
                KedaTrigger t = so.triggers().get(i);
                JsonNode metadata = triggers.get(i).get("metadata");
                String what = "trigger " + i + " (" + t.type() + ")";
                if (t.isResource()) {
                    signals.add(null);
                    metricNotes.add(what + ": the pods' " + t.type() + " usage");
                } else if ("cron".equals(t.type())) {
                    String path = "spec.triggers[" + i + "]";
                    CronSchedule.Window w = located(autoscaler, () -> CronSchedule.read(metadata, path));
                    signals.add(w.signal());
                    metricNotes.add(what + ": " + Format.number(w.signal().inside()) + " replicas from "
                            + Format.clock(w.signal().fromSecondOfDay()) + " to "
                            + Format.clock(w.signal().toSecondOfDay()) + " every day, on the simulation clock"
                            + " (second 0 is midnight in the trigger's timezone)");
                    for (String n : w.notes()) {
                        metricNotes.add(what + ": " + n);
                    }
                } else {
                    SignalInference.Inferred inferred = inference.forTrigger(i, t.type(), metadata);
                    signals.add(inferred.signal());
                    metricNotes.add(inferred.note());
                    MetricSpec generated = Keda.metricFor(i, t);
                    latencyAdvice(inferred.signal(), generated.target(), true, metricNotes);
                }
            }
            if (!spec.path("advanced").path("scalingModifiers").isMissingNode()) {
                metricNotes.add("advanced.scalingModifiers is not simulated: each trigger scales as its own metric");
            }
            scaler = new Autoscaler.Keda(label(autoscaler), so, signals, List.of());
            metrics = Keda.generatedHpa(so).metrics();
            targetKind = ref.path("kind").asText("Deployment");
        } else {
            throw at(autoscaler, JsonPointer.parse("kind"), label(autoscaler) + " is not an autoscaler the simulator"
                    + " reads; give a HorizontalPodAutoscaler or a ScaledObject");
        }

        String targetName = ref.path("name").asText("");
        KubeObject workload = objects.stream()
                .filter(o -> o.kind().equals(targetKind) && o.name().equals(targetName)
                        && Objects.equals(o.namespace(), autoscaler.namespace()))
                .findFirst().orElse(null);
        boolean queue = signals.stream().anyMatch(s -> s instanceof Signal.Backlog);
        PodModel.WorkKind work = options.work() != null ? options.work()
                : queue ? PodModel.WorkKind.MESSAGES : PodModel.WorkKind.REQUESTS;
        String unit = work == PodModel.WorkKind.MESSAGES ? "msg" : "req";
        String target = (targetKind.isEmpty() ? "the target" : targetKind) + "/" + targetName;
        WorkloadResources.Result resources = WorkloadResources.build(workload, target, metrics, options, unit);
        PodModel pods = new PodModel(options.capacity(), unit, work, resources.resources(),
                or(options.startupSeconds(), ScenarioOptions.DEFAULT_STARTUP_SECONDS),
                or(options.readinessSeconds(), ScenarioOptions.DEFAULT_READINESS_SECONDS),
                or(options.metricsDelaySeconds(), ScenarioOptions.DEFAULT_METRICS_DELAY_SECONDS),
                ScenarioOptions.METRIC_WINDOW_SECONDS);

        List<String> podNotes = new ArrayList<>();
        podNotes.add("workload: " + (workload == null ? target + " is not in the files" : target + " ("
                + where(workload) + ")"));
        podNotes.add("capacity: " + Format.number(pods.capacityPerPod()) + " " + unit + "/s per ready pod ("
                + (options.capacityPerPod() == null ? "the default" : "as given") + "); "
                + (work == PodModel.WorkKind.MESSAGES ? "messages beyond it wait in the queue"
                        + (options.work() == null ? " (a metric reads a queue)" : "")
                        : "requests beyond it are not served"));
        podNotes.add("pods: Running " + pods.startupSeconds() + "s after creation, Ready " + pods.readinessSeconds()
                + "s later; metrics are " + pods.metricsDelaySeconds() + "s old when read");
        podNotes.addAll(resources.notes());
        return new Scenario(scaler, pods, options.initialReplicas(), where(autoscaler), metricNotes, podNotes);
    }

    /**
     * Says what a latency target does: an AverageValue target divides the latency by the replica count (so the HPA
     * wants ceil(latency / target) pods whatever it runs now), and an idle latency at or above the target asks for
     * the maximum.
     */
    private static void latencyAdvice(Signal signal, MetricTarget target, boolean keda, List<String> notes) {
        if (!(signal instanceof Signal.Latency l)) {
            return;
        }
        Quantity q = target.averageValue() != null ? target.averageValue() : target.value();
        if (q != null && l.base() >= q.approximateDouble()) {
            notes.add("the idle latency " + Format.number(l.base()) + " is at or above the target "
                    + Format.number(q.approximateDouble()) + ", so no replica count meets it");
        }
        if (target.averageValue() != null) {
            notes.add("an AverageValue target on a latency asks for ceil(latency / target) replicas whatever the"
                    + " current count" + (keda ? "; metricType: Value scales the current count by latency / target"
                            : "; a Value target scales the current count by latency / target"));
        }
    }

    private static boolean isResource(MetricSpec m) {
        return m.source() == MetricSourceType.RESOURCE || m.source() == MetricSourceType.CONTAINER_RESOURCE;
    }

    private static int or(Integer v, int fallback) {
        return v != null ? v : fallback;
    }

    private static HpaSpec hpaSpec(KubeObject o) {
        JsonNode spec = o.tree().path("spec");
        String api = o.apiVersion() == null ? "" : o.apiVersion();
        switch (api) {
            case "autoscaling/v2":
            case "autoscaling/v2beta2":
                return ManifestSpecs.hpa(spec);
            case "autoscaling/v1": {
                JsonInput.requireObject(spec, "spec");
                Integer cpu = JsonInput.optionalInt(spec, "targetCPUUtilizationPercentage", "spec");
                return new HpaSpec(JsonInput.optionalInt(spec, "minReplicas", "spec"),
                        JsonInput.requiredInt(spec, "maxReplicas", "spec"),
                        cpu == null ? List.of() : List.of(MetricSpec.resource("cpu", MetricTarget.utilization(cpu))),
                        null);
            }
            default:
                throw at(o, JsonPointer.parse("apiVersion"), "the simulator reads HorizontalPodAutoscalers of"
                        + " autoscaling/v2 and autoscaling/v1, not " + api + "; convert it to autoscaling/v2");
        }
    }

    /** Runs {@code read}; a {@link SimulationInputException} naming a field of the object gets its file:line:column. */
    private static <T> T located(KubeObject o, Supplier<T> read) {
        try {
            return read.get();
        } catch (SimulationInputException e) {
            if (e.getMessage().startsWith(o.file() + ":")) {
                throw e; // already placed
            }
            Matcher m = FIELD_IN_MESSAGE.matcher(e.getMessage());
            JsonPointer p = JsonPointer.ROOT;
            if (m.find()) {
                try {
                    p = JsonPointer.parse(m.group(1));
                } catch (IllegalArgumentException notAPath) {
                    p = JsonPointer.ROOT;
                }
            }
            throw at(o, p, e.getMessage());
        }
    }

    /** An input error at a field of an object, as {@code file:line:column: message}. */
    static SimulationInputException at(KubeObject o, JsonPointer p, String message) {
        SourceRange r = o.locate(p).preferred(false);
        return new SimulationInputException(o.file() + ":" + r.line() + ":" + r.column() + ": " + message);
    }
}
