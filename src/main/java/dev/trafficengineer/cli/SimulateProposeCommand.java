package dev.trafficengineer.cli;

import dev.trafficengineer.simulate.ProposeCodec;
import dev.trafficengineer.simulate.SimulationInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code traffic-engineer simulate propose}: one JSON object on stdin, one metric's replica proposal on stdout. */
@Command(name = "propose", mixinStandardHelpOptions = true,
        description = {
            "Computes what one HPA metric proposes, as the controller's replica calculator does: reads one JSON "
                    + "object on stdin with currentReplicas, metric ({type, resource, container, target}), an "
                    + "optional tolerance, and either pods ([{name, phase, ready, startSecondsAgo, "
                    + "readyTransitionSecondsAgo, requests, usage}]) or metricValues, and prints {\"replicas\": n, "
                    + "\"utilization\": n} or {\"replicas\": n, \"usage\": quantity}."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the proposal was printed",
            "1:the controller could not use the metric; {\"error\": ...} was printed",
            "2:the input could not be read; the message says why"})
final class SimulateProposeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** The {@code simulate} group, whose root holds standard input (a field, so that tests can hand over their own). */
    @ParentCommand
    private SimulateCommand parent;

    @Override
    public Integer call() throws IOException {
        String input = new String(parent.stdin().readAllBytes(), StandardCharsets.UTF_8);
        try {
            ProposeCodec.Result result = ProposeCodec.run(input);
            spec.commandLine().getOut().println(result.json());
            spec.commandLine().getOut().flush();
            return result.ok() ? 0 : 1;
        } catch (SimulationInputException e) {
            spec.commandLine().getErr().println("simulate propose: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
