package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.rules.hpa.validation.HpaModel.Behavior;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ScalingPolicy;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ScalingRules;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec.behavior} (autoscaling validation.go {@code validateBehavior}, {@code validateScalingRules},
 * {@code validateScalingPolicy}): scale-up first, then scale-down. There is no upper bound on a policy's value (a
 * Percent above 100 is legal) nor on the tolerance.
 */
final class BehaviorValidation {

    /** validation.go MaxStabilizationWindowSeconds. */
    static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
    /** validation.go MaxPeriodSeconds. */
    static final int MAX_PERIOD_SECONDS = 1800;

    private static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min"); // sorted, as Go lists them
    private static final List<String> POLICY_TYPES = List.of("Percent", "Pods");

    private BehaviorValidation() {
    }

    static List<FieldError> validate(Behavior behavior, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (behavior != null) {
            errs.addAll(rules(behavior.scaleUp(), path.child("scaleUp")));
            errs.addAll(rules(behavior.scaleDown(), path.child("scaleDown")));
        }
        return errs;
    }

    private static List<FieldError> rules(ScalingRules rules, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (rules == null) {
            return errs;
        }
        Integer window = rules.stabilizationWindowSeconds();
        FieldPath windowPath = path.child("stabilizationWindowSeconds");
        if (window != null && window < 0) {
            errs.add(FieldError.invalid(windowPath, BadValue.intPointer(window), "must be greater than or equal to zero"));
        }
        if (window != null && window > MAX_STABILIZATION_WINDOW_SECONDS) {
            errs.add(FieldError.invalid(windowPath, BadValue.intPointer(window),
                    "must be less than or equal to " + MAX_STABILIZATION_WINDOW_SECONDS));
        }
        if (rules.selectPolicy() != null && !SELECT_POLICIES.contains(rules.selectPolicy())) {
            errs.add(FieldError.notSupported(path.child("selectPolicy"), BadValue.namedString(rules.selectPolicy()),
                    SELECT_POLICIES));
        }
        FieldPath policiesPath = path.child("policies");
        List<ScalingPolicy> policies = rules.policies() == null ? List.of() : rules.policies();
        if (policies.isEmpty()) {
            errs.add(FieldError.required(policiesPath, "must specify at least one Policy"));
        }
        for (int i = 0; i < policies.size(); i++) {
            errs.addAll(policy(policies.get(i), policiesPath.index(i)));
        }
        if (rules.tolerance() != null && rules.tolerance().signum() < 0) {
            // core validation ValidateNonnegativeQuantity reports the quantity's String(), a plain Go string
            errs.add(FieldError.invalid(path.child("tolerance"), new BadValue.GoString(rules.tolerance().toString()),
                    "must be greater than or equal to 0"));
        }
        return errs;
    }

    private static List<FieldError> policy(ScalingPolicy policy, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (!POLICY_TYPES.contains(policy.type())) {
            errs.add(FieldError.notSupported(path.child("type"), BadValue.namedString(policy.type()), POLICY_TYPES));
        }
        if (policy.value() <= 0) {
            errs.add(FieldError.invalid(path.child("value"), new BadValue.GoInt(policy.value()),
                    "must be greater than zero"));
        }
        FieldPath period = path.child("periodSeconds");
        if (policy.periodSeconds() <= 0) {
            errs.add(FieldError.invalid(period, new BadValue.GoInt(policy.periodSeconds()), "must be greater than zero"));
        }
        if (policy.periodSeconds() > MAX_PERIOD_SECONDS) {
            errs.add(FieldError.invalid(period, new BadValue.GoInt(policy.periodSeconds()),
                    "must be less than or equal to " + MAX_PERIOD_SECONDS));
        }
        return errs;
    }
}
