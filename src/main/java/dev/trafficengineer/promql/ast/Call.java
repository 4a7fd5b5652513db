package dev.trafficengineer.promql.ast;

import java.util.List;

/** A function call. */
public record Call(FunctionSignature function, List<Expr> args, PositionRange position) implements Expr {

    public Call {
        args = List.copyOf(args);
    }

    public String name() {
        return function.name();
    }

    @Override
    public ValueType type() {
        return function.returnType();
    }
}
