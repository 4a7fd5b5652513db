package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** Scale-down that follows every dip: no stabilization window and policies that remove most pods at once. */
public final class HpaScaleDownUnstabilized extends HpaBehaviorRule {

    public HpaScaleDownUnstabilized() {
        super(BehaviorProblem.Kind.SCALE_DOWN_UNSTABILIZED, """
                behavior:
                  scaleDown:
                    stabilizationWindowSeconds: 0   # every quiet sample scales down
                    policies:
                      - type: Percent
                        value: 100
                        periodSeconds: 15""");
    }
}
