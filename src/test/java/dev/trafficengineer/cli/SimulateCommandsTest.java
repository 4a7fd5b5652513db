package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The simulate commands in process, as a user runs them: stdout, stderr and exit code. */
class SimulateCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      image: web:1
                      resources: {requests: {cpu: 250m, memory: 256Mi}}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 20
              metrics:
                - type: Resource
                  resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
            """;

    private static final String WORKER = """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: worker}
            spec:
              scaleTargetRef: {name: worker}
              minReplicaCount: 0
              maxReplicaCount: 30
              triggers:
                - type: kafka
                  metadata: {bootstrapServers: "kafka:9092", consumerGroup: g, topic: orders, lagThreshold: "500"}
            """;

    private static final String[] SHORT_SPIKE = {"--pattern", "spike", "--start", "20m", "--hold", "20m",
        "--duration", "90m"};

    private static String[] args(String... parts) {
        return parts;
    }

    private static String[] with(String[] head, String... tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    // --- decide and propose -------------------------------------------------------------------------------------

    @Test
    void decidePrintsTheDecision() {
        Cli.Result r = Cli.runWithInput(
                "{\"currentReplicas\": 3, \"desiredReplicas\": 10, \"minReplicas\": 1, \"maxReplicas\": 10}",
                "simulate", "decide");
        assertThat(r).isEqualTo(new Cli.Result(0, "{\"desiredReplicas\":6,\"reason\":\"ScaleUpLimit\"}"
                + System.lineSeparator(), ""));
    }

    @Test
    void decideReportsBadInputWithoutAStackTrace() {
        Cli.Result r = Cli.runWithInput("{\"desiredReplicas\": 10}", "simulate", "decide");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("simulate decide: missing field `currentReplicas`" + System.lineSeparator());
    }

    @Test
    void proposePrintsTheProposalOrTheMetricError() {
        Cli.Result ok = Cli.runWithInput("{\"currentReplicas\": 1, \"metric\": {\"type\": \"External\","
                + " \"target\": {\"type\": \"AverageValue\", \"averageValue\": \"5\"}}, \"metricValues\": [\"20\"]}",
                "simulate", "propose");
        assertThat(ok).isEqualTo(new Cli.Result(0, "{\"replicas\":4,\"usage\":\"20\"}" + System.lineSeparator(),
                ""));

        Cli.Result failed = Cli.runWithInput("{\"currentReplicas\": 1, \"metric\": {\"type\": "
                + "\"Resource\", \"resource\": \"cpu\", \"target\": {\"type\": \"Utilization\", "
                + "\"averageUtilization\": 50}}, \"pods\": [{\"phase\": \"Pending\", \"usage\": {\"app\": \"1\"}}]}",
                "simulate", "propose");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).startsWith("{\"error\":");

        Cli.Result bad = Cli.runWithInput("not json", "simulate", "propose");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("simulate propose: input is not valid JSON: ");
    }

    @Test
    void theSubcommandsReadTheStreamTheRootWasGiven() {
        // Main.run hands the stream to the root; nothing may read System.in behind its back
        String input = "{\"currentReplicas\": 4, \"desiredReplicas\": 4, \"minReplicas\": 1, \"maxReplicas\": 10}";
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = Main.run(new String[] {"simulate", "decide"},
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"desiredReplicas\":4");
    }

    // --- simulate FILES -----------------------------------------------------------------------------------------

    @Test
    void textShowsTheRunTheSummaryAndWhatWasAssumed(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Cli.Result r = Cli.run(with(args("simulate", f.toString()), SHORT_SPIKE));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("simulate: hpa/web\ntraffic: spike 100→1000/s at 00:20:00 for 24m, 1h 30m"
                + " in 15s steps\n");
        assertThat(r.out()).contains("\nsummary\n  pod-hours ", "\nscale events", "\nassumptions\n");
        assertThat(r.out()).contains("  - metric 0 (cpu resource utilization): the pods' cpu usage\n",
                "  - workload: Deployment/web (" + f + ":1)\n",
                "  - cpu: each pod requests 250m (Deployment/web) and uses 25m idle + 2.25m per req/s");
    }

    @Test
    void jsonHasTheRunShapeWithAssumptions(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Cli.Result r = Cli.run(with(args("simulate", "--format", "json", f.toString()), SHORT_SPIKE));
        assertThat(r.exit()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("label", "traffic", "stepSeconds", "pods", "summary",
                "assumptions", "timeline");
        assertThat(j.get("timeline")).hasSize(90 * 60 / 15);
        assertThat(j.at("/summary/peakReplicas").asInt()).isBetween(11, 20);
        assertThat(j.at("/pods/unit").asText()).isEqualTo("req");
    }

    @Test
    void svgIsAChartWithTitleAxesUnitsAndLegend(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Cli.Result r = Cli.run(with(args("simulate", "--format", "svg", f.toString()), SHORT_SPIKE));
        assertThat(r.exit()).isZero();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        NodeList texts = svg.getElementsByTagName("text");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            words.add(texts.item(i).getTextContent());
        }
        assertThat(words).contains("hpa/web — spike 100→1000/s at 00:20:00 for 24m", "time since start (hours)",
                "req/s", "replicas", "demand (req/s)", "replicas (right axis)");
    }

    @Test
    void compareAgainstAFixedCount(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Cli.Result r = Cli.run(with(args("simulate", f.toString(), "--compare", "3 replicas"), SHORT_SPIKE));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("compare: hpa/web  vs  3 replicas\n");
        assertThat(r.out()).containsPattern("pod-hours +[0-9.]+ +4\\.50 ");
        assertThat(r.out()).contains("\nassumptions (A)\n", "\nassumptions (B)\n");
    }

    @Test
    void compareBeforeAndAfterNamesTheFilesWhenTheAutoscalersShareAName(@TempDir Path dir) throws Exception {
        Path before = write(dir, "before.yaml", WEB);
        Path after = write(dir, "after.yaml", WEB.substring(WEB.indexOf("apiVersion: autoscaling/v2"))
                .replace("averageUtilization: 70", "averageUtilization: 50"));
        Cli.Result r = Cli.run(with(args("simulate", before.toString(), "--compare", after.toString(), "--format",
                "json"), SHORT_SPIKE));
        assertThat(r.err()).isEmpty();
        JsonNode runs = JSON.readTree(r.out()).get("runs");
        assertThat(runs.get(0).get("label").asText()).isEqualTo("hpa/web (before.yaml)");
        assertThat(runs.get(1).get("label").asText()).isEqualTo("hpa/web (after.yaml)");
        assertThat(runs.get(1).get("assumptions").toString())
                .as("the after file has no Deployment: the one beside the before file is used")
                .contains("workload: Deployment/web (" + before + ":1)");
        assertThat(runs.get(1).at("/summary/podHours").asDouble())
                .as("a lower utilization target runs more pods")
                .isGreaterThan(runs.get(0).at("/summary/podHours").asDouble());
    }

    @Test
    void measuredTrafficFromCsv(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Path csv = write(dir, "traffic.csv", "time,rps\n0,100\n10m,900\n40m,900\n50m,100\n1h,100\n");
        Cli.Result r = Cli.run("simulate", f.toString(), "--traffic", csv.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("traffic: 5 measured points, 1h in 15s steps\n");
    }

    @Test
    void aBadCsvRowIsNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Path csv = write(dir, "traffic.csv", "time,rps\n0,100\n10m,lots\n");
        Cli.Result r = Cli.run("simulate", f.toString(), "--traffic", csv.toString());
        assertThat(r).isEqualTo(new Cli.Result(2, "", "simulate: " + csv + ":3: rate \"lots\" is not a number\n"));
    }

    @Test
    void noAutoscalerInTheFiles(@TempDir Path dir) throws Exception {
        Path f = write(dir, "deploy.yaml", WEB.substring(0, WEB.indexOf("---")));
        Cli.Result r = Cli.run("simulate", f.toString());
        assertThat(r).isEqualTo(new Cli.Result(2, "", "simulate: the files hold no HorizontalPodAutoscaler or"
                + " ScaledObject to simulate; add the file that defines the autoscaler\n"));
    }

    @Test
    void twoAutoscalersNeedAName(@TempDir Path dir) throws Exception {
        Path web = write(dir, "web.yaml", WEB);
        Path worker = write(dir, "worker.yaml", WORKER);
        Cli.Result r = Cli.run("simulate", web.toString(), worker.toString());
        assertThat(r).isEqualTo(new Cli.Result(2, "", "simulate: the files hold 2 autoscalers, hpa/web (" + web
                + ":12) and scaledobject/worker (" + worker + ":1); choose one with --name (e.g. --name hpa/web)\n"));

        Cli.Result picked = Cli.run(with(args("simulate", web.toString(), worker.toString(), "--name", "worker"),
                SHORT_SPIKE));
        assertThat(picked.err()).isEmpty();
        assertThat(picked.out()).startsWith("simulate: scaledobject/worker\n");
        assertThat(picked.out()).as("a lag trigger makes the work a queue").contains("msg/s each, excess queued");
    }

    @Test
    void manifestsFromStandardInput() {
        Cli.Result r = Cli.runWithInput(WORKER, with(args("simulate", "-"), SHORT_SPIKE));
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("  - workload: Deployment/worker is not in the files\n");
    }

    @Test
    void sameInputSameBytesInEveryFormat(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        for (String format : List.of("text", "json", "svg")) {
            String[] a = with(args("simulate", f.toString(), "--format", format, "--compare", "4 replicas"),
                    SHORT_SPIKE);
            assertThat(Cli.run(a).out()).as(format).isEqualTo(Cli.run(a).out()).isNotEmpty();
        }
    }

    @Test
    void outputGoesToTheFileGiven(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        Path svg = dir.resolve("chart.svg");
        Cli.Result r = Cli.run(with(args("simulate", f.toString(), "--format", "svg", "-o", svg.toString()),
                SHORT_SPIKE));
        assertThat(r).isEqualTo(new Cli.Result(0, "", ""));
        assertThat(Files.readString(svg)).startsWith("<svg ").endsWith("</svg>\n");
    }

    @Test
    void unreadableManifestsStopTheRunWithTheirPositions(@TempDir Path dir) throws Exception {
        Path f = write(dir, "broken.yaml", "apiVersion: v1\nkind: [\n");
        Cli.Result r = Cli.run("simulate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("simulate: " + f + ":2:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBadFieldIsNamedByFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = write(dir, "hpa.yaml", WEB.replace("averageUtilization: 70", "averageUtilization: high"));
        Cli.Result r = Cli.run("simulate", f.toString());
        assertThat(r).isEqualTo(new Cli.Result(2, "", "simulate: " + f + ":21:77: `spec.metrics[0].resource.target"
                + ".averageUtilization` must be an integer, got the string \"high\"\n"));
    }

    @Test
    void flagsThatDoNotShapeThePatternAreRefused(@TempDir Path dir) throws Exception {
        Path f = write(dir, "web.yaml", WEB);
        assertThat(Cli.run("simulate", f.toString(), "--hold", "5m")).isEqualTo(new Cli.Result(2, "",
                "simulate: --hold does not shape the diurnal pattern, which reads --base, --peak, --peak-hour,"
                        + " --duration; drop it\n"));
        assertThat(Cli.run("simulate", f.toString(), "--pattern", "steady", "--duration", "soon").err())
                .isEqualTo("simulate: --duration must be a duration such as 90s, 15m, 1h30m or 2d; got \"soon\"\n");
        assertThat(Cli.run("simulate", f.toString(), "--compare", "three").err()).isEqualTo("simulate: --compare"
                + " takes a manifest file or a fixed count such as \"3 replicas\"; \"three\" is neither\n");
        assertThat(Cli.run("simulate").exit()).isEqualTo(2);
    }
}
