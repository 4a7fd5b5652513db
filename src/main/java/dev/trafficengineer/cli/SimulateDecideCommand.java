package dev.trafficengineer.cli;

import dev.trafficengineer.simulate.DecideCodec;
import dev.trafficengineer.simulate.SimulationInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code traffic-engineer simulate decide}: one JSON object on stdin, the controller's decision on stdout. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {
            "Answers \"why did my HPA pick N?\": reads one JSON object on stdin with currentReplicas, "
                    + "desiredReplicas (the proposal from metrics), minReplicas, maxReplicas, behavior (absent for "
                    + "an HPA without behavior), scaleUpEvents/scaleDownEvents ([{replicaChange, secondsAgo}]) and "
                    + "recommendations ([{replicas, secondsAgo}]), and prints {\"desiredReplicas\": n, "
                    + "\"reason\": \"...\"} with the controller's ScalingLimited reason."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the decision was printed", "2:the input could not be read; the message says why"})
final class SimulateDecideCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** The {@code simulate} group, whose root holds standard input (a field, so that tests can hand over their own). */
    @ParentCommand
    private SimulateCommand parent;

    @Override
    public Integer call() throws IOException {
        String input = new String(parent.stdin().readAllBytes(), StandardCharsets.UTF_8);
        try {
            spec.commandLine().getOut().println(DecideCodec.run(input));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (SimulationInputException e) {
            spec.commandLine().getErr().println("simulate decide: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
    }
}
