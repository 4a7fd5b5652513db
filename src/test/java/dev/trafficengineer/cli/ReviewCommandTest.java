package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One error; the HPA rules' advice (partial set, one replica) is silenced to keep the report to it. */
    private static final String REMOVED = """
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
              annotations: {traffic-engineer.dev/ignore: "hpa/*"}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 5
            """;

    @Test
    void cleanInputExitsZero(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Cli.Result r = Cli.run("review", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("0 errors, 0 warnings, 0 info in 1 file (1 object)\n");
    }

    @Test
    void errorFindingExitsOneWithPositionedLine(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("hpa.yaml"), REMOVED);
        Cli.Result r = Cli.run("review", "--color", "never", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith(f + ":1:13: error api/removed-version: `autoscaling/v2beta2` was removed");
        assertThat(r.out()).contains(" 1 | apiVersion: autoscaling/v2beta2\n   |             ^^^^^^^^^^^^^^^^^^^\n");
    }

    @Test
    void failOnDecidesTheExitCode(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("v1.yaml"), """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: a}
                spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: a}}
                """);
        assertThat(Cli.run("review", f.toString()).exit()).isZero();
        assertThat(Cli.run("review", "--fail-on", "info", f.toString()).exit()).isEqualTo(1);
        assertThat(Cli.run("review", "--fail-on", "never", Files.writeString(dir.resolve("x.yaml"), REMOVED)
                .toString()).exit()).isZero();
    }

    @Test
    void jsonHasTheContractShape(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("hpa.yaml"), REMOVED);
        Cli.Result r = Cli.run("review", "--format", "json", f.toString());
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.fieldNames()).toIterable().containsExactly("findings", "summary");
        JsonNode finding = j.at("/findings/0");
        assertThat(finding.fieldNames()).toIterable().containsExactly("ruleId", "severity", "message", "file",
                "line", "column", "endLine", "endColumn", "pointer", "object", "fix");
        assertThat(finding.at("/object").toString())
                .isEqualTo("{\"apiVersion\":\"autoscaling/v2beta2\",\"kind\":\"HorizontalPodAutoscaler\","
                        + "\"namespace\":\"default\",\"name\":\"web\"}");
        assertThat(finding.at("/fix/safe").asBoolean()).isTrue();
        assertThat(j.at("/summary").toString())
                .isEqualTo("{\"files\":1,\"objects\":1,\"error\":1,\"warning\":0,\"info\":0}");
    }

    @Test
    void readsStandardInput() {
        Cli.Result r = Cli.runWithInput(REMOVED, "review", "--format", "json", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"file\" : \"<stdin>\"");
    }

    @Test
    void namespaceFlagAppliesToObjectsWithoutOne() {
        Cli.Result r = Cli.runWithInput(REMOVED, "review", "--format", "json", "--namespace", "prod", "-");
        assertThat(r.out()).contains("\"namespace\" : \"prod\"");
    }

    @Test
    void oldKubernetesVersionOnlyDeprecates() {
        Cli.Result r = Cli.runWithInput(REMOVED, "review", "--kubernetes-version", "1.24", "-");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("warning api/deprecated-version");
    }

    @Test
    void missingPathsAmongOthersAreFindingsButNoInputAtAllIsUsageError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Cli.Result some = Cli.run("review", f.toString(), dir.resolve("nope.yaml").toString());
        assertThat(some.exit()).isEqualTo(1);
        assertThat(some.out()).contains("nope.yaml:1:1: error input/unreadable");
        Cli.Result none = Cli.run("review", dir.resolve("nope.yaml").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no such file or directory");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertThat(Cli.run("review", "--format", "xml", "x").exit()).isEqualTo(2);
        assertThat(Cli.run("review").exit()).isEqualTo(2);
        assertThat(Cli.run("review", "--kubernetes-version", "latest", "-").err())
                .contains("'latest' is not a Kubernetes version");
    }

    @Test
    void configDisablesRulesAndChangesSeverities(@TempDir Path dir) throws Exception {
        Path hpa = Files.writeString(dir.resolve("hpa.yaml"), REMOVED);
        Path off = Files.writeString(dir.resolve("off.yaml"), "rules:\n  api/removed-version: off\n");
        assertThat(Cli.run("review", "--config", off.toString(), hpa.toString()).exit()).isZero();
        Path warn = Files.writeString(dir.resolve("warn.yaml"), "rules:\n  api/removed-version: warning\n");
        Cli.Result r = Cli.run("review", "--config", warn.toString(), hpa.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("warning api/removed-version");
    }

    @Test
    void badConfigIsAClearUsageError(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("c.yaml"), "rules:\n  hpa/no-such-rule: off\n");
        Cli.Result r = Cli.run("review", "--config", bad.toString(), "-");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":2:3: unknown rule id `hpa/no-such-rule`");
        Path typo = Files.writeString(dir.resolve("t.yaml"), "kubernetesVersoin: 1.30\n");
        assertThat(Cli.run("review", "--config", typo.toString(), "-").err())
                .contains(":1:1: unknown setting `kubernetesVersoin`");
    }

    @Test
    void annotationSuppressesAndUnknownIdsAreReported() {
        String suppressed = REMOVED.replace("  annotations: {traffic-engineer.dev/ignore: \"hpa/*\"}\n",
                "  annotations:\n    traffic-engineer.dev/ignore: \"api/removed-version, api/no-such, hpa/*\"\n");
        Cli.Result r = Cli.runWithInput(suppressed, "review", "--color", "never", "-");
        assertThat(r.out()).doesNotContain("api/removed-version:");
        assertThat(r.out()).contains("warning review/unknown-ignore: `api/no-such`");
        String all = REMOVED.replace("  annotations: {traffic-engineer.dev/ignore: \"hpa/*\"}\n",
                "  annotations: {traffic-engineer.dev/ignore: all}\n");
        assertThat(Cli.runWithInput(all, "review", "-").exit()).isZero();
    }

    @Test
    void walksDirectoriesSkippingHiddenOnes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("a/b/one.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("a/two.json"), "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\"}");
        Files.writeString(dir.resolve("a/notes.txt"), "not a manifest");
        Files.writeString(dir.resolve(".git/x.yaml"), "{{ broken");
        Cli.Result r = Cli.run("review", dir.toString());
        assertThat(r.out()).endsWith("in 2 files (2 objects)\n");
        assertThat(r.exit()).isZero();
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("--version").out()).startsWith("traffic-engineer ");
        Cli.Result help = Cli.run("review", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--fail-on").contains("Exit codes:");
    }
}
