package dev.trafficengineer.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: subcommands only. */
@Command(
        name = "traffic-engineer",
        mixinStandardHelpOptions = true,
        versionProvider = TrafficEngineer.Version.class,
        description = "Drafts, reviews and simulates Kubernetes autoscaling: HPA, KEDA and VPA.",
        subcommands = {
            ChatCommand.class,
            DraftCommand.class,
            McpCommand.class,
            PromqlCommand.class,
            RefineCommand.class,
            ReviewCommand.class,
            RulesCommand.class,
            ServeCommand.class,
            SimulateCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:nothing at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:the command could not run (bad flags, bad config, no readable input)",
            "3:internal error (a bug: please report it)"
        })
public final class TrafficEngineer implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Standard input, given to the commands that read "-"; a field so that tests can hand over their own. */
    final InputStream stdin;

    TrafficEngineer(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    static CommandLine commandLine(InputStream in, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new TrafficEngineer(in));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("traffic-engineer: " + ex.getMessage());
                return ExitCode.USAGE;
            }
            commandLine.getErr().println("traffic-engineer: internal error: " + ex
                    + " (please report it; set TRAFFIC_ENGINEER_DEBUG=1 for the stack trace)");
            if (System.getenv("TRAFFIC_ENGINEER_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCode.INTERNAL;
        });
        return cl;
    }

    /** The version from the jar manifest ("dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"traffic-engineer " + version()};
        }
    }

    static String version() {
        String v = TrafficEngineer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
