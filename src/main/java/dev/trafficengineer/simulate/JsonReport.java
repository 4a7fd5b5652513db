package dev.trafficengineer.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A simulation run as JSON: {@code {"label", "traffic", "stepSeconds", "pods", "summary", "timeline": [...]}}, every
 * number rounded to three decimals and fields in a fixed order, so the same run always prints the same bytes.
 * {@link #compare} prints {@code {"runs": [a, b]}}.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(SimulationRun run) {
        return write(node(run));
    }

    public static String compare(SimulationRun before, SimulationRun after) {
        return compare(before, List.of(), after, List.of());
    }

    /** As {@link #render(SimulationRun)}, with an {@code "assumptions"} list of what was assumed to build the run. */
    public static String render(SimulationRun run, List<String> assumptions) {
        return write(node(run, assumptions));
    }

    /** As {@link #compare(SimulationRun, SimulationRun)}, each run with its {@code "assumptions"}. */
    public static String compare(SimulationRun before, List<String> assumptionsBefore, SimulationRun after,
            List<String> assumptionsAfter) {
        ObjectNode root = JsonInput.MAPPER.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        runs.add(node(before, assumptionsBefore));
        runs.add(node(after, assumptionsAfter));
        return write(root);
    }

    private static ObjectNode node(SimulationRun run, List<String> assumptions) {
        ObjectNode n = node(run);
        if (!assumptions.isEmpty()) {
            // after the summary, before the long timeline, so a reader meets it early
            ObjectNode ordered = JsonInput.MAPPER.createObjectNode();
            n.properties().forEach(e -> {
                if (e.getKey().equals("timeline")) {
                    ArrayNode list = ordered.putArray("assumptions");
                    assumptions.forEach(list::add);
                }
                ordered.set(e.getKey(), e.getValue());
            });
            return ordered;
        }
        return n;
    }

    private static String write(ObjectNode node) {
        try {
            return JsonInput.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static ObjectNode node(SimulationRun run) {
        ObjectNode root = JsonInput.MAPPER.createObjectNode();
        root.put("label", run.label());
        root.put("traffic", run.trafficDescription());
        root.put("stepSeconds", run.timeline().stepSeconds());
        ObjectNode pods = root.putObject("pods");
        pods.put("capacityPerPod", Format.round3(run.pods().capacityPerPod()));
        pods.put("unit", run.pods().unit());
        pods.put("work", run.pods().work() == PodModel.WorkKind.REQUESTS ? "requests" : "messages");
        pods.put("startupSeconds", run.pods().startupSeconds());
        pods.put("readinessSeconds", run.pods().readinessSeconds());
        pods.put("metricsDelaySeconds", run.pods().metricsDelaySeconds());
        Summary s = run.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("durationSeconds", s.durationSeconds());
        summary.put("podHours", Format.round3(s.podHours()));
        summary.put("peakReplicas", s.peakReplicas());
        summary.put("minReplicas", s.minReplicas());
        summary.put("averageReplicas", Format.round3(s.averageReplicas()));
        summary.put("secondsUnderCapacity", s.secondsUnderCapacity());
        summary.put("unservedUnits", Format.round3(s.unservedUnits()));
        summary.put("unservedPercent", Format.round3(s.unservedPercent()));
        summary.put("scaleEvents", s.scaleEvents());
        summary.put("scaleUps", s.scaleUps());
        summary.put("scaleDowns", s.scaleDowns());
        summary.put("flaps", s.flaps());
        summary.put("maxQueue", Format.round3(s.maxQueue()));
        summary.put("maxLagSeconds", Format.round3(s.maxLagSeconds()));
        summary.put("coldStarts", s.coldStarts());
        summary.put("podStarts", s.podStarts());
        ArrayNode rows = root.putArray("timeline");
        Timeline tl = run.timeline();
        for (int i = 0; i < tl.size(); i++) {
            ObjectNode row = rows.addObject();
            row.put("t", tl.seconds(i));
            row.put("demand", Format.round3(tl.demand(i)));
            row.put("replicas", tl.replicas(i));
            row.put("ready", tl.ready(i));
            row.put("capacity", Format.round3(tl.capacity(i)));
            row.put("unserved", Format.round3(tl.unserved(i)));
            row.put("queue", Format.round3(tl.queue(i)));
            row.put("lagSeconds", Format.round3(tl.lagSeconds(i)));
            ObjectNode metrics = row.putObject("metrics");
            for (int m = 0; m < tl.metricNames().size(); m++) {
                double v = tl.metric(m, i);
                if (Double.isNaN(v)) {
                    metrics.putNull(tl.metricNames().get(m));
                } else {
                    metrics.put(tl.metricNames().get(m), Format.round3(v));
                }
            }
            row.put("reason", tl.reason(i));
            if (tl.event(i) != null) {
                row.put("event", tl.event(i));
            }
        }
        return root;
    }
}
