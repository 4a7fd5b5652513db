package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The two JSON commands in process: stdout, stderr and exit code. */
class SimulateCommandsTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Callable<Integer> command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute();
        return new Run(exit, out.toString(), err.toString());
    }

    private static ByteArrayInputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decidePrintsTheDecision() {
        Run r = run(new SimulateDecideCommand(stdin(
                "{\"currentReplicas\": 3, \"desiredReplicas\": 10, \"minReplicas\": 1, \"maxReplicas\": 10}")));
        assertThat(r).isEqualTo(new Run(0, "{\"desiredReplicas\":6,\"reason\":\"ScaleUpLimit\"}"
                + System.lineSeparator(), ""));
    }

    @Test
    void decideReportsBadInputWithoutAStackTrace() {
        Run r = run(new SimulateDecideCommand(stdin("{\"desiredReplicas\": 10}")));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("simulate decide: missing field `currentReplicas`" + System.lineSeparator());
    }

    @Test
    void proposePrintsTheProposalOrTheMetricError() {
        Run ok = run(new SimulateProposeCommand(stdin("{\"currentReplicas\": 1, \"metric\": {\"type\": \"External\","
                + " \"target\": {\"type\": \"AverageValue\", \"averageValue\": \"5\"}}, \"metricValues\": [\"20\"]}")));
        assertThat(ok).isEqualTo(new Run(0, "{\"replicas\":4,\"usage\":\"20\"}" + System.lineSeparator(), ""));

        Run failed = run(new SimulateProposeCommand(stdin("{\"currentReplicas\": 1, \"metric\": {\"type\": "
                + "\"Resource\", \"resource\": \"cpu\", \"target\": {\"type\": \"Utilization\", "
                + "\"averageUtilization\": 50}}, \"pods\": [{\"phase\": \"Pending\", \"usage\": {\"app\": \"1\"}}]}")));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).startsWith("{\"error\":");

        Run bad = run(new SimulateProposeCommand(stdin("not json")));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("simulate propose: input is not valid JSON: ");
    }
}
