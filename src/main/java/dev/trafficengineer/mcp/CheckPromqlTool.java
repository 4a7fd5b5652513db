package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.lint.CheckResult;
import dev.trafficengineer.promql.lint.QueryCheck;
import dev.trafficengineer.promql.lint.QueryContext;
import dev.trafficengineer.review.ConfigReader;
import dev.trafficengineer.review.report.QueryReport;
import java.time.Duration;
import java.util.OptionalDouble;

/** {@code check_promql}: one query through Prometheus's parser and type checker and the autoscaling lint. */
final class CheckPromqlTool implements McpTool {

    @Override
    public String name() {
        return "check_promql";
    }

    @Override
    public String title() {
        return "Check a PromQL query";
    }

    @Override
    public String description() {
        return "Parse and type-check one PromQL expression exactly as Prometheus 3.x does, and lint it for "
                + "autoscaling (rate over too short a window, histogram_quantile without le, a KEDA trigger query "
                + "that returns several series, thresholds in the wrong unit...). `ok` says whether Prometheus "
                + "accepts it; `error` gives the message and character offsets; `lint` lists findings with rule "
                + "ids. Check every query before it goes into a KEDA prometheus trigger or an HPA external metric "
                + "(set `keda` and `threshold` for trigger queries).";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolSchemas.input(name());
    }

    @Override
    public ObjectNode outputSchema() {
        return ToolSchemas.output(name());
    }

    @Override
    public ToolOutput call(Args args, CallContext context) {
        String query = args.requiredText("query");
        ParseOptions options = ParseOptions.DEFAULT.withExperimentalFunctions(args.flag("experimental"));
        Duration scrape = QueryContext.DEFAULT_SCRAPE_INTERVAL;
        String interval = args.text("scrapeInterval");
        if (interval != null) {
            try {
                scrape = ConfigReader.parseDuration(interval);
            } catch (IllegalArgumentException e) {
                throw new ToolException("`scrapeInterval`: " + e.getMessage());
            }
        }
        Double threshold = args.number("threshold");
        boolean keda = args.flag("keda") || threshold != null;
        QueryContext qc;
        try {
            qc = new QueryContext(keda, scrape, threshold == null ? OptionalDouble.empty()
                    : OptionalDouble.of(threshold));
        } catch (IllegalArgumentException e) {
            throw new ToolException(e.getMessage());
        }
        CheckResult r = QueryCheck.check(query, options, qc);
        return new ToolOutput(QueryReport.text(r), QueryReport.json(r));
    }
}
