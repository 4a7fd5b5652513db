package dev.trafficengineer.promql.ast;

/** Arithmetic on durations: {@code +}, {@code -}, {@code *}, {@code /}, {@code %} or {@code ^}. */
public record DurationBinary(BinaryOp op, DurationExpr lhs, DurationExpr rhs, PositionRange position)
        implements DurationExpr {}
