package dev.trafficengineer.promql.ast;

/**
 * A PromQL expression. Every node is an immutable record carrying its {@link PositionRange} in the query.
 *
 * <p>The node set mirrors upstream's {@code promql/parser/ast.go}, with two deliberate differences: a vector
 * selector keeps the metric name apart from the matchers written in braces (upstream appends a {@code __name__}
 * matcher), and duration arithmetic inside {@code [...]} and after {@code offset} is its own small tree,
 * {@link DurationExpr}, because it can appear nowhere else.
 */
public sealed interface Expr
        permits NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, SubqueryExpr, Call, AggregateExpr,
                BinaryExpr, UnaryExpr, ParenExpr {

    PositionRange position();

    /** The static type, by upstream's {@code Type()} rules; meaningful for expressions that type-check. */
    ValueType type();
}
