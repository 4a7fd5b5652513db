package dev.trafficengineer.promql.ast;

import java.util.Locale;

/**
 * The aggregation operators, with the type of their parameter ({@code lex.go IsAggregatorWithParam},
 * {@code parse.go checkAST}); {@code limitk} and {@code limit_ratio} are experimental.
 */
public enum AggregateOp {
    SUM(null, false),
    AVG(null, false),
    COUNT(null, false),
    MIN(null, false),
    MAX(null, false),
    GROUP(null, false),
    STDDEV(null, false),
    STDVAR(null, false),
    TOPK(ValueType.SCALAR, false),
    BOTTOMK(ValueType.SCALAR, false),
    QUANTILE(ValueType.SCALAR, false),
    COUNT_VALUES(ValueType.STRING, false),
    LIMITK(ValueType.SCALAR, true),
    LIMIT_RATIO(ValueType.SCALAR, true);

    private final ValueType paramType;
    private final boolean experimental;

    AggregateOp(ValueType paramType, boolean experimental) {
        this.paramType = paramType;
        this.experimental = experimental;
    }

    /** The keyword as written in queries: {@code sum}, {@code count_values}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of the parameter, or null for operators that take none. */
    public ValueType paramType() {
        return paramType;
    }

    public boolean hasParam() {
        return paramType != null;
    }

    public boolean experimental() {
        return experimental;
    }
}
