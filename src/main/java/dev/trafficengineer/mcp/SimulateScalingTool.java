package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.simulate.Durations;
import dev.trafficengineer.simulate.JsonReport;
import dev.trafficengineer.simulate.ManifestScenario;
import dev.trafficengineer.simulate.PodModel;
import dev.trafficengineer.simulate.Scenario;
import dev.trafficengineer.simulate.ScenarioOptions;
import dev.trafficengineer.simulate.SimulationInputException;
import dev.trafficengineer.simulate.SimulationRun;
import dev.trafficengineer.simulate.TextReport;
import dev.trafficengineer.simulate.TrafficCsv;
import dev.trafficengineer.simulate.TrafficPattern;
import dev.trafficengineer.simulate.TrafficProfile;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code simulate_scaling}: plays a traffic profile against the HPA or ScaledObject in the manifests, as
 * {@code simulate} does, and answers with the text report (sparklines, summary, table, scale events) and the run as
 * JSON with the timeline sampled down (a day at 15 s steps is 5760 rows, too many to hand an assistant).
 */
final class SimulateScalingTool implements McpTool {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String MANIFESTS = "manifests.yaml";
    static final String COMPARED = "compare.yaml";

    private final Engine engine;

    SimulateScalingTool(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "simulate_scaling";
    }

    @Override
    public String title() {
        return "Simulate how an autoscaler scales";
    }

    @Override
    public String description() {
        return "Play a traffic profile against the HorizontalPodAutoscaler or KEDA ScaledObject in `yaml`, making "
                + "the decisions the HPA controller and KEDA make (tolerance, stabilization windows, scaling "
                + "policies, pod startup and readiness, metric delay, activation and scale to zero), and report "
                + "replicas over time, pod-hours (cost), demand left unserved, scale events and flaps. Traffic is a "
                + "generated pattern (steady, diurnal, spike, ramp) or measured points. Set `capacityPerPod` from a "
                + "load test: the result is only as good as that number. Compare with a fixed replica count "
                + "(`compareReplicas`) or another version of the autoscaler (`compareYaml`). Show the user the "
                + "text report before proposing a config.";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolSchemas.input(name());
    }

    @Override
    public ObjectNode outputSchema() {
        return ToolSchemas.output(name());
    }

    @Override
    public ToolOutput call(Args args, CallContext context) {
        try {
            return simulate(args, context);
        } catch (SimulationInputException e) {
            // the engine words its messages for the CLI's flags; name this tool's arguments instead
            throw new ToolException(e.getMessage().replace("--name", "`autoscaler`"));
        }
    }

    private ToolOutput simulate(Args args, CallContext context) {
        if (args.has("compareReplicas") && args.has("compareYaml")) {
            throw new ToolException("compare with `compareReplicas` or `compareYaml`, not both");
        }
        List<KubeObject> objects = load(MANIFESTS, args.requiredText("yaml"), context);
        ScenarioOptions options = options(args);
        TrafficProfile traffic = traffic(args.object("traffic"));
        Scenario main = ManifestScenario.build(objects, options);
        Scenario other = null;
        if (args.has("compareReplicas")) {
            other = main.fixed(args.integer("compareReplicas"));
        } else if (args.has("compareYaml")) {
            other = ManifestScenario.counterpart(load(COMPARED, args.text("compareYaml"), context), objects, main,
                    options);
            if (other.autoscaler().label().equals(main.autoscaler().label())) {
                main = main.labelled(main.autoscaler().label() + " (yaml)");
                other = other.labelled(other.autoscaler().label() + " (compareYaml)");
            }
        }
        SimulationRun run = main.run(traffic);
        ObjectNode out = JSON.createObjectNode();
        out.set("run", RunSummary.of(parse(JsonReport.render(run, main.assumptions()))));
        if (other == null) {
            return new ToolOutput(TextReport.render(run, main.assumptions()), out);
        }
        SimulationRun compared = other.run(traffic);
        out.set("comparison", RunSummary.of(parse(JsonReport.render(compared, other.assumptions()))));
        return new ToolOutput(TextReport.compare(run, main.assumptions(), compared, other.assumptions()), out);
    }

    /** The objects of YAML text; the simulator reads only manifests that parse, so load errors end the call. */
    private List<KubeObject> load(String name, String yaml, CallContext context) {
        LoadedFile file = engine.loader().load(new SourceText(name, yaml), false);
        context.read(List.of(file));
        List<String> errors = new ArrayList<>();
        for (Finding p : file.problems()) {
            if (p.severity() == Severity.ERROR) {
                errors.add(p.file() + ":" + p.range().line() + ":" + p.range().column() + ": " + p.message());
            }
        }
        if (!errors.isEmpty()) {
            throw new ToolException("the manifests cannot be simulated:\n  " + String.join("\n  ", errors));
        }
        return file.objects();
    }

    private static ScenarioOptions options(Args args) {
        Quantity cpu = null;
        String cpuText = args.text("cpuPerRequest");
        if (cpuText != null) {
            try {
                cpu = Quantity.valueOf(cpuText);
            } catch (IllegalArgumentException e) {
                throw new ToolException("`cpuPerRequest` must be a CPU quantity such as 4m or 0.004; "
                        + e.getMessage());
            }
        }
        String work = args.text("work");
        return new ScenarioOptions(args.text("autoscaler"), args.number("capacityPerPod"), cpu,
                withinADay(args, "startup"), withinADay(args, "readiness"), withinADay(args, "metricsDelay"),
                args.fractionalSeconds("baseLatency"), args.fractionalSeconds("inFlight"),
                work == null ? null : work.equals("messages") ? PodModel.WorkKind.MESSAGES
                        : PodModel.WorkKind.REQUESTS,
                args.integer("initialReplicas"));
    }

    private static Integer withinADay(Args args, String name) {
        Long s = args.seconds(name);
        if (s == null) {
            return null;
        }
        if (s < 0 || s > 86_400) {
            throw new ToolException("`" + name + "` must be from 0 seconds to a day, got " + s + "s");
        }
        return s.intValue();
    }

    /** The traffic: measured ({@code csv} or {@code points}) or a generated pattern, diurnal by default. */
    static TrafficProfile traffic(Args t) {
        if (t == null) {
            return new TrafficPattern(TrafficPattern.Kind.DIURNAL, null, null, null, null, null, null, null)
                    .profile();
        }
        Long duration = t.seconds("duration");
        boolean measured = t.has("csv") || t.has("points");
        if (measured) {
            if (t.has("csv") && t.has("points")) {
                throw new ToolException("give the measured traffic as `traffic.csv` or `traffic.points`, not both");
            }
            for (String p : List.of("pattern", "base", "peak", "peakHour", "start", "ramp", "hold")) {
                if (t.has(p)) {
                    throw new ToolException("`traffic." + p + "` shapes a generated pattern, not measured traffic;"
                            + " drop it");
                }
            }
            TrafficProfile.Points points = TrafficCsv.parse("traffic", t.has("csv") ? t.text("csv")
                    : csv(t.raw("points")));
            if (duration != null) {
                points = new TrafficProfile.Points(points.points(), duration);
            }
            TrafficPattern.checkDuration(points.durationSeconds());
            return points;
        }
        String pattern = t.text("pattern");
        TrafficPattern.Kind kind = TrafficPattern.Kind.DIURNAL;
        if (pattern != null) {
            try {
                kind = TrafficPattern.Kind.valueOf(pattern.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ToolException("`traffic.pattern` is steady, diurnal, spike or ramp; got `" + pattern + "`");
            }
        }
        return new TrafficPattern(kind, t.number("base"), t.number("peak"), peakHour(t), t.seconds("start"),
                t.seconds("ramp"), t.seconds("hold"), duration).profile();
    }

    private static Double peakHour(Args t) {
        JsonNode v = t.raw("peakHour");
        if (v == null) {
            return null;
        }
        return v.isNumber() ? Double.valueOf(v.doubleValue()) : Durations.hourOfDay(v.asText(), "`traffic.peakHour`");
    }

    /** Points as the CSV rows the measured-traffic reader takes, so both forms get the same checks and messages. */
    private static String csv(JsonNode points) {
        StringBuilder out = new StringBuilder();
        for (JsonNode p : points) {
            JsonNode time = p.path("time");
            JsonNode rate = p.path("rate");
            if (!(time.isNumber() || time.isTextual()) || !rate.isNumber()) {
                throw new ToolException("each of `traffic.points` needs a `time` (seconds, 15m or HH:MM) and a"
                        + " numeric `rate`");
            }
            out.append(time.asText().replace(",", "")).append(',').append(rate.asText()).append('\n');
        }
        return out.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the simulation report is JSON by construction", e);
        }
    }
}
