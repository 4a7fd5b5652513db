package dev.trafficengineer.promql.lint;

import dev.trafficengineer.finding.RuleInfo;
import java.util.Objects;

/**
 * A lint finding on a query: the rule, a one-sentence message, and the range of the query it is about (code points,
 * end exclusive). Callers inside manifests map the range onto the YAML scalar.
 */
public record QueryProblem(RuleInfo rule, String message, int start, int end) {

    public QueryProblem {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
