package dev.trafficengineer.cli;

import dev.trafficengineer.mcp.Engine;
import dev.trafficengineer.mcp.TrafficEngineerServer;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.RuleRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code traffic-engineer mcp}: the Model Context Protocol server over stdio, for IDE assistants. Standard output is
 * the protocol channel and nothing else may write to it: logs and stray prints go to standard error.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {
            "Serve the review, draft, simulate and PromQL tools to an AI assistant over the Model Context Protocol"
                    + " (JSON-RPC on standard input and output). Configure it in the IDE as the command"
                    + " `traffic-engineer mcp`; see the README, \"IDE integration (MCP)\".",
            "",
            "Files are read only inside the workspace: the roots the client announces, else --workspace, else the"
                    + " working directory; only *.yaml, *.yml and *.json files. Nothing is written. The review"
                    + " settings below apply to every call; the --llm options choose the model behind"
                    + " draft_autoscaling and refine_autoscaling, as for `draft` and `refine`."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the client closed the connection",
            "2:bad flags or a bad config file"})
final class McpCommand implements Callable<Integer> {

    @ParentCommand
    TrafficEngineer root;

    @Mixin
    Settings settings = new Settings();

    @Mixin
    LlmOptions llm = new LlmOptions();

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "A directory tools may read manifests from when the client announces no workspace roots"
                    + " (repeatable; default: the working directory, unless that is / or the home directory).")
    List<Path> workspace = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        RuleRegistry registry = RuleCatalog.standard();
        Config config = settings.config(registry);
        Engine engine = new Engine(registry, settings.options(config), config, settings.namespace(config),
                workspace, Path.of("").toAbsolutePath(), llm.settings(config));
        // keep the real stdout for the protocol; anything else that prints (a library, a stray println) goes to stderr
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        new TrafficEngineerServer(engine, TrafficEngineer.version()).serve(root.stdin, protocol);
        return ExitCode.OK;
    }
}
