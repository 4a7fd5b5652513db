package dev.trafficengineer.rules.behavior;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One direction of a behavior after the API server's defaulting, as the controller reads it.
 *
 * @param windowSeconds  the stabilization window the controller uses: as written, or its default (0 for scale-up,
 *                       the controller's --horizontal-pod-autoscaler-downscale-stabilization for scale-down)
 * @param windowWritten  whether the window was written (false: defaulted)
 * @param policiesWritten whether the policies were written (false: the default list)
 * @param tolerance      the tolerance as written, or null (the cluster-wide flag applies)
 * @param toleranceText  the tolerance as written, for messages
 */
public record ScalingRules(Direction direction, int windowSeconds, boolean windowWritten, SelectPolicy selectPolicy,
        List<Policy> policies, boolean policiesWritten, BigDecimal tolerance, String toleranceText) {

    /** How the controller combines policies: the most permissive (Max), the least (Min), or none at all. */
    public enum SelectPolicy { MAX, MIN, DISABLED }

    private static final Set<String> SELECT_POLICIES = Set.of("Max", "Min", "Disabled");

    public ScalingRules {
        policies = List.copyOf(policies);
    }

    /**
     * Reads defaulted rules ({@code defaulted}) next to the rules as written ({@code written}, possibly missing).
     * Empty when a value is one the API server rejects or cannot decode: the validation rules report those, and
     * the controller never sees them.
     */
    static Optional<ScalingRules> read(Direction d, JsonNode defaulted, JsonNode written, int downscaleWindowFlag) {
        if (defaulted == null || !defaulted.isObject()) {
            return Optional.empty();
        }
        JsonNode w = defaulted.get("stabilizationWindowSeconds");
        int window;
        boolean windowWritten = present(written, "stabilizationWindowSeconds");
        if (w == null || w.isNull()) {
            window = d == Direction.UP ? 0 : downscaleWindowFlag;
        } else if (w.isIntegralNumber() && w.canConvertToInt() && w.intValue() >= 0 && w.intValue() <= 3600) {
            window = w.intValue();
        } else {
            return Optional.empty();
        }
        JsonNode sp = defaulted.path("selectPolicy");
        if (!sp.isTextual() || !SELECT_POLICIES.contains(sp.asText())) {
            return Optional.empty();
        }
        SelectPolicy select = SelectPolicy.valueOf(sp.asText().toUpperCase(java.util.Locale.ROOT));
        JsonNode ps = defaulted.path("policies");
        if (!ps.isArray() || ps.isEmpty()) {
            return Optional.empty();
        }
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            Optional<Policy> p = policy(i, ps.get(i));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            policies.add(p.get());
        }
        BigDecimal tolerance = null;
        String toleranceText = null;
        JsonNode t = defaulted.get("tolerance");
        if (t != null && !t.isNull()) {
            if (!t.isValueNode()) {
                return Optional.empty();
            }
            Optional<Quantity> q = Quantity.tryParse(t.asText());
            if (q.isEmpty() || q.get().signum() < 0) {
                return Optional.empty();
            }
            tolerance = q.get().value();
            toleranceText = t.asText();
        }
        return Optional.of(new ScalingRules(d, window, windowWritten, select, policies,
                present(written, "policies"), tolerance, toleranceText));
    }

    private static boolean present(JsonNode written, String field) {
        return written != null && written.isObject() && written.has(field) && !written.get(field).isNull();
    }

    private static Optional<Policy> policy(int index, JsonNode p) {
        String type = p.path("type").asText("");
        JsonNode value = p.path("value");
        JsonNode period = p.path("periodSeconds");
        if (!type.equals("Pods") && !type.equals("Percent") || !isInt(value) || !isInt(period)
                || value.intValue() <= 0 || period.intValue() <= 0 || period.intValue() > 1800) {
            return Optional.empty();
        }
        return Optional.of(new Policy(index, type.equals("Pods") ? Policy.Type.PODS : Policy.Type.PERCENT,
                value.intValue(), period.intValue()));
    }

    private static boolean isInt(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToInt();
    }

    /** The longest policy period: how far back the controller looks at past scale events. */
    public int longestPeriod() {
        return policies.stream().mapToInt(Policy::periodSeconds).max().orElse(0);
    }

    /**
     * The limit the policies put on one reconcile, from {@code current} replicas, given the replicas added
     * ({@code upWithin}) and removed ({@code downWithin}) by scale events within each policy's period
     * (horizontal.go calculateScaleUpLimitWithScalingRules / calculateScaleDownLimitWithBehaviors). With
     * {@code Disabled} the limit is the current count.
     */
    public long limit(long current, java.util.function.IntToLongFunction upWithin,
            java.util.function.IntToLongFunction downWithin) {
        if (selectPolicy == SelectPolicy.DISABLED) {
            return current;
        }
        boolean up = direction == Direction.UP;
        // scale-up Max takes the highest proposal; scale-down Max takes the lowest (the largest change)
        boolean takeHighest = up == (selectPolicy == SelectPolicy.MAX);
        long acc = takeHighest ? Long.MIN_VALUE : Long.MAX_VALUE;
        for (Policy p : policies) {
            long start = current - upWithin.applyAsLong(p.periodSeconds()) + downWithin.applyAsLong(p.periodSeconds());
            long proposed = p.proposal(direction, start);
            acc = takeHighest ? Math.max(acc, proposed) : Math.min(acc, proposed);
        }
        return acc;
    }
}
