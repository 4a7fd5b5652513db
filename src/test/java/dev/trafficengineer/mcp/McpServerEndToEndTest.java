package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real session with {@code traffic-engineer mcp}, spawned as a process in a scratch workspace: every tool, the
 * resources, bad calls, paths that lead out of the workspace, and malformed lines, all over JSON-RPC on stdin and
 * stdout. At the end stdin is closed and the server must exit 0, having written nothing but JSON-RPC to stdout.
 *
 * <p>The workspace: {@code ws/} (the server's working directory) holds {@code deploy/web.yaml} and
 * {@code deploy/leak.yaml}, a symlink to {@code outside/secret.yaml}, and {@code workloads/web.yaml} (the Deployment
 * alone); {@code ws/linked} links to {@code outside/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpServerEndToEndTest {

    private static final String WEB = read(Golden.root().resolve("examples/web.yaml"));

    @TempDir
    static Path tmp;

    private Path workspace;
    private McpClient client;
    private JsonNode initialized;

    @BeforeAll
    void start() throws IOException {
        workspace = Files.createDirectories(tmp.resolve("ws"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), WEB);
        Files.createDirectories(workspace.resolve("deploy"));
        Files.writeString(workspace.resolve("deploy/web.yaml"), WEB);
        Files.createSymbolicLink(workspace.resolve("deploy/leak.yaml"), outside.resolve("secret.yaml"));
        Files.createSymbolicLink(workspace.resolve("linked"), outside);
        Files.createDirectories(workspace.resolve("workloads"));
        Files.writeString(workspace.resolve("workloads/web.yaml"), WEB.substring(0, WEB.indexOf("---")));
        client = McpClient.start(workspace, null);
        initialized = client.initialize(false);
    }

    @AfterAll
    void stop() throws IOException {
        try {
            assertThat(client.closeAndWait()).as("exit code after stdin closed; stderr:\n%s", client.stderr())
                    .isZero();
            for (String line : client.stdoutLines()) {
                assertThat(McpClient.JSON.readTree(line).path("jsonrpc").asText())
                        .as("every stdout line is a JSON-RPC message: %s", line).isEqualTo("2.0");
            }
        } finally {
            client.close();
        }
    }

    @Test
    void initializeNamesTheServerAndTellsTheAssistantHowToWork() {
        assertThat(initialized.at("/serverInfo/name").asText()).isEqualTo("traffic-engineer");
        assertThat(initialized.at("/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(initialized.at("/capabilities").has("tools")).isTrue();
        assertThat(initialized.at("/capabilities").has("resources")).isTrue();
        assertThat(initialized.path("instructions").asText())
                .contains("draft_autoscaling", "review_manifests", "refine_autoscaling", "simulate_scaling",
                        "check_promql", "explain_rule", "one question at a time", "[redacted]");
    }

    @Test
    void everyToolIsListedReadOnlyWithInputAndOutputSchemas() {
        JsonNode tools = McpClient.result(client.request("tools/list", McpClient.JSON.createObjectNode()))
                .get("tools");
        List<String> names = new ArrayList<>();
        for (JsonNode t : tools) {
            names.add(t.get("name").asText());
            assertThat(t.path("description").asText()).hasSizeGreaterThan(100);
            assertThat(t.at("/inputSchema/type").asText()).isEqualTo("object");
            assertThat(t.at("/outputSchema/type").asText()).isEqualTo("object");
            assertThat(t.at("/annotations/readOnlyHint").asBoolean()).isTrue();
            assertThat(t.at("/annotations/destructiveHint").asBoolean(true)).isFalse();
        }
        assertThat(names).containsExactlyInAnyOrder("review_manifests", "draft_autoscaling", "refine_autoscaling",
                "simulate_scaling", "check_promql", "explain_rule");
        JsonNode draft = find(tools, "draft_autoscaling");
        assertThat(draft.at("/inputSchema/properties/requirements/properties/traffic/properties/peak/type")
                .asText()).as("the requirements schema is part of the draft tool's input schema").isEqualTo("number");
    }

    @Test
    void reviewsYamlTextAsTheReviewCommandDoes() {
        JsonNode r = call("review_manifests", args().put("yaml", WEB.replace("minReplicas: 3", "minReplicas: 30")));
        assertThat(r.path("isError").asBoolean()).isFalse();
        JsonNode findings = r.at("/structuredContent/findings");
        assertThat(ruleIds(findings)).contains("hpa/invalid");
        JsonNode first = findings.get(0);
        assertThat(first.get("file").asText()).isEqualTo("manifests.yaml");
        assertThat(first.get("line").asInt()).isPositive();
        assertThat(r.at("/structuredContent/summary/error").asInt()).isPositive();
        assertThat(r.at("/content/0/text").asText()).contains("manifests.yaml:", "error hpa/invalid");
        assertThat(json(r.at("/content/1/text").asText())).as("the JSON text is the structured result")
                .isEqualTo(r.get("structuredContent"));
    }

    @Test
    void reviewsWorkspaceFilesAndLeavesOutSymlinksThatLeadOutside() {
        JsonNode r = call("review_manifests", args().set("paths", array("deploy")));
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.at("/structuredContent/summary/files").asInt()).isEqualTo(1);
        assertThat(r.at("/structuredContent/skipped/0").asText()).startsWith("deploy/leak.yaml");
        assertThat(r.at("/content/0/text").asText()).contains("Not read (outside the workspace): deploy/leak.yaml");
    }

    @Test
    void refusesPathsOutsideTheWorkspace() {
        for (String path : List.of("/etc/passwd", "../outside/secret.yaml", "deploy/leak.yaml", "linked",
                "linked/secret.yaml", tmp.resolve("outside/secret.yaml").toString())) {
            JsonNode r = call("review_manifests", args().set("paths", array(path)));
            assertThat(r.path("isError").asBoolean()).as(path).isTrue();
            assertThat(r.at("/content/0/text").asText()).as(path).contains("outside the workspace")
                    .doesNotContain("HorizontalPodAutoscaler");
            assertThat(r.has("structuredContent")).isFalse();
        }
    }

    @Test
    void aMissingFileInTheWorkspaceIsABadCall() {
        JsonNode r = call("review_manifests", args().set("paths", array("deploy/nope.yaml")));
        assertThat(r.path("isError").asBoolean()).isTrue();
        assertThat(r.at("/content/0/text").asText()).contains("no such file or directory in the workspace");
    }

    @Test
    void reviewNeedsExactlyOneOfYamlAndPaths() {
        JsonNode neither = call("review_manifests", args());
        assertThat(neither.path("isError").asBoolean()).isTrue();
        assertThat(neither.at("/content/0/text").asText()).contains("not neither");
        JsonNode both = call("review_manifests", args().put("yaml", WEB).set("paths", array("deploy")));
        assertThat(both.at("/content/0/text").asText()).contains("not both");
    }

    @Test
    void argumentsOfTheWrongTypeAreRejectedByTheInputSchema() {
        JsonNode r = call("review_manifests", args().put("yaml", 5));
        assertThat(r.path("isError").asBoolean()).isTrue();
        assertThat(r.at("/content/0/text").asText()).contains("/yaml");
    }

    @Test
    void secretValuesNeverReachTheResult() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                stringData:
                  password: s3cr3t-Pa55word
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker}
                spec:
                  selector: {matchLabels: {app: w}}
                  template:
                    metadata: {labels: {app: w}}
                    spec:
                      containers:
                        - name: w
                          image: w
                          env:
                            - name: DB_PASSWORD
                              value: 12345678
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker}
                spec:
                  scaleTargetRef: {name: worker}
                  triggers:
                    - type: rabbitmq
                      metadata:
                        host: amqp://guest:hunter2hunter2@rabbit:5672/
                        password: 98765432
                        queueName: jobs
                        mode: QueueLength
                        value: "20"
                """;
        JsonNode r = call("review_manifests", args().put("yaml", yaml));
        assertThat(r.path("isError").asBoolean()).isFalse();
        // without redaction: the text report quotes the lines of the env value and of the URL, and the finding
        // on the numeric password says to quote it, with its value, in its message and its fix
        assertThat(ruleIds(r.at("/structuredContent/findings"))).contains("schema/invalid",
                "keda/admission-metadata-not-string", "keda/credentials-in-metadata");
        assertThat(r.toString()).doesNotContain("12345678").doesNotContain("s3cr3t-Pa55word")
                .doesNotContain("hunter2hunter2").doesNotContain("98765432").contains("[redacted]");
    }

    @Test
    void draftsFromRequirementsWithReviewAndSimulation() {
        ObjectNode a = args();
        ObjectNode req = a.putObject("requirements");
        req.putObject("workload").put("name", "web").put("namespace", "shop").put("type", "http");
        req.putObject("traffic").put("baseline", 50).put("peak", 800).put("pattern", "diurnal");
        req.putObject("capacity").put("perPod", 80).put("startupSeconds", 40);
        req.putObject("source").put("type", "cpu");
        a.put("workloadPath", "workloads/web.yaml");
        JsonNode r = call("draft_autoscaling", a);
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        JsonNode s = r.get("structuredContent");
        assertThat(s.get("yaml").asText()).contains("kind: HorizontalPodAutoscaler", "name: web");
        assertThat(s.at("/review/summary/error").asInt()).isZero();
        assertThat(s.get("assumptions")).isNotEmpty();
        assertThat(s.at("/simulation/run/peakReplicas").asInt()).isPositive();
        assertThat(r.at("/content/0/text").asText()).contains("Review:", "Simulation of");
    }

    @Test
    void aDescriptionIsReadOfflineAndWhatIsNotUnderstoodIsReported() {
        JsonNode r = call("draft_autoscaling", args().put("description",
                "peak 800 rps, one pod handles 80 rps. The moon is made of cheese."));
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        JsonNode s = r.get("structuredContent");
        assertThat(s.at("/requirements/traffic/peak").asDouble()).isEqualTo(800);
        assertThat(s.at("/requirements/capacity/perPod").asDouble()).isEqualTo(80);
        assertThat(s.get("understood").toString())
                .contains("\"said\":\"peak 800 rps\"", "\"said\":\"80 rps per pod\"");
        assertThat(s.get("notUnderstood").toString()).contains("moon");
        assertThat(r.at("/content/0/text").asText()).startsWith("# Read from the description (without a model):")
                .contains("Not understood (ask the user)");
    }

    @Test
    void aDescriptionWithNothingReadableAsksForRequirements() {
        JsonNode r = call("draft_autoscaling", args().put("description", "make it good please"));
        assertThat(r.path("isError").asBoolean()).isTrue();
        assertThat(r.at("/content/0/text").asText()).contains("nothing in the description could be read",
                "`requirements`", "peak 800 rps");
    }

    @Test
    void refinesFromFeedbackAndSaysWhatItCouldNotDo() throws IOException {
        JsonNode r = call("refine_autoscaling", args().put("path", "deploy/web.yaml")
                .put("feedback", "scale-down is too aggressive, max 30 replicas, and make it purple"));
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        JsonNode s = r.get("structuredContent");
        assertThat(s.get("changed").asBoolean()).isTrue();
        assertThat(s.get("yaml").asText()).contains("maxReplicas: 30", "# A stateless HTTP API");
        assertThat(s.get("diff").asText()).contains("-  maxReplicas: 20", "+  maxReplicas: 30");
        assertThat(s.get("changes").size()).isGreaterThanOrEqualTo(2);
        assertThat(s.at("/changes/0/object").asText()).contains("web");
        assertThat(s.get("notDone").toString()).contains("purple", "did not understand");
        assertThat(s.has("llm")).as("no model is configured").isFalse();
        assertThat(r.at("/content/0/text").asText()).startsWith("Changed:").contains("+  maxReplicas: 30");
        assertThat(s.at("/review/summary/error").asInt()).isZero();
        assertThat(Files.readString(workspace.resolve("deploy/web.yaml"))).as("nothing is written").isEqualTo(WEB);
    }

    @Test
    void refiningWhatCannotBeReadIsABadCall() {
        JsonNode broken = call("refine_autoscaling", args().put("yaml", "spec: [").put("feedback", "max 3 replicas"));
        assertThat(broken.path("isError").asBoolean()).isTrue();
        assertThat(broken.at("/content/0/text").asText()).contains("cannot be read");
        JsonNode outside = call("refine_autoscaling", args().put("path", "../outside/secret.yaml")
                .put("feedback", "max 3 replicas"));
        assertThat(outside.at("/content/0/text").asText()).contains("outside the workspace");
    }

    @Test
    void requirementsOutsideTheirSchemaAreABadCall() {
        ObjectNode a = args();
        a.putObject("requirements").putObject("traffic").put("peak", -1);
        JsonNode r = call("draft_autoscaling", a);
        assertThat(r.path("isError").asBoolean()).isTrue();
        assertThat(r.at("/content/0/text").asText()).contains("peak");
    }

    @Test
    void simulatesASpikeAndComparesWithFixedReplicas() {
        ObjectNode a = args().put("yaml", WEB).put("capacityPerPod", 100).put("compareReplicas", 10);
        a.putObject("traffic").put("pattern", "spike").put("base", 100).put("peak", 1000).put("start", "30m")
                .put("duration", "2h");
        JsonNode r = call("simulate_scaling", a);
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        JsonNode run = r.at("/structuredContent/run");
        assertThat(run.get("label").asText()).isEqualTo("hpa/web");
        assertThat(run.at("/summary/peakReplicas").asInt()).isGreaterThan(run.at("/summary/minReplicas").asInt());
        assertThat(run.get("events")).isNotEmpty();
        assertThat(run.get("timeline").size()).isLessThanOrEqualTo(RunSummary.MAX_ROWS);
        assertThat(r.at("/structuredContent/comparison/summary/peakReplicas").asInt()).isEqualTo(10);
        assertThat(r.at("/content/0/text").asText()).contains("compare: hpa/web");
    }

    @Test
    void simulatesMeasuredPoints() {
        ObjectNode a = args().put("yaml", WEB);
        var points = a.putObject("traffic").putArray("points");
        points.addObject().put("time", 0).put("rate", 100);
        points.addObject().put("time", "30m").put("rate", 900);
        points.addObject().put("time", "1h").put("rate", 100);
        JsonNode r = call("simulate_scaling", a);
        assertThat(r.path("isError").asBoolean()).as(r.toString()).isFalse();
        assertThat(r.at("/structuredContent/run/summary/durationSeconds").asInt()).isEqualTo(3600);
    }

    @Test
    void simulatingYamlThatDoesNotParseIsABadCall() {
        JsonNode r = call("simulate_scaling", args().put("yaml", "kind: [HorizontalPodAutoscaler"));
        assertThat(r.path("isError").asBoolean()).isTrue();
        assertThat(r.at("/content/0/text").asText()).contains("cannot be simulated", "manifests.yaml:1:");
        JsonNode none = call("simulate_scaling", args().put("yaml", WEB.substring(0, WEB.indexOf("---"))));
        assertThat(none.at("/content/0/text").asText()).contains("no HorizontalPodAutoscaler or ScaledObject");
    }

    @Test
    void checksPromqlAsTheCommandDoes() {
        JsonNode ok = call("check_promql", args().put("query", "sum(rate(http_requests_total{service=\"web\"}[2m]))")
                .put("keda", true).put("threshold", 100));
        assertThat(ok.path("isError").asBoolean()).isFalse();
        assertThat(ok.at("/structuredContent/ok").asBoolean()).isTrue();
        assertThat(ok.at("/structuredContent/type").asText()).isEqualTo("vector");
        JsonNode bad = call("check_promql", args().put("query", "sum(rate(x[5m])"));
        assertThat(bad.path("isError").asBoolean()).as("a query that does not parse is a result, not a bad call")
                .isFalse();
        assertThat(bad.at("/structuredContent/ok").asBoolean()).isFalse();
        assertThat(bad.at("/structuredContent/error/message").asText()).isNotEmpty();
        JsonNode lint = call("check_promql", args().put("query", "rate(http_requests_total[15s])"));
        assertThat(ruleIds(lint.at("/structuredContent/lint"))).isNotEmpty();
    }

    @Test
    void explainsARuleAndSuggestsIdsForAnUnknownOne() {
        JsonNode r = call("explain_rule", args().put("ruleId", "hpa/invalid"));
        assertThat(r.path("isError").asBoolean()).isFalse();
        assertThat(r.at("/structuredContent/id").asText()).isEqualTo("hpa/invalid");
        assertThat(r.at("/structuredContent/remedy").asText()).isNotEmpty();
        assertThat(r.at("/structuredContent/resource").asText()).isEqualTo("traffic-engineer://rules/hpa/invalid");
        assertThat(r.at("/content/0/text").asText()).startsWith("### `hpa/invalid`");
        JsonNode unknown = call("explain_rule", args().put("ruleId", "hpa/invalidd"));
        assertThat(unknown.path("isError").asBoolean()).isTrue();
        assertThat(unknown.at("/content/0/text").asText()).contains("unknown rule id", "hpa/invalid");
    }

    @Test
    void ruleDocsAreResources() throws IOException {
        JsonNode list = McpClient.result(client.request("resources/list", McpClient.JSON.createObjectNode()));
        List<String> uris = new ArrayList<>();
        list.get("resources").forEach(res -> uris.add(res.get("uri").asText()));
        assertThat(uris).contains("traffic-engineer://rules", "traffic-engineer://rules/hpa/invalid",
                "traffic-engineer://schemas/requirements");
        JsonNode catalogue = McpClient.result(client.request("resources/read",
                McpClient.JSON.createObjectNode().put("uri", "traffic-engineer://rules")));
        assertThat(catalogue.at("/contents/0/text").asText()).as("the catalogue is docs/rules.md")
                .isEqualTo(Files.readString(Golden.root().resolve("docs/rules.md"), StandardCharsets.UTF_8));
        JsonNode rule = McpClient.result(client.request("resources/read",
                McpClient.JSON.createObjectNode().put("uri", "traffic-engineer://rules/schema/invalid")));
        assertThat(rule.at("/contents/0/text").asText()).startsWith("### `schema/invalid`");
        JsonNode templates = McpClient.result(client.request("resources/templates/list",
                McpClient.JSON.createObjectNode()));
        assertThat(templates.at("/resourceTemplates/0/uriTemplate").asText())
                .isEqualTo("traffic-engineer://rules/{area}/{name}");
        JsonNode missing = client.request("resources/read",
                McpClient.JSON.createObjectNode().put("uri", "traffic-engineer://rules/hpa/none"));
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32002);
    }

    @Test
    void malformedLinesAreAnsweredAndTheServerKeepsServing() {
        JsonNode notJson = client.sendRaw("this is not json");
        assertThat(notJson.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(notJson.get("id").isNull()).isTrue();
        JsonNode notRpc = client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":900,\"foo\":1}");
        assertThat(notRpc.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(notRpc.get("id").asInt()).isEqualTo(900);
        JsonNode badParams = client.sendRaw("{\"jsonrpc\":\"2.0\",\"id\":901,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"review_manifests\",\"arguments\":\"yaml\"}}");
        assertThat(badParams.at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode unknownTool = client.request("tools/call", args().put("name", "no_such_tool").set("arguments",
                args()));
        assertThat(unknownTool.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(McpClient.result(client.request("ping", null)).isEmpty()).as("still serving").isTrue();
    }

    private JsonNode call(String tool, ObjectNode arguments) {
        return client.callTool(tool, arguments);
    }

    private static ObjectNode args() {
        return McpClient.JSON.createObjectNode();
    }

    private static JsonNode array(String... items) {
        var a = McpClient.JSON.createArrayNode();
        for (String i : items) {
            a.add(i);
        }
        return a;
    }

    private static List<String> ruleIds(JsonNode findings) {
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode tools, String name) {
        for (JsonNode t : tools) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    private static JsonNode json(String text) {
        try {
            return McpClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
