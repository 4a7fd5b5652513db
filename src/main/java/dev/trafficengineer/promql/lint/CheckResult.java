package dev.trafficengineer.promql.lint;

import dev.trafficengineer.promql.ParseError;
import dev.trafficengineer.promql.ast.ValueType;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one query for {@code traffic-engineer promql check}: whether Prometheus accepts it, its type or
 * the error, and the lint problems (none when the query does not parse).
 *
 * @param type  the result type when {@code ok}, else null
 * @param error the first error when not {@code ok}, else null
 */
public record CheckResult(String input, boolean ok, ValueType type, ParseError error, List<QueryProblem> lint) {

    public CheckResult {
        Objects.requireNonNull(input, "input");
        lint = List.copyOf(lint);
        if (ok != (type != null) || ok == (error != null)) {
            throw new IllegalArgumentException("a result has a type when ok and an error when not");
        }
    }
}
