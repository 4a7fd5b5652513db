package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** An HPA whose scale-up is switched off. */
public final class HpaScaleUpDisabled extends HpaBehaviorRule {

    public HpaScaleUpDisabled() {
        super(BehaviorProblem.Kind.SCALE_UP_DISABLED, """
                behavior:
                  scaleUp:
                    selectPolicy: Disabled""");
    }
}
