package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** A tolerance the API server of the target release drops. */
public final class HpaToleranceIgnored extends HpaBehaviorRule {

    public HpaToleranceIgnored() {
        super(BehaviorProblem.Kind.TOLERANCE_IGNORED, """
                # --kubernetes-version 1.34: HPAConfigurableTolerance is off
                behavior:
                  scaleUp:
                    tolerance: "0.05"\n""");
    }
}
