package dev.trafficengineer.promql;

import java.util.Objects;

/**
 * Why Prometheus rejects a query: upstream's message (without the {@code "1:5: parse error: "} prefix) and the range
 * it points at, in code points of the query ({@code end} exclusive). {@code kind} says whether the query failed to
 * parse or parsed but failed the static type check (upstream's {@code checkAST}).
 */
public record ParseError(String message, int start, int end, Kind kind) {

    public enum Kind {
        SYNTAX,
        TYPE
    }

    public ParseError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad error range " + start + ".." + end);
        }
    }

    public ParseError(String message, int start, int end) {
        this(message, start, end, Kind.SYNTAX);
    }
}
