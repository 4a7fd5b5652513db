package dev.trafficengineer.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void samplesAtTheRoundestIntervalThatFits() {
        assertThat(RunSummary.interval(15, 3 * 3600)).isEqualTo(300);
        assertThat(RunSummary.interval(15, 86_385)).as("a day: rows 0 to 86385").isEqualTo(1800);
        assertThat(RunSummary.interval(15, 86_400)).as("49 rows at 30m are too many").isEqualTo(3600);
        assertThat(RunSummary.interval(15, 600)).isEqualTo(15);
        assertThat(RunSummary.interval(15, 14 * 86_400)).isEqualTo(43_200);
        assertThat(RunSummary.interval(7, 3600)).as("no round interval is a multiple of the step").isEqualTo(112);
    }

    @Test
    void keepsEverythingButTheTimelineListsEventsAndSamplesRows() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode run = json.createObjectNode();
        run.put("label", "hpa/web").put("stepSeconds", 15);
        run.putObject("summary").put("peakReplicas", 4);
        ArrayNode rows = run.putArray("timeline");
        for (int t = 0; t <= 3 * 3600; t += 15) {
            ObjectNode row = rows.addObject().put("t", t).put("demand", 1.0).put("replicas", 2);
            if (t % 900 == 15) {
                row.put("event", "scale up");
            }
        }
        JsonNode out = RunSummary.of(run);
        assertThat(out.get("label").asText()).isEqualTo("hpa/web");
        assertThat(out.at("/summary/peakReplicas").asInt()).isEqualTo(4);
        assertThat(out.get("timelineSampleSeconds").asInt()).isEqualTo(300);
        assertThat(out.get("timeline")).hasSize(37);
        assertThat(out.get("events")).hasSize(12);
        assertThat(out.at("/events/0/t").asInt()).isEqualTo(15);
        assertThat(out.has("eventsOmitted")).isFalse();
    }
}
