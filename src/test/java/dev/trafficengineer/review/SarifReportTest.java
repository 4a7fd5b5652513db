package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.trafficengineer.testing.Cli;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {

    private static final String BAD = """
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: web, annotations: {traffic-engineer.dev/ignore: "hpa/*"}}
            spec: {maxReplicas: 5, scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}}
            ---
            apiVersion: v1
            kind: A
              broken: [
            """;

    private static Schema oasisSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(text, InputFormat.JSON);
        }
    }

    @Test
    void validatesAgainstTheOasisSchema() throws Exception {
        Cli.Result r = Cli.runWithInput(BAD, "review", "--format", "sarif", "-");
        assertThat(r.exit()).isEqualTo(1);
        List<Error> errors = oasisSchema().validate(r.out(), InputFormat.JSON);
        assertThat(errors).isEmpty();
    }

    @Test
    void listsEveryRuleAndLinksResultsToThem() throws Exception {
        Cli.Result r = Cli.runWithInput(BAD, "review", "--format", "sarif", "-");
        JsonNode run = new ObjectMapper().readTree(r.out()).at("/runs/0");
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules.size()).isEqualTo(RuleCatalog.standard().catalogue().size());
        for (JsonNode rule : rules) {
            assertThat(rule.at("/helpUri").asText()).startsWith("https://").contains("rules.md#");
            assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
            assertThat(rule.at("/help/text").asText()).isNotBlank();
        }
        JsonNode results = run.at("/results");
        assertThat(results.size()).isEqualTo(2);
        for (JsonNode result : results) {
            int index = result.at("/ruleIndex").asInt();
            assertThat(rules.get(index).at("/id").asText()).isEqualTo(result.at("/ruleId").asText());
            assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText()).matches("[0-9a-f]{16}:1");
        }
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("%3Cstdin%3E");
    }
}
