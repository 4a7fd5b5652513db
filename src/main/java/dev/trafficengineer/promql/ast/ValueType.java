package dev.trafficengineer.promql.ast;

/** The four types a PromQL expression can have ({@code promql/parser/value.go}). */
public enum ValueType {
    SCALAR("scalar", "scalar"),
    STRING("string", "string"),
    INSTANT_VECTOR("instant vector", "vector"),
    RANGE_VECTOR("range vector", "matrix");

    private final String documentedName;
    private final String apiName;

    ValueType(String documentedName, String apiName) {
        this.documentedName = documentedName;
        this.apiName = apiName;
    }

    /** The name Prometheus's error messages and docs use: {@code instant vector}, {@code range vector}, ... */
    public String documentedName() {
        return documentedName;
    }

    /** The name of the HTTP API's {@code resultType} and of Go's {@code ValueType.String()}: {@code vector}, ... */
    public String apiName() {
        return apiName;
    }

    /** Parses a documented name as functions.json spells it. */
    public static ValueType ofDocumentedName(String name) {
        for (ValueType t : values()) {
            if (t.documentedName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown value type: " + name);
    }
}
