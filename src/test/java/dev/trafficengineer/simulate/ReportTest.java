package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The three renderings of a run, and of a comparison. */
class ReportTest {

    private static final PodModel WEB = PodModel.web(100, "500m", "50m", "4m");
    private static final TrafficProfile DAY = new TrafficProfile.Diurnal(80, 900, 14, 86_400);
    private static final HpaSpec CPU_60 = new HpaSpec(2, 20,
            List.of(MetricSpec.resource("cpu", MetricTarget.utilization(60))), null);
    private static final SimulationRun HPA = Simulation.run(new Autoscaler.Hpa("hpa/web", CPU_60, null), DAY, WEB,
            SimulationSettings.DEFAULTS);
    private static final SimulationRun FIXED = Simulation.run(Autoscaler.Fixed.of(3), DAY, WEB,
            SimulationSettings.DEFAULTS);

    @Test
    void textHasSparklinesSummaryTableAndEvents() {
        String text = TextReport.render(HPA);
        assertThat(text).startsWith("simulate: hpa/web\ntraffic: diurnal 80–900/s, peak at 14:00:00, 1d 0h in 15s"
                + " steps\n");
        assertThat(text.lines().filter(l -> l.startsWith("demand ")).findFirst().orElseThrow())
                .matches("demand {5}[▁▂▃▄▅▆▇█]{60}  peak 900 req/s");
        assertThat(text).contains("  pod-hours              ").contains("every 30m\n")
                .contains("time           demand/s capacity/s replicas  ready unserved/s     queue  lag s      cpu %")
                .contains("\n14:00:00          900.0     1300.0       13     13        0.0         0      0")
                .containsPattern("\nscale events\n  \\d\\d:\\d\\d:\\d\\d +\\d+→\\d+ DesiredWithinRange\n");
        assertThat(TextReport.render(FIXED)).contains("scale events\n  none\n");
    }

    @Test
    void textCompareShowsTheChange() {
        String text = TextReport.compare(FIXED, HPA);
        assertThat(text).startsWith("compare: 3 replicas  vs  hpa/web\n");
        assertThat(text).containsPattern("pod-hours +72\\.00 +\\d+\\.\\d\\d +\\+\\d+\\.\\d%")
                .containsPattern("flaps +0 +0 +same");
    }

    @Test
    void jsonHasTheSummaryAndEveryStep() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(HPA));
        assertThat(json.get("label").asText()).isEqualTo("hpa/web");
        assertThat(json.get("stepSeconds").asInt()).isEqualTo(15);
        assertThat(json.get("summary").get("peakReplicas").asInt()).isEqualTo(HPA.summary().peakReplicas());
        assertThat(json.get("timeline")).hasSize(86_400 / 15);
        JsonNode first = json.get("timeline").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("t", "demand", "replicas", "ready", "capacity",
                "unserved", "queue", "lagSeconds", "metrics", "reason");
        boolean anEvent = false;
        for (JsonNode row : json.get("timeline")) {
            anEvent |= row.has("event");
        }
        assertThat(anEvent).as("steps with a scale event carry it").isTrue();
        assertThat(first.get("metrics").get("cpu %").asDouble()).isEqualTo(64);

        JsonNode both = new ObjectMapper().readTree(JsonReport.compare(FIXED, HPA));
        assertThat(both.get("runs")).hasSize(2);
        assertThat(both.get("runs").get(0).get("timeline").get(0).get("metrics").size()).isZero();
    }

    @Test
    void svgIsAStandaloneChartWithAxesUnitsAndLegend() throws Exception {
        String svg = SvgChart.render(HPA);
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg).contains(">hpa/web — diurnal 80–900/s, peak at 14:00:00</text>")
                .contains(">time since start (hours)</text>")
                .contains(">req/s</text>")
                .contains(">replicas</text>")
                .contains(">demand (req/s)</text>")
                .contains(">capacity of ready pods (req/s)</text>")
                .contains(">demand not served in time</text>")
                .contains(">replicas (right axis)</text>")
                .contains(">24h</text>");
    }

    @Test
    void svgCompareStacksBothRunsOnOneScale() throws Exception {
        String svg = SvgChart.compare(FIXED, HPA);
        parse(svg);
        assertThat(svg).contains(">A: 3 replicas — ").contains(">B: hpa/web — ");
        assertThat(svg.split(">2000</text>", -1)).as("both panels share the rate axis").hasSize(3);
    }

    @Test
    void weekLongRunsAreLabelledInDays() {
        SimulationRun week = Simulation.run(Autoscaler.Fixed.of(2), new TrafficProfile.Steady(10, 7 * 86_400), WEB,
                SimulationSettings.DEFAULTS);
        assertThat(SvgChart.render(week)).contains(">day 3</text>").contains(">time since start (days)</text>");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
