package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.ValueType;

/**
 * The PromQL front door: parse and type-check a query the way a Prometheus 3.14 server does.
 *
 * <pre>{@code
 * switch on PromQL.parse("sum(rate(http_requests_total[5m]))", ParseOptions.DEFAULT):
 *   Parsed(expr, type)  -> use the tree
 *   Failed(error)       -> error.message(), error.start(), error.end() (code points)
 * }</pre>
 */
public final class PromQL {

    private PromQL() {}

    public static ParseResult parse(String query, ParseOptions options) {
        Tokens tokens = Lexer.lex(query);
        try {
            Expr expr = Parser.parse(tokens, options);
            ValueType type = TypeChecker.check(expr, tokens);
            return new ParseResult.Parsed(expr, type);
        } catch (ParseFailure f) {
            return new ParseResult.Failed(f.error);
        }
    }

    /** {@link #parse(String, ParseOptions)} with the server defaults. */
    public static ParseResult parse(String query) {
        return parse(query, ParseOptions.DEFAULT);
    }
}
