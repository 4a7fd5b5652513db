package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.rules.behavior.BehaviorProblem;

/** Scale-up so slow (window or policies) that maxReplicas takes longer than a spike lasts. */
public final class HpaScaleUpSlow extends HpaBehaviorRule {

    public HpaScaleUpSlow() {
        super(BehaviorProblem.Kind.SCALE_UP_SLOW, """
                minReplicas: 2
                maxReplicas: 40
                behavior:
                  scaleUp:
                    stabilizationWindowSeconds: 300
                    policies:
                      - type: Pods
                        value: 1          # 285 s, then 38 pods at one a minute: 42 min
                        periodSeconds: 60""");
    }
}
