package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.kube.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of {@code traffic-engineer simulate propose}: what one metric proposes, from {@code kubectl
 * describe}-style data. Input fields:
 * <ul>
 *   <li>{@code currentReplicas} (required), {@code statusReplicas} (optional, default currentReplicas: the count
 *       per-pod Object/External targets divide by);</li>
 *   <li>{@code metric}: {@code {"type", "resource", "container", "name", "target": {"type",
 *       "averageUtilization"|"averageValue"|"value"}}} (the nested manifest form is accepted too);</li>
 *   <li>{@code tolerance}: a number or quantity for both directions, or {@code {"scaleUp", "scaleDown"}};
 *       default the controller's 0.1;</li>
 *   <li>{@code pods}: {@code [{"name", "phase" (Running), "ready" (true; null for no Ready condition),
 *       "terminating" (false), "startSecondsAgo" (3600; null for no start time), "readyTransitionSecondsAgo"
 *       (startSecondsAgo), "requests": {container: quantity}, "usage": {container: quantity} (absent or null: no
 *       metric), "value" (Pods metrics: the pod's sample; default the sum of usage)}]}; needed for Resource
 *       metrics, optional otherwise (Object/External count their Running and Ready pods; without pods all
 *       currentReplicas pods are ready);</li>
 *   <li>{@code metricValues}: quantities; one for Object, the series of an External metric, or one per ready pod
 *       for a Pods metric given without pods;</li>
 *   <li>{@code metricSecondsAgo} (0) and {@code metricWindowSeconds} (60): the age and window of the pods' samples,
 *       which the CPU readiness rules compare with the Ready transition;</li>
 *   <li>{@code controller}: the controller flags ({@link SpecJson#controller}).</li>
 * </ul>
 * Output: {@code {"replicas": n, "utilization": n}} for utilization targets, {@code {"replicas": n, "usage": q}}
 * otherwise, or {@code {"error": "..."}} when the controller could not use the metric.
 */
public final class ProposeCodec {

    private static final long DEFAULT_START_SECONDS_AGO = 3600;
    private static final long DEFAULT_METRIC_WINDOW_SECONDS = 60;

    private ProposeCodec() {
    }

    /** A decoded request; "now" is 0. */
    public record Request(int currentReplicas, int statusReplicas, MetricSpec metric, Tolerances tolerances,
            ReplicaCalculator.MetricData data, ControllerConfig config) {
    }

    /** The encoded answer; {@code ok} is false when the metric failed (the JSON then holds {@code error}). */
    public record Result(String json, boolean ok) {
    }

    public static Request decode(String json) {
        JsonNode root = JsonInput.parseObject(json);
        int current = JsonInput.requiredInt(root, "currentReplicas", "");
        if (current < 0) {
            throw new SimulationInputException("`currentReplicas` must not be negative, got " + current);
        }
        Integer status = JsonInput.optionalInt(root, "statusReplicas", "");
        MetricSpec metric = SpecJson.metric(JsonInput.required(root, "metric", ""), "metric");
        ControllerConfig config = SpecJson.controller(JsonInput.optional(root, "controller"), "controller");
        Tolerances tolerances = tolerances(JsonInput.optional(root, "tolerance"), config);
        JsonNode podsNode = JsonInput.optional(root, "pods");
        JsonNode valuesNode = JsonInput.optional(root, "metricValues");
        long metricAt = -millis(root, "metricSecondsAgo", 0);
        long window = millis(root, "metricWindowSeconds", DEFAULT_METRIC_WINDOW_SECONDS);
        ReplicaCalculator.MetricData data = switch (metric.source()) {
            case RESOURCE, CONTAINER_RESOURCE -> {
                if (podsNode == null) {
                    throw new SimulationInputException("missing field `pods`: a " + metric.source().apiName()
                            + " metric is computed from each pod's usage and requests");
                }
                yield new ReplicaCalculator.MetricData.PodMetrics(pods(podsNode, metric, metricAt, window));
            }
            case PODS -> {
                if (podsNode != null) {
                    yield new ReplicaCalculator.MetricData.PodMetrics(pods(podsNode, metric, metricAt, window));
                }
                if (valuesNode == null) {
                    throw new SimulationInputException("missing field `pods` (or `metricValues`, one per pod)");
                }
                yield new ReplicaCalculator.MetricData.PodMetrics(readyPodsWith(values(valuesNode), metricAt));
            }
            case OBJECT, EXTERNAL -> {
                if (valuesNode == null) {
                    throw new SimulationInputException("missing field `metricValues`: the "
                            + metric.source().apiName() + " metric's value" + (metric.source()
                            == MetricSourceType.EXTERNAL ? "s" : ""));
                }
                long[] values = values(valuesNode);
                if (podsNode == null) {
                    yield new ReplicaCalculator.MetricData.Values(values, current, current);
                }
                List<PodSample> pods = pods(podsNode, metric, metricAt, window);
                int ready = 0;
                for (PodSample p : pods) {
                    ready += p.isRunningAndReady() ? 1 : 0;
                }
                yield new ReplicaCalculator.MetricData.Values(values, pods.size(), ready);
            }
        };
        return new Request(current, status == null ? current : status, metric, tolerances, data, config);
    }

    private static long millis(JsonNode root, String field, long fallbackSeconds) {
        JsonNode n = JsonInput.optional(root, field);
        return n == null ? fallbackSeconds * 1000 : JsonInput.secondsToMillis(n, field);
    }

    private static Tolerances tolerances(JsonNode node, ControllerConfig config) {
        if (node == null) {
            return Tolerances.uniform(config.tolerance());
        }
        if (node.isObject()) {
            JsonNode up = JsonInput.optional(node, "scaleUp");
            JsonNode down = JsonInput.optional(node, "scaleDown");
            return new Tolerances(
                    down == null ? config.tolerance() : JsonInput.quantity(down, "tolerance.scaleDown")
                            .approximateDouble(),
                    up == null ? config.tolerance() : JsonInput.quantity(up, "tolerance.scaleUp").approximateDouble());
        }
        return Tolerances.uniform(JsonInput.quantity(node, "tolerance").approximateDouble());
    }

    private static long[] values(JsonNode node) {
        JsonInput.requireArray(node, "metricValues");
        long[] out = new long[node.size()];
        for (int i = 0; i < node.size(); i++) {
            out[i] = JsonInput.quantity(node.get(i), JsonInput.element("metricValues", i)).milliValue();
        }
        return out;
    }

    private static List<PodSample> readyPodsWith(long[] values, long metricAt) {
        List<PodSample> pods = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            long start = -DEFAULT_START_SECONDS_AGO * 1000;
            pods.add(new PodSample("pod-" + i, PodPhase.RUNNING, false, true, start, start, values[i], metricAt,
                    DEFAULT_METRIC_WINDOW_SECONDS * 1000, null, null));
        }
        return pods;
    }

    private static List<PodSample> pods(JsonNode node, MetricSpec metric, long metricAt, long window) {
        JsonInput.requireArray(node, "pods");
        List<PodSample> pods = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            pods.add(pod(JsonInput.requireObject(node.get(i), JsonInput.element("pods", i)),
                    JsonInput.element("pods", i), i, metric, metricAt, window));
        }
        return pods;
    }

    private static PodSample pod(JsonNode pod, String path, int index, MetricSpec metric, long metricAt,
            long window) {
        String name = pod.has("name") ? JsonInput.requiredString(pod, "name", path) : "pod-" + index;
        PodPhase phase = JsonInput.optional(pod, "phase") == null ? PodPhase.RUNNING
                : JsonInput.apiEnum(pod, "phase", path, PodPhase.class, PodPhase::fromApiName, PodPhase::apiName);
        Boolean ready = true;
        if (pod.has("ready")) {
            ready = pod.get("ready").isNull() ? null : JsonInput.optionalBoolean(pod, "ready", path, true);
        }
        boolean terminating = JsonInput.optionalBoolean(pod, "terminating", path, false);
        Long start = -DEFAULT_START_SECONDS_AGO * 1000;
        if (pod.has("startSecondsAgo")) {
            start = pod.get("startSecondsAgo").isNull() ? null
                    : -JsonInput.secondsToMillis(pod.get("startSecondsAgo"), JsonInput.child(path, "startSecondsAgo"));
        }
        JsonNode transitionNode = JsonInput.optional(pod, "readyTransitionSecondsAgo");
        long transition = transitionNode != null
                ? -JsonInput.secondsToMillis(transitionNode, JsonInput.child(path, "readyTransitionSecondsAgo"))
                : start == null ? 0 : start;
        Map<String, Quantity> requests = containerMap(pod, "requests", path);
        Map<String, Quantity> usage = containerMap(pod, "usage", path);

        Long metricMilli;
        Long requestMilli = null;
        String requestProblem = null;
        if (metric.source() == MetricSourceType.PODS) {
            JsonNode value = JsonInput.optional(pod, "value");
            if (value != null) {
                metricMilli = JsonInput.quantity(value, JsonInput.child(path, "value")).milliValue();
            } else {
                metricMilli = usage == null ? null : Long.valueOf(sum(usage.values()));
            }
        } else {
            // the pod's containers are those named in requests or usage; a container lacking usage leaves the pod
            // without a sample, a container lacking a request is an error when utilization is computed
            Map<String, Quantity> req = requests == null ? Map.of() : requests;
            List<String> containers = new ArrayList<>(req.keySet());
            if (usage != null) {
                for (String c : usage.keySet()) {
                    if (!containers.contains(c)) {
                        containers.add(c);
                    }
                }
            }
            String only = metric.container();
            metricMilli = usage == null ? null : podUsage(usage, containers, only);
            long total = 0;
            for (String c : containers) {
                if (only != null && !only.equals(c)) {
                    continue;
                }
                if (!req.containsKey(c)) {
                    requestProblem = "missing request for " + metric.name() + " in container " + c + " of Pod " + name;
                    break;
                }
                total += req.get(c).milliValue();
            }
            if (requestProblem == null && only != null && !containers.contains(only)) {
                requestProblem = "container " + only + " not found in Pod " + name;
            }
            requestMilli = requestProblem == null ? total : null;
        }
        return new PodSample(name, phase, terminating, ready, start, transition, metricMilli, metricAt, window,
                requestMilli, requestProblem);
    }

    private static Long podUsage(Map<String, Quantity> usage, List<String> containers, String only) {
        if (only != null) {
            Quantity q = usage.get(only);
            return q == null ? null : q.milliValue();
        }
        long total = 0;
        for (String c : containers) {
            Quantity q = usage.get(c);
            if (q == null) {
                return null;
            }
            total += q.milliValue();
        }
        return total;
    }

    private static long sum(Iterable<Quantity> values) {
        long total = 0;
        for (Quantity q : values) {
            total += q.milliValue();
        }
        return total;
    }

    private static Map<String, Quantity> containerMap(JsonNode pod, String field, String path) {
        JsonNode node = JsonInput.optional(pod, field);
        if (node == null) {
            return null;
        }
        String p = JsonInput.child(path, field);
        JsonInput.requireObject(node, p);
        Map<String, Quantity> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), JsonInput.quantity(e.getValue(), JsonInput.child(p, e.getKey())));
        }
        return out;
    }

    /** The proposal as the command prints it. */
    public static Result encode(MetricSpec metric, MetricOutcome outcome) {
        ObjectNode out = JsonInput.MAPPER.createObjectNode();
        if (outcome instanceof MetricOutcome.Failure f) {
            out.put("error", f.message());
            return new Result(out.toString(), false);
        }
        MetricOutcome.Proposal p = (MetricOutcome.Proposal) outcome;
        out.put("replicas", p.replicas());
        if (p.utilization().isPresent()) {
            out.put("utilization", p.utilization().getAsInt());
        } else {
            out.put("usage", Quantity.ofMilli(p.usageMilli()).toString());
        }
        return new Result(out.toString(), true);
    }

    /** Decode, propose at time 0, encode. */
    public static Result run(String json) {
        Request r = decode(json);
        MetricOutcome outcome = ReplicaCalculator.propose(r.metric(), r.currentReplicas(), r.statusReplicas(),
                r.data(), r.tolerances(), 0, r.config());
        return encode(r.metric(), outcome);
    }
}
