package dev.trafficengineer.promql.ast;

/** A minus sign before a duration that is not a plain literal: {@code -(10s - 5s)}, {@code -step()}. */
public record DurationNegation(DurationExpr operand, PositionRange position) implements DurationExpr {}
