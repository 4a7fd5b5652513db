package dev.trafficengineer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.lint.CheckResult;
import dev.trafficengineer.promql.lint.QueryCheck;
import dev.trafficengineer.promql.lint.QueryContext;
import dev.trafficengineer.review.ConfigReader;
import dev.trafficengineer.review.report.QueryReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code traffic-engineer promql}: PromQL tools. */
@Command(name = "promql", mixinStandardHelpOptions = true, description = "PromQL tools.",
        subcommands = PromqlCommand.Check.class)
final class PromqlCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TrafficEngineer root;

    @Override
    public void run() {
        throw new UsageException("promql needs a subcommand: check");
    }

    /** {@code promql check}: does Prometheus accept the query, of what type is it, and what is risky in it. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Parse and type-check PromQL as Prometheus 3.x does, and lint it for autoscaling."
                    + " With no QUERY, or -, reads one query per line from standard input.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every query is valid PromQL", "1:a query does not parse or type-check",
                "2:bad flags"})
    static final class Check implements Callable<Integer> {

        enum Format { text, json }

        private static final ObjectMapper JSON = new ObjectMapper();

        @Spec
        CommandSpec spec;

        @ParentCommand
        PromqlCommand parent;

        @Option(names = "--format", defaultValue = "text", description = "text or json, one object per line"
                + " (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--promql-experimental", description = "Accept Prometheus's experimental functions.")
        boolean experimental;

        @Option(names = "--scrape-interval", defaultValue = "15s", paramLabel = "DURATION",
                description = "For the range-window check (default: ${DEFAULT-VALUE}).")
        String scrapeInterval;

        @Option(names = "--keda", description = "Check the queries as KEDA prometheus trigger queries (one sample,"
                + " scoped to the workload).")
        boolean keda;

        @Option(names = "--threshold", paramLabel = "N", description = "The trigger threshold the query is compared"
                + " with (implies --keda).")
        Double threshold;

        @Parameters(arity = "0..*", paramLabel = "QUERY")
        List<String> queries = new ArrayList<>();

        @Override
        public Integer call() throws IOException {
            ParseOptions options = ParseOptions.DEFAULT.withExperimentalFunctions(experimental);
            QueryContext context;
            try {
                context = QueryContext.DEFAULT.withScrapeInterval(ConfigReader.parseDuration(scrapeInterval));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            if (threshold != null) {
                context = QueryContext.kedaTrigger(threshold).withScrapeInterval(context.scrapeInterval());
            } else if (keda) {
                context = new QueryContext(true, context.scrapeInterval(), OptionalDouble.empty());
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean allOk = true;
            for (String q : inputs()) {
                CheckResult r = QueryCheck.check(q, options, context);
                allOk &= r.ok();
                out.print(format == Format.json ? json(r) : text(r));
            }
            out.flush();
            return allOk ? ExitCode.OK : ExitCode.FINDINGS;
        }

        private List<String> inputs() throws IOException {
            if (!queries.isEmpty() && !(queries.size() == 1 && queries.get(0).equals("-"))) {
                return queries;
            }
            List<String> lines = new ArrayList<>();
            BufferedReader in = new BufferedReader(new InputStreamReader(parent.root.stdin, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
            return lines;
        }

        static String json(CheckResult r) throws IOException {
            return JSON.writeValueAsString(QueryReport.json(r)) + "\n";
        }

        static String text(CheckResult r) {
            return QueryReport.text(r);
        }
    }
}
