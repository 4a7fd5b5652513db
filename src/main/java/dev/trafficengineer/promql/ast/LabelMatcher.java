package dev.trafficengineer.promql.ast;

import java.util.Objects;

/**
 * One matcher inside braces. A quoted name standing alone ({@code {"my.metric"}}) is the metric-name matcher
 * {@code __name__="my.metric"}, as upstream reads it.
 */
public record LabelMatcher(String name, MatchOp op, String value, PositionRange position) {

    public static final String METRIC_NAME = "__name__";

    public LabelMatcher {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(position, "position");
    }

    public boolean isMetricName() {
        return METRIC_NAME.equals(name);
    }
}
