package dev.trafficengineer.promql.ast;

import java.util.List;
import java.util.Objects;

/**
 * A function's signature, as in upstream's {@code promql/parser/functions.go}. {@code variadic} follows upstream: 0
 * means exactly {@code argTypes.size()} arguments; otherwise the last listed argument is optional, and up to
 * {@code variadic} more of the last type may follow ({@code -1}: any number).
 */
public record FunctionSignature(
        String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {

    public FunctionSignature {
        Objects.requireNonNull(name, "name");
        argTypes = List.copyOf(argTypes);
        Objects.requireNonNull(returnType, "returnType");
    }

    public int minArgs() {
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
    }

    /** The most arguments allowed, or -1 for no limit. */
    public int maxArgs() {
        if (variadic == 0) {
            return argTypes.size();
        }
        return variadic < 0 ? -1 : argTypes.size() - 1 + variadic;
    }

    /** The type expected of argument {@code i}; arguments past the list take the last type. */
    public ValueType argType(int i) {
        return argTypes.get(Math.min(i, argTypes.size() - 1));
    }
}
