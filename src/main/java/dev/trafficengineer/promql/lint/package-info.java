/**
 * Checks for PromQL queries that drive autoscaling: {@link dev.trafficengineer.promql.lint.QueryLint#check} runs
 * every {@link dev.trafficengineer.promql.lint.LintCheck} (one class per rule, listed in
 * {@link dev.trafficengineer.promql.lint.QueryLint#CHECKS}); {@link dev.trafficengineer.promql.lint.QueryCheck}
 * parses and lints one query for {@code traffic-engineer promql check}.
 */
package dev.trafficengineer.promql.lint;
