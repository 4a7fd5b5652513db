package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.testing.Cli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromqlCommandTest {

    private static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            nodes.add(new ObjectMapper().readTree(l));
        }
        return nodes;
    }

    @Test
    void jsonLinesFollowTheContractInInputOrder() throws Exception {
        Cli.Result r = Cli.runWithInput("sum(rate(http_requests_total{job=\"api\"}[2m]))\n\nrate(foo[5m]\n1 + 1\n",
                "promql", "check", "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(3);
        assertThat(out.get(0).toString()).isEqualTo("{\"input\":\"sum(rate(http_requests_total{job=\\\"api\\\"}[2m]))\","
                + "\"ok\":true,\"type\":\"vector\",\"lint\":[]}");
        JsonNode bad = out.get(1);
        assertThat(bad.get("ok").asBoolean()).isFalse();
        assertThat(bad.has("type")).isFalse();
        assertThat(bad.at("/error/message").asText()).isEqualTo("unclosed left parenthesis");
        assertThat(bad.at("/error/start").asInt()).isEqualTo(12);
        assertThat(out.get(2).get("type").asText()).isEqualTo("scalar");
    }

    @Test
    void allValidExitsZeroAndLintIsReported() throws Exception {
        Cli.Result r = Cli.run("promql", "check", "--format", "json", "--keda",
                "sum by (pod) (rate(http_requests_total[2m]))");
        assertThat(r.exit()).isZero();
        JsonNode n = lines(r.out()).get(0);
        assertThat(n.get("lint").findValuesAsText("ruleId"))
                .contains("promql/keda-multiple-series", "promql/unscoped-selector");
        JsonNode first = n.get("lint").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("ruleId", "severity", "message", "start", "end");
    }

    @Test
    void experimentalFunctionsNeedTheFlag() {
        assertThat(Cli.run("promql", "check", "sort_by_label(up, \"job\")").exit()).isEqualTo(1);
        assertThat(Cli.run("promql", "check", "--promql-experimental", "sort_by_label(up, \"job\")").exit()).isZero();
    }

    @Test
    void textShowsTheErrorUnderTheQuery() {
        Cli.Result r = Cli.run("promql", "check", "sum(rate(x[5m]) by (pod)");
        assertThat(r.out()).startsWith("sum(rate(x[5m]) by (pod)\n  ");
        assertThat(r.out()).contains("error: ");
    }
}
