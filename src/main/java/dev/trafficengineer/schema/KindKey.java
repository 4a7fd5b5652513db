package dev.trafficengineer.schema;

/** An apiVersion and kind, the key a schema is found by. */
record KindKey(String apiVersion, String kind) {

    @Override
    public String toString() {
        return apiVersion + " " + kind;
    }
}
