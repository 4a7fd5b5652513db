package dev.trafficengineer.promql.ast;

import java.util.List;
import java.util.Locale;

/** {@code step()}, {@code range()}, {@code min_of(a, b)} or {@code max_of(a, b)} inside a duration. */
public record DurationCall(Function function, List<DurationExpr> args, PositionRange position) implements DurationExpr {

    public enum Function {
        STEP(0),
        RANGE(0),
        MIN_OF(2),
        MAX_OF(2);

        private final int arity;

        Function(int arity) {
            this.arity = arity;
        }

        public int arity() {
            return arity;
        }

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DurationCall {
        args = List.copyOf(args);
        if (args.size() != function.arity()) {
            throw new IllegalArgumentException(function.keyword() + " takes " + function.arity() + " arguments");
        }
    }
}
