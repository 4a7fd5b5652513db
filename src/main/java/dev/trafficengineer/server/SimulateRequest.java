package dev.trafficengineer.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.simulate.Durations;
import dev.trafficengineer.simulate.JsonReport;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Scenario;
import dev.trafficengineer.simulate.ScenarioOptions;
import dev.trafficengineer.simulate.SimulationInputException;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.SvgChart;
import dev.trafficengineer.simulate.TextReport;
import dev.trafficengineer.simulate.TrafficCsv;
import dev.trafficengineer.simulate.TrafficPattern;
import dev.trafficengineer.simulate.TrafficProfile;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code POST /v1/simulate}: the {@code simulate} command's inputs as one JSON object, named like its flags:
 * {@code yaml} (the manifests), then either {@code traffic} (CSV rows {@code time,rate}) or {@code pattern} with
 * {@code base}, {@code peak}, {@code peakHour}, {@code start}, {@code ramp}, {@code hold}, {@code duration}; the
 * pods: {@code capacity}, {@code cpuPerRequest}, {@code startup}, {@code readiness}, {@code metricsDelay},
 * {@code baseLatency}, {@code inFlight}, {@code work}, {@code initialReplicas}; {@code name} to pick an
 * autoscaler, {@code compare} ("3 replicas", or manifests as YAML), and {@code format} (json, text or svg).
 * Durations are numbers of seconds or strings such as "2m".
 */
final class SimulateRequest {

    record Result(String contentType, String body) {}

    private static final Set<String> FIELDS = Set.of("yaml", "traffic", "pattern", "base", "peak", "peakHour",
            "start", "ramp", "hold", "duration", "capacity", "cpuPerRequest", "startup", "readiness", "metricsDelay",
            "baseLatency", "inFlight", "work", "initialReplicas", "name", "compare", "format");

    private SimulateRequest() {}

    static Result run(JsonNode req, ManifestLoader loader) {
        for (Iterator<String> it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new SimulationInputException("unknown field `" + f + "`; the fields are " + String.join(", ",
                        FIELDS.stream().sorted().toList()));
            }
        }
        String yaml = string(req, "yaml");
        if (yaml == null || yaml.isBlank()) {
            throw new SimulationInputException("`yaml` must hold the HPA or ScaledObject to simulate");
        }
        List<KubeObject> objects = objects(loader, "request.yaml", yaml);
        ScenarioOptions options = new ScenarioOptions(string(req, "name"), number(req, "capacity"),
                quantity(req), seconds(req, "startup"), seconds(req, "readiness"), seconds(req, "metricsDelay"),
                duration(req, "baseLatency"), duration(req, "inFlight"), work(req), integer(req, "initialReplicas"));
        Scenario main = ManifestScenario.build(objects, options);
        Scenario other = null;
        String compare = string(req, "compare");
        if (compare != null) {
            OptionalInt fixed = ManifestScenario.fixedReplicas(compare);
            other = fixed.isPresent() ? main.fixed(fixed.getAsInt())
                    : ManifestScenario.counterpart(objects(loader, "compare.yaml", compare), objects, main, options);
        }
        TrafficProfile profile = traffic(req);
        String format = req.path("format").asText("json");
        SimulationRun a = main.run(profile);
        SimulationRun b = other == null ? null : other.run(profile);
        return switch (format) {
            case "json" -> new Result(Response.JSON_TYPE, b == null ? JsonReport.render(a, main.assumptions())
                    : JsonReport.compare(a, main.assumptions(), b, other.assumptions()));
            case "text" -> new Result("text/plain; charset=utf-8", b == null ? TextReport.render(a,
                    main.assumptions()) : TextReport.compare(a, main.assumptions(), b, other.assumptions()));
            case "svg" -> new Result("image/svg+xml", b == null ? SvgChart.render(a) : SvgChart.compare(a, b));
            default -> throw new SimulationInputException("`format` must be json, text or svg");
        };
    }

    private static List<KubeObject> objects(ManifestLoader loader, String name, String yaml) {
        LoadedFile f = loader.load(new SourceText(name, yaml), false);
        for (Finding p : f.problems()) {
            if (p.severity() == Severity.ERROR) {
                throw new SimulationInputException(name + ":" + p.range().line() + ":" + p.range().column() + ": "
                        + p.message());
            }
        }
        return new ArrayList<>(f.objects());
    }

    private static TrafficProfile traffic(JsonNode req) {
        String csv = string(req, "traffic");
        Long durationSeconds = req.has("duration") ? wholeSeconds(req, "duration") : null;
        if (csv != null) {
            if (req.has("pattern")) {
                throw new SimulationInputException("`traffic` and `pattern` both describe the traffic; give one");
            }
            TrafficProfile.Points points = TrafficCsv.parse("traffic", csv);
            if (durationSeconds != null) {
                points = new TrafficProfile.Points(points.points(), durationSeconds);
            }
            TrafficPattern.checkDuration(points.durationSeconds());
            return points;
        }
        String pattern = req.path("pattern").asText("diurnal");
        TrafficPattern.Kind kind;
        try {
            kind = TrafficPattern.Kind.valueOf(pattern.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SimulationInputException("`pattern` must be steady, diurnal, spike or ramp");
        }
        for (String p : List.of("base", "peak", "peakHour", "start", "ramp", "hold", "duration")) {
            String flag = p.equals("peakHour") ? "peak-hour" : p;
            if (req.has(p) && !kind.parameters().contains(flag)) {
                throw new SimulationInputException("`" + p + "` does not shape the " + kind.apiName() + " pattern");
            }
        }
        Double peakHour = null;
        if (req.has("peakHour")) {
            JsonNode h = req.get("peakHour");
            peakHour = h.isNumber() ? h.asDouble() : Durations.hourOfDay(h.asText(), "peakHour");
        }
        return new TrafficPattern(kind, number(req, "base"), number(req, "peak"), peakHour,
                req.has("start") ? wholeSeconds(req, "start") : null, req.has("ramp") ? wholeSeconds(req, "ramp")
                        : null, req.has("hold") ? wholeSeconds(req, "hold") : null, durationSeconds).profile();
    }

    private static String string(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new SimulationInputException("`" + field + "` must be a string");
        }
        return n.asText();
    }

    private static Double number(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new SimulationInputException("`" + field + "` must be a number");
        }
        return n.asDouble();
    }

    private static Integer integer(JsonNode req, String field) {
        Double d = number(req, field);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new SimulationInputException("`" + field + "` must be a whole number");
        }
        return d.intValue();
    }

    private static long wholeSeconds(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n.isNumber()) {
            if (n.asDouble() < 0 || n.asDouble() != Math.rint(n.asDouble())) {
                throw new SimulationInputException("`" + field + "` must be a whole number of seconds");
            }
            return n.asLong();
        }
        return Durations.wholeSeconds(n.asText(), field);
    }

    private static Integer seconds(JsonNode req, String field) {
        if (!req.has(field) || req.get(field).isNull()) {
            return null;
        }
        long s = wholeSeconds(req, field);
        if (s > 86_400) {
            throw new SimulationInputException("`" + field + "` must be at most a day");
        }
        return (int) s;
    }

    private static Double duration(JsonNode req, String field) {
        JsonNode n = req.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        return n.isNumber() ? n.asDouble() : Durations.seconds(n.asText(), field);
    }

    private static Quantity quantity(JsonNode req) {
        String q = string(req, "cpuPerRequest");
        if (q == null) {
            return null;
        }
        try {
            return Quantity.valueOf(q);
        } catch (IllegalArgumentException e) {
            throw new SimulationInputException("`cpuPerRequest` must be a CPU quantity such as 4m");
        }
    }

    private static PodModel.WorkKind work(JsonNode req) {
        String w = string(req, "work");
        if (w == null) {
            return null;
        }
        return switch (w) {
            case "requests" -> PodModel.WorkKind.REQUESTS;
            case "messages" -> PodModel.WorkKind.MESSAGES;
            default -> throw new SimulationInputException("`work` must be requests or messages");
        };
    }
}
