package dev.trafficengineer.rules.keda;

import java.util.ArrayList;
import java.util.List;

/**
 * One parameter of a scaler, as its typed config declares it ([K] pkg/scalers/*_scaler.go struct tags; the
 * generated schema/generated/scalers-schema.yaml lists the same names, sources and defaults).
 *
 * @param order        where KEDA looks, first non-empty wins
 * @param defaultValue the default, or null
 * @param allowed      the values an enum parameter takes (comma lists are checked element-wise), or empty
 * @param role         what the value means for scaling
 * @param removed      the error KEDA reports when the parameter is set, for removed parameters; else null
 * @param mustBePositive the scaler's own error for a value that is not above zero, or null to use the HPA's
 */
record Param(String name, List<Source> order, Type type, boolean required, String defaultValue,
        List<String> allowed, Role role, String removed, String mustBePositive) {

    /** Where a value can come from, named as KEDA's error messages name them. */
    enum Source {
        METADATA("triggerMetadata"), AUTH("authParams"), ENV("resolvedEnv");

        final String goName;

        Source(String goName) {
            this.goName = goName;
        }
    }

    enum Type { STRING, INT64, FLOAT64, BOOL, DURATION, MAP, PARSE_INT }

    enum Role {
        OTHER,
        /** The HPA target: the HPA API rejects a target that is zero or negative. */
        TARGET,
        /** The value the metric must exceed for KEDA to activate from zero. */
        ACTIVATION
    }

    boolean readsMetadata() {
        return order.contains(Source.METADATA);
    }

    /** KEDA's missing-parameter error: {@code missing required parameter "x" in [triggerMetadata]}. */
    String missingMessage() {
        StringBuilder s = new StringBuilder("missing required parameter \"" + name + "\" in [");
        for (int i = 0; i < order.size(); i++) {
            s.append(i == 0 ? "" : " ").append(order.get(i).goName);
        }
        return s.append(']').toString();
    }

    static Builder of(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final List<Source> order = new ArrayList<>(List.of(Source.METADATA));
        private Type type = Type.STRING;
        private boolean required;
        private String defaultValue;
        private List<String> allowed = List.of();
        private Role role = Role.OTHER;
        private String removed;
        private String mustBePositive;

        private Builder(String name) {
            this.name = name;
        }

        Builder auth() {
            order.add(Source.AUTH);
            return this;
        }

        Builder env() {
            order.add(Source.ENV);
            return this;
        }

        /** Only from the TriggerAuthentication (credentials and TLS material). */
        Builder authOnly() {
            order.clear();
            order.add(Source.AUTH);
            return this;
        }

        /** From the TriggerAuthentication or the target's environment, never from metadata. */
        Builder authOrEnv() {
            order.clear();
            order.add(Source.AUTH);
            order.add(Source.ENV);
            return this;
        }

        Builder required() {
            required = true;
            return this;
        }

        Builder def(String value) {
            defaultValue = value;
            return this;
        }

        Builder i64() {
            type = Type.INT64;
            return this;
        }

        Builder f64() {
            type = Type.FLOAT64;
            return this;
        }

        Builder bool() {
            type = Type.BOOL;
            return this;
        }

        Builder duration() {
            type = Type.DURATION;
            return this;
        }

        Builder map() {
            type = Type.MAP;
            return this;
        }

        Builder parseInt() {
            type = Type.PARSE_INT;
            return this;
        }

        Builder oneOf(String... values) {
            allowed = List.of(values);
            return this;
        }

        Builder target() {
            role = Role.TARGET;
            return this;
        }

        Builder target(String scalerMessage) {
            role = Role.TARGET;
            mustBePositive = scalerMessage;
            return this;
        }

        Builder activation() {
            role = Role.ACTIVATION;
            return this;
        }

        Builder removed(String message) {
            removed = message;
            return this;
        }

        Param build() {
            return new Param(name, List.copyOf(order), type, required, defaultValue, allowed, role, removed,
                    mustBePositive);
        }
    }
}
