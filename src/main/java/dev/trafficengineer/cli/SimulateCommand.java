package dev.trafficengineer.cli;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.ReviewService;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code traffic-engineer simulate FILE...}: plays a traffic profile against the autoscaler in the manifests and
 * prints the timeline and summary; {@code simulate decide} and {@code simulate propose} answer single questions.
 * The engine is {@link ManifestScenario}; this class only reads files, parses flags and writes the report.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {SimulateDecideCommand.class, SimulateProposeCommand.class},
        synopsisSubcommandLabel = "[decide | propose]",
        description = {
            "Shows how an HPA or KEDA ScaledObject scales under a traffic profile.",
            "",
            "Plays the traffic against the HorizontalPodAutoscaler or KEDA ScaledObject in FILE..., making the "
                    + "decisions the HPA controller and KEDA make, and prints the timeline of demand, replicas, ready "
                    + "pods, metric values, unserved demand and queue, and a summary. simulate decide and simulate "
                    + "propose answer one controller question each from JSON on standard input.",
            "",
            "The autoscaler is the one HPA or ScaledObject in the files (--name picks one of several). The "
                    + "Deployment or StatefulSet it scales, when in the files, gives the CPU and memory requests that "
                    + "Resource metrics divide by (else 500m CPU and 512Mi memory per pod).",
            "",
            "What each metric measures: cpu/memory: the pods' usage, 10%% (memory: 50%%) of the request idle rising "
                    + "linearly to the full request at --capacity; KEDA kafka, rabbitmq, aws-sqs-queue, redis, "
                    + "azure-servicebus/-queue/-eventhub, gcp-pubsub, nats-jetstream: the backlog, waiting messages "
                    + "plus --in-flight seconds of arrivals (default 5s for kafka, 1s for rabbitmq, SQS and Pub/Sub, "
                    + "0 otherwise), and work beyond capacity queues; prometheus histogram_quantile(...): the "
                    + "latency, --base-latency / max(0.05, 1 - utilization) (milliseconds for _ms/_milliseconds "
                    + "metrics); prometheus rate(...): the arrival rate; increase(...[W]): the arrivals of W; "
                    + "cron: desiredReplicas from start to end every day, read on the simulation clock (second 0 is "
                    + "midnight; the minute and hour fields must be numbers; day fields are ignored); HPA "
                    + "Pods/Object/External metrics: the arrival rate (Pods: per ready pod), or latency or backlog "
                    + "when the metric name says so (latency, duration; lag, queue, backlog, pending). The report's "
                    + "assumptions list what was inferred.",
            "",
            "Summary: pod-hours (cost), peak/lowest/average replicas, time under capacity (some demand dropped or "
                    + "queued), unserved units, scale events, flaps (a scale event reversing the previous one within "
                    + "10 minutes), max queue and lag, cold starts (scale-ups from zero), pods started.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the simulation was printed (or written to -o)",
            "2:the command could not run: bad flags, unreadable manifests or traffic, no or several autoscalers",
            "3:internal error (a bug: please report it)"})
final class SimulateCommand implements Callable<Integer> {

    enum Format { text, json, svg }

    enum Pattern { steady, diurnal, spike, ramp }

    enum Work { requests, messages }

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Manifest files or directories (*.yaml, *.yml, *.json, recursively); - reads standard input.")
    List<String> files = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME",
            description = "The autoscaler to simulate when the files hold several: name or kind/name (hpa/web, "
                    + "scaledobject/worker).")
    String name;

    @Option(names = "--traffic", paramLabel = "FILE",
            description = "Measured traffic: CSV rows time,rate (time in seconds, 15m/2h, or HH:MM; rate in units/s; "
                    + "an optional header; # comments). Rates between rows are interpolated; - reads standard input.")
    String traffic;

    @Option(names = "--pattern", paramLabel = "SHAPE",
            description = "Generated traffic: steady (--base), diurnal (--base at night, --peak at --peak-hour), "
                    + "spike (--base, rising to --peak at --start over --ramp, held --hold, falling over --ramp) or "
                    + "ramp (--base to --peak over --duration). Default: diurnal, when --traffic is not given.")
    Pattern pattern;

    @Option(names = "--base", paramLabel = "RATE", description = "Units/s; default 100.")
    Double base;

    @Option(names = "--peak", paramLabel = "RATE", description = "Units/s; default 1000.")
    Double peak;

    @Option(names = "--peak-hour", paramLabel = "HOUR", description = "Diurnal: hour of the peak, 14 or 14:30; "
            + "default 14.")
    String peakHour;

    @Option(names = "--start", paramLabel = "TIME", description = "Spike: when it starts (1h, 90m, or HH:MM from "
            + "the start); default 1h.")
    String start;

    @Option(names = "--ramp", paramLabel = "DURATION", description = "Spike: rise and fall time; default 2m.")
    String ramp;

    @Option(names = "--hold", paramLabel = "DURATION", description = "Spike: time at the peak; default 30m.")
    String hold;

    @Option(names = "--duration", paramLabel = "DURATION", description = "How long to simulate (at most 14d); "
            + "default 1d for diurnal, 3h for the other patterns, up to the last row for --traffic.")
    String duration;

    @Option(names = "--capacity", paramLabel = "RATE", description = "Units/s one ready pod serves; default 100. "
            + "Measure it: the simulation is only as good as this number.")
    Double capacity;

    @Option(names = "--cpu-per-request", paramLabel = "CPU", description = "CPU per unit/s on top of the idle 10%% "
            + "of the request, e.g. 4m; default: derived so that a pod at --capacity uses its whole CPU request.")
    String cpuPerRequest;

    @Option(names = "--startup", paramLabel = "DURATION", description = "From pod creation to Running (scheduling, "
            + "image pull, start); default 30s.")
    String startup;

    @Option(names = "--readiness", paramLabel = "DURATION", description = "From Running to Ready; default 10s.")
    String readiness;

    @Option(names = "--metrics-delay", paramLabel = "DURATION", description = "Age of the newest metric sample when "
            + "a controller reads it; default 30s.")
    String metricsDelay;

    @Option(names = "--base-latency", paramLabel = "DURATION", description = "Latency of an idle pod, for latency "
            + "metrics; default 100ms.")
    String baseLatency;

    @Option(names = "--in-flight", paramLabel = "DURATION", description = "For queue and lag metrics: seconds of "
            + "arrivals counted while in flight (fetched, not yet committed or acknowledged); default per scaler.")
    String inFlight;

    @Option(names = "--work", paramLabel = "KIND", description = "requests (dropped beyond capacity) or messages "
            + "(queued); default: messages when a metric reads a queue or lag.")
    Work work;

    @Option(names = "--initial-replicas", paramLabel = "N", description = "Replicas at the start, all warm; default: "
            + "the autoscaler's minimum.")
    Integer initialReplicas;

    @Option(names = "--compare", paramLabel = "FILE|\"N replicas\"",
            description = "Also simulate another config over the same traffic and show both: a manifest file (before "
                    + "and after a refinement) or a fixed count such as \"3 replicas\".")
    String compare;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (sparklines, summary, table, scale "
            + "events), json or svg (a standalone chart); default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of "
            + "standard output.")
    Path output;

    /** Standard input as the root command holds it. */
    InputStream stdin() {
        return root.stdin;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (files.isEmpty()) {
                throw new UsageException("give the manifests of an autoscaler (FILE..., or - for standard "
                        + "input), or a subcommand: decide, propose; see simulate --help");
            }
            if ("-".equals(traffic) && files.contains("-")) {
                throw new UsageException("standard input can hold the manifests or the traffic, not both; put one"
                        + " of them in a file");
            }
            ManifestLoader loader = new ManifestLoader("default");
            List<KubeObject> objects = load(loader, files, err);
            if (objects == null) {
                return ExitCode.USAGE;
            }
            TrafficProfile profile = traffic();
            ScenarioOptions options = options();
            Scenario main = ManifestScenario.build(objects, options);
            Scenario other = null;
            if (compare != null) {
                other = compareScenario(loader, objects, main, options, err);
                if (other == null) {
                    return ExitCode.USAGE;
                }
                if (other.autoscaler().label().equals(main.autoscaler().label())) {
                    // same name on both sides: tell them apart by file, as short as stays distinct
                    String before = shortNames(files);
                    String after = shortNames(List.of(compare));
                    if (before.equals(after)) {
                        before = String.join(", ", files);
                        after = compare;
                    }
                    main = main.labelled(main.autoscaler().label() + " (" + before + ")");
                    other = other.labelled(other.autoscaler().label() + " (" + after + ")");
                }
            }
            String report = render(main, other, profile);
            if (output != null) {
                try {
                    Files.writeString(output, report, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UsageException("cannot write " + output + " (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + "); check the path");
                }
            } else {
                spec.commandLine().getOut().print(report);
                spec.commandLine().getOut().flush();
            }
            return ExitCode.OK;
        } catch (SimulationInputException | UsageException e) {
            err.println("simulate: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
    }

    private static String shortNames(List<String> paths) {
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            Path file = p.equals("-") ? null : Path.of(p).getFileName();
            names.add(file == null ? (p.equals("-") ? ReviewService.STDIN : p) : file.toString());
        }
        return String.join(", ", names);
    }

    private String render(Scenario main, Scenario other, TrafficProfile profile) {
        SimulationRun a = main.run(profile);
        if (other == null) {
            return switch (format) {
                case text -> TextReport.render(a, main.assumptions());
                case json -> JsonReport.render(a, main.assumptions());
                case svg -> SvgChart.render(a);
            };
        }
        SimulationRun b = other.run(profile);
        return switch (format) {
            case text -> TextReport.compare(a, main.assumptions(), b, other.assumptions());
            case json -> JsonReport.compare(a, main.assumptions(), b, other.assumptions());
            case svg -> SvgChart.compare(a, b);
        };
    }

    /**
     * The objects of the given paths, or null after printing each load error as {@code file:line:column: message}:
     * the simulator reads only manifests that parse.
     */
    private List<KubeObject> load(ManifestLoader loader, List<String> paths, PrintWriter err) {
        List<LoadedFile> loaded;
        try {
            loaded = ReviewService.load(loader, paths, root.stdin);
        } catch (ReviewService.NoInputException e) {
            throw new UsageException(e.getMessage());
        }
        List<KubeObject> objects = new ArrayList<>();
        boolean failed = false;
        for (LoadedFile f : loaded) {
            for (Finding p : f.problems()) {
                if (p.severity() == Severity.ERROR) {
                    err.println("simulate: " + p.file() + ":" + p.range().line() + ":" + p.range().column() + ": "
                            + p.message());
                    failed = true;
                }
            }
            objects.addAll(f.objects());
        }
        err.flush();
        return failed ? null : objects;
    }

    private Scenario compareScenario(ManifestLoader loader, List<KubeObject> mainObjects, Scenario main,
            ScenarioOptions options, PrintWriter err) {
        OptionalInt fixed = ManifestScenario.fixedReplicas(compare);
        if (fixed.isPresent()) {
            return main.fixed(fixed.getAsInt());
        }
        if (!compare.equals("-") && !Files.exists(Path.of(compare))) {
            throw new UsageException("--compare takes a manifest file or a fixed count such as \"3 replicas\"; \""
                    + compare + "\" is neither");
        }
        if (compare.equals("-") && (files.contains("-") || "-".equals(traffic))) {
            throw new UsageException("standard input can feed only one of FILE, --traffic and --compare; put the"
                    + " others in files");
        }
        List<KubeObject> objects = load(loader, List.of(compare), err);
        if (objects == null) {
            return null;
        }
        try {
            return ManifestScenario.counterpart(objects, mainObjects, main, options);
        } catch (SimulationInputException e) {
            throw new SimulationInputException("--compare " + compare + ": " + e.getMessage());
        }
    }

    private TrafficProfile traffic() {
        Long durationSeconds = duration == null ? null : Durations.wholeSeconds(duration, "--duration");
        if (traffic != null) {
            if (pattern != null) {
                throw new UsageException("--traffic and --pattern both describe the traffic; give one of them");
            }
            for (Map.Entry<String, Object> e : patternFlags().entrySet()) {
                if (e.getValue() != null && !e.getKey().equals("--duration")) {
                    throw new UsageException(e.getKey() + " shapes a generated --pattern, not measured --traffic;"
                            + " drop it");
                }
            }
            String text;
            try {
                text = traffic.equals("-") ? new String(root.stdin.readAllBytes(), StandardCharsets.UTF_8)
                        : Files.readString(Path.of(traffic), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UsageException("cannot read the traffic file " + traffic + " ("
                        + e.getClass().getSimpleName() + "); check the path");
            }
            TrafficProfile.Points points = TrafficCsv.parse(traffic.equals("-") ? "<stdin>" : traffic, text);
            if (durationSeconds != null) {
                points = new TrafficProfile.Points(points.points(), durationSeconds);
            }
            TrafficPattern.checkDuration(points.durationSeconds());
            return points;
        }
        TrafficPattern.Kind kind = TrafficPattern.Kind.valueOf((pattern == null ? Pattern.diurnal : pattern).name()
                .toUpperCase(java.util.Locale.ROOT));
        for (Map.Entry<String, Object> e : patternFlags().entrySet()) {
            if (e.getValue() != null && !kind.parameters().contains(e.getKey().substring(2))) {
                throw new UsageException(e.getKey() + " does not shape the " + kind.apiName() + " pattern, which "
                        + "reads --" + String.join(", --", kind.parameters()) + "; drop it");
            }
        }
        return new TrafficPattern(kind, base, peak,
                peakHour == null ? null : Durations.hourOfDay(peakHour, "--peak-hour"),
                start == null ? null : Durations.wholeSeconds(start, "--start"),
                ramp == null ? null : Durations.wholeSeconds(ramp, "--ramp"),
                hold == null ? null : Durations.wholeSeconds(hold, "--hold"), durationSeconds).profile();
    }

    private Map<String, Object> patternFlags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("--base", base);
        flags.put("--peak", peak);
        flags.put("--peak-hour", peakHour);
        flags.put("--start", start);
        flags.put("--ramp", ramp);
        flags.put("--hold", hold);
        flags.put("--duration", duration);
        return flags;
    }

    private ScenarioOptions options() {
        Quantity cpu = null;
        if (cpuPerRequest != null) {
            try {
                cpu = Quantity.valueOf(cpuPerRequest);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--cpu-per-request must be a CPU quantity such as 4m or 0.004; "
                        + e.getMessage());
            }
        }
        return new ScenarioOptions(name, capacity, cpu, seconds(startup, "--startup"),
                seconds(readiness, "--readiness"), seconds(metricsDelay, "--metrics-delay"),
                baseLatency == null ? null : Durations.seconds(baseLatency, "--base-latency"),
                inFlight == null ? null : Durations.seconds(inFlight, "--in-flight"),
                work == null ? null : work == Work.messages ? PodModel.WorkKind.MESSAGES : PodModel.WorkKind.REQUESTS,
                initialReplicas);
    }

    private static Integer seconds(String text, String flag) {
        if (text == null) {
            return null;
        }
        long s = Durations.wholeSeconds(text, flag);
        if (s > 86_400) {
            throw new UsageException(flag + " must be at most a day, got " + text);
        }
        return (int) s;
    }
}
