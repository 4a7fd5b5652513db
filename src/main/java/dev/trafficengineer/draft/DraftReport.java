package dev.trafficengineer.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.review.report.TextReport;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.Summary;
import dev.trafficengineer.simulate.Timeline;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A draft result for people (the manifests, then the review and the simulation as YAML comments, so the whole
 * output still applies with kubectl) or for tools (one JSON object).
 */
public final class DraftReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DraftReport() {}

    /** The manifests followed by the review and simulation as comments. */
    public static String yaml(DraftResult r) {
        StringBuilder out = new StringBuilder(r.yaml());
        out.append("\n");
        for (String line : trailer(r)) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return out.toString();
    }

    /** The review and simulation as lines of text. */
    public static List<String> trailer(DraftResult r) {
        List<String> lines = new ArrayList<>();
        lines.add("Review: " + TextReport.summary(r.review().summary()));
        for (Finding f : r.review().findings()) {
            lines.add("  " + f.file() + ":" + f.range().line() + ":" + f.range().column() + ": "
                    + f.severity().label() + " " + f.ruleId() + ": " + f.message());
        }
        if (r.simulation() != null && r.simulation().run() == null) {
            lines.add("");
            lines.add("Simulation: not run (" + r.simulation().unavailable() + ").");
        } else if (r.simulation() != null) {
            lines.add("");
            lines.addAll(simulation(r.simulation().run()));
            if (r.simulation().baseline() != null) {
                lines.add("");
                lines.addAll(simulation(r.simulation().baseline()));
            }
        }
        return lines;
    }

    static List<String> simulation(SimulationRun run) {
        Summary s = run.summary();
        List<String> lines = new ArrayList<>();
        lines.add("Simulation of " + run.label() + " over one day of " + run.trafficDescription() + ":");
        lines.add(String.format(Locale.ROOT, "  replicas %d–%d (average %.1f), %.1f pod-hours, %d scale-ups,"
                + " %d scale-downs, %d flaps", s.minReplicas(), s.peakReplicas(), s.averageReplicas(), s.podHours(),
                s.scaleUps(), s.scaleDowns(), s.flaps()));
        double after = unservedAfterFirstRamp(run.timeline());
        lines.add(String.format(Locale.ROOT, "  unserved %.2f%% of %s (%d s under capacity); after the first"
                + " ramp: %s", s.unservedPercent(), run.pods().unit().equals("msg") ? "messages" : "requests",
                s.secondsUnderCapacity(), after == 0 ? "none" : String.format(Locale.ROOT, "%.0f %s", after,
                        run.pods().unit())));
        if (s.coldStarts() > 0 || s.maxLagSeconds() > 0) {
            lines.add(String.format(Locale.ROOT, "  %d cold starts, longest wait %.0f s", s.coldStarts(),
                    s.maxLagSeconds()));
        }
        return lines;
    }

    /**
     * Work left unserved after the demand first climbs to 95% of its maximum: the shortfall that remains once the
     * autoscaler has caught up with the first ramp of the day.
     */
    public static double unservedAfterFirstRamp(Timeline tl) {
        double peak = 0;
        for (int i = 0; i < tl.size(); i++) {
            peak = Math.max(peak, tl.demand(i));
        }
        int start = 0;
        while (start < tl.size() && tl.demand(start) < 0.95 * peak) {
            start++;
        }
        double unserved = 0;
        for (int i = start; i < tl.size(); i++) {
            unserved += tl.unserved(i) * tl.stepSeconds();
        }
        return unserved;
    }

    public static String json(DraftResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("yaml", r.yaml());
        ArrayNode assumptions = root.putArray("assumptions");
        if (r.draft() != null) {
            for (Assumption a : r.draft().resolved().assumptions()) {
                assumptions.addObject().put("field", a.field()).put("value", a.value()).put("reason", a.reason());
            }
            ArrayNode notes = root.putArray("notes");
            r.draft().plan().notes().forEach(notes::add);
        }
        ObjectNode review = root.putObject("review");
        review.set("findings", JsonReport.findings(r.review().findings()));
        review.set("summary", JsonReport.summary(r.review().summary()));
        if (r.simulation() == null) {
            root.putNull("simulation");
        } else {
            root.set("simulation", simulationJson(r.simulation()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode simulationJson(DraftSimulation sim) {
        ObjectNode n = JSON.createObjectNode();
        if (sim.run() == null) {
            n.put("unavailable", sim.unavailable());
            return n;
        }
        n.set("run", summaryJson(sim.run()));
        if (sim.baseline() != null) {
            n.set("baseline", summaryJson(sim.baseline()));
        }
        return n;
    }

    private static JsonNode summaryJson(SimulationRun run) {
        Summary s = run.summary();
        ObjectNode n = JSON.createObjectNode();
        n.put("label", run.label());
        n.put("traffic", run.trafficDescription());
        n.put("minReplicas", s.minReplicas());
        n.put("peakReplicas", s.peakReplicas());
        n.put("averageReplicas", Math.round(s.averageReplicas() * 100) / 100.0);
        n.put("podHours", Math.round(s.podHours() * 100) / 100.0);
        n.put("unservedPercent", Math.round(s.unservedPercent() * 10000) / 10000.0);
        n.put("secondsUnderCapacity", s.secondsUnderCapacity());
        n.put("unservedAfterFirstRamp", Math.round(unservedAfterFirstRamp(run.timeline()) * 100) / 100.0);
        n.put("scaleUps", s.scaleUps());
        n.put("scaleDowns", s.scaleDowns());
        n.put("flaps", s.flaps());
        n.put("coldStarts", s.coldStarts());
        n.put("maxLagSeconds", Math.round(s.maxLagSeconds() * 10) / 10.0);
        return n;
    }
}
