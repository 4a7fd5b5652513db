package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** A scaling policy that another policy with the same period always overrides. */
public final class HpaPolicyNeverBinds extends HpaBehaviorRule {

    public HpaPolicyNeverBinds() {
        super(BehaviorProblem.Kind.POLICY_NEVER_BINDS, """
                behavior:
                  scaleUp:
                    selectPolicy: Max
                    policies:
                      - type: Percent
                        value: 100
                        periodSeconds: 15
                      - type: Pods        # meant as a cap, but Max picks the 100% policy
                        value: 1
                        periodSeconds: 15""");
    }
}
