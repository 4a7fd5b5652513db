/**
 * The PromQL syntax tree: immutable records under the sealed {@link dev.trafficengineer.promql.ast.Expr} (and
 * {@link dev.trafficengineer.promql.ast.DurationExpr} for ranges and offsets), each with its
 * {@link dev.trafficengineer.promql.ast.PositionRange}. {@link dev.trafficengineer.promql.ast.Ast} walks trees
 * without recursion on long operator chains.
 */
package dev.trafficengineer.promql.ast;
