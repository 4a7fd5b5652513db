package dev.trafficengineer.promql.ast;

/** A parenthesised duration; kept so printing reproduces it (upstream marks such nodes {@code Wrapped}). */
public record DurationParen(DurationExpr inner, PositionRange position) implements DurationExpr {}
