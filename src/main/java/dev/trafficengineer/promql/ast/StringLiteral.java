package dev.trafficengineer.promql.ast;

/** A string literal, its escapes already resolved. */
public record StringLiteral(String value, PositionRange position) implements Expr {

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
