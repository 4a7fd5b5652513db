package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.ValueType;
import java.util.Objects;

/** The outcome of {@link PromQL#parse}: a type-checked expression, or the first error Prometheus would report. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Failed {

    boolean ok();

    /** The query parsed and type-checked; {@code type} is the type of the whole expression. */
    record Parsed(Expr expr, ValueType type) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    /** Prometheus rejects the query; {@code error} is the first of its errors. */
    record Failed(ParseError error) implements ParseResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public boolean ok() {
            return false;
        }
    }
}
