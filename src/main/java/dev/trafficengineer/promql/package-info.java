/**
 * PromQL as Prometheus 3.14 reads it: {@link dev.trafficengineer.promql.PromQL#parse} lexes, parses and type-checks
 * a query and returns the tree and its type, or the first error with Prometheus's own message and range (in code
 * points); {@link dev.trafficengineer.promql.Printer} prints a tree back as canonical PromQL.
 *
 * <p>Everything here is a hand-written port of upstream's {@code promql/parser} behaviour (lexer states, grammar and
 * its error rules, {@code checkAST}, Go's number, duration, string and regex syntax); the upstream tests run as data
 * from {@code upstream/promql/}. Internals are package-private; the tree is in {@code promql.ast}, the lint checks in
 * {@code promql.lint}.
 */
package dev.trafficengineer.promql;
