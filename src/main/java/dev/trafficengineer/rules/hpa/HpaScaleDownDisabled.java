package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** An HPA whose scale-down is switched off. */
public final class HpaScaleDownDisabled extends HpaBehaviorRule {

    public HpaScaleDownDisabled() {
        super(BehaviorProblem.Kind.SCALE_DOWN_DISABLED, """
                behavior:
                  scaleDown:
                    selectPolicy: Disabled""");
    }
}
