package dev.trafficengineer.promql.lint;

import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.ParseResult;
import dev.trafficengineer.promql.PromQL;

/** Parses, type-checks and lints one query: the engine behind {@code traffic-engineer promql check}. */
public final class QueryCheck {

    private QueryCheck() {}

    public static CheckResult check(String query, ParseOptions options, QueryContext context) {
        ParseResult r = PromQL.parse(query, options);
        if (r instanceof ParseResult.Parsed p) {
            return new CheckResult(query, true, p.type(), null, QueryLint.check(p.expr(), context));
        }
        return new CheckResult(query, false, null, ((ParseResult.Failed) r).error(), java.util.List.of());
    }

    /** With the server's parser defaults and a query used outside any trigger. */
    public static CheckResult check(String query) {
        return check(query, ParseOptions.DEFAULT, QueryContext.DEFAULT);
    }
}
