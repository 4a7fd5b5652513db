package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile and broken inputs, reviewed together with one good file: each bad file gets its finding at a
 * position, the good one is still reviewed, and nothing crashes.
 */
class BadInputTest {

    private static final String GOOD = """
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: good}
            spec: {maxReplicas: 3, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: good}}
            """;

    private record Case(String file, String expectedRule) {}

    @Test
    void everyBadFileGetsItsFindingAndTheRestIsReviewed(@TempDir Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        write(dir, "good.yaml", GOOD);
        write(dir, "truncated.yaml", GOOD.substring(0, GOOD.indexOf("spec: {max") + 20));
        cases.add(new Case("truncated.yaml", "input/yaml-syntax"));
        write(dir, "tabs.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n");
        cases.add(new Case("tabs.yaml", "input/tab-indentation"));
        write(dir, "dupes.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: '1'}\ndata: {b: '2'}\n");
        cases.add(new Case("dupes.yaml", "input/duplicate-key"));
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\na: &a [lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append(", *")
                    .append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        }
        write(dir, "bomb.yaml", bomb.toString());
        cases.add(new Case("bomb.yaml", "input/alias-limit"));
        write(dir, "deep.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"x\": " + "[".repeat(500)
                + "]".repeat(500) + "}");
        cases.add(new Case("deep.json", "input/too-deep"));
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Files.write(dir.resolve("junk.yaml"), junk);
        cases.add(new Case("junk.yaml", "input/not-utf8"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("huge.yaml"))) {
            byte[] line = "# padding padding padding padding padding padding padding padding padding\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        cases.add(new Case("huge.yaml", "input/too-large"));
        write(dir, "helm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
        cases.add(new Case("helm.yaml", "input/helm-template"));
        write(dir, "values.yaml", "replicaCount: 3\nimage: {repository: nginx}\n");
        cases.add(new Case("values.yaml", "input/not-kubernetes"));
        write(dir, "empty.yaml", "");
        write(dir, "comments.yaml", "# nothing here\n---\n---\n");

        Cli.Result r = Cli.run("review", "--format", "json", dir.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (Case c : cases) {
            List<JsonNode> onFile = new ArrayList<>();
            j.get("findings").forEach(f -> {
                if (f.get("file").asText().endsWith("/" + c.file())) {
                    onFile.add(f);
                }
            });
            assertThat(onFile).as(c.file()).extracting(f -> f.get("ruleId").asText()).contains(c.expectedRule());
            for (JsonNode f : onFile) {
                assertThat(f.get("line").asInt()).as(c.file()).isPositive();
                assertThat(f.get("column").asInt()).as(c.file()).isPositive();
            }
        }
        // the good file is reviewed despite the rest
        assertThat(r.out()).contains("good.yaml").contains("api/removed-version");
        assertThat(j.at("/summary/files").asInt()).isEqualTo(12);
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
