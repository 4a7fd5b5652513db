package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** A per-direction tolerance so wide that the HPA hardly reacts. */
public final class HpaToleranceInsensitive extends HpaBehaviorRule {

    public HpaToleranceInsensitive() {
        super(BehaviorProblem.Kind.TOLERANCE_INSENSITIVE, """
                behavior:
                  scaleDown:
                    tolerance: "1"   # no metric falls 100% below target: never scales down""");
    }
}
