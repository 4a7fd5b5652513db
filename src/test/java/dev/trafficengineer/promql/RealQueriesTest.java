package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real-world queries (kube-prometheus rules, Grafana dashboards, KEDA docs, Prometheus docs). */
class RealQueriesTest {

    @Test
    void everyRealQueryParsesWithServerDefaults() {
        List<String> queries = UpstreamData.queries("real-queries.txt");
        assertThat(queries).hasSizeGreaterThan(800);
        List<String> failures = new ArrayList<>();
        for (String q : queries) {
            if (PromQL.parse(q, ParseOptions.DEFAULT) instanceof ParseResult.Failed f) {
                failures.add(q + " -> " + f.error());
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Each documented experimental query fails by default and parses with the option its "# needs:" names. */
    @Test
    void experimentalQueriesNeedTheirOption() throws Exception {
        List<String> lines = Files.readAllLines(UpstreamData.dir().resolve("real-experimental.txt"));
        String needs = null;
        int checked = 0;
        for (String line : lines) {
            if (line.startsWith("# needs:")) {
                needs = line;
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(needs).as("option for %s", line).isNotNull();
            ParseOptions option = needs.contains("fill") ? ParseOptions.DEFAULT.withBinopFillModifiers(true)
                    : needs.contains("experimental-functions") ? ParseOptions.DEFAULT.withExperimentalFunctions(true)
                    : needs.contains("range-selectors") ? ParseOptions.DEFAULT.withExtendedRangeSelectors(true)
                    : null;
            assertThat(option).as("known option in %s", needs).isNotNull();
            assertThat(PromQL.parse(line, ParseOptions.DEFAULT).ok()).as("default rejects %s", line).isFalse();
            ParseResult r = PromQL.parse(line, option);
            assertThat(r).as("%s with %s", line, needs).isInstanceOf(ParseResult.Parsed.class);
            needs = null;
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }
}
