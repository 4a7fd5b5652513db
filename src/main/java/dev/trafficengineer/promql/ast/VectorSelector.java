package dev.trafficengineer.promql.ast;

import java.util.List;

/**
 * An instant vector selector: {@code name{matchers}}. {@code name} is the metric name written outside the braces,
 * or null; {@code matchers} are those written inside the braces, in order. Upstream additionally appends a
 * {@code __name__} matcher for an outside name; {@link #metricName()} gives the name wherever it was written.
 */
public record VectorSelector(String name, List<LabelMatcher> matchers, Modifiers modifiers, PositionRange position)
        implements Expr {

    public VectorSelector {
        matchers = List.copyOf(matchers);
    }

    /** The metric name, written outside the braces or as an equality {@code __name__} matcher; null if neither. */
    public String metricName() {
        if (name != null) {
            return name;
        }
        for (LabelMatcher m : matchers) {
            if (m.isMetricName() && m.op() == MatchOp.EQUAL) {
                return m.value();
            }
        }
        return null;
    }

    public VectorSelector withModifiers(Modifiers m, PositionRange pos) {
        return new VectorSelector(name, matchers, m, pos);
    }

    @Override
    public ValueType type() {
        return ValueType.INSTANT_VECTOR;
    }
}
