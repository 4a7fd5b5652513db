package dev.trafficengineer.rules.keda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The activation and target values of a ScaledObject's triggers, where both are known numbers. */
final class Activation {

    private Activation() {}

    /**
     * @param targetKey     the parameter holding the HPA target
     * @param target        its value (written or default)
     * @param activationKey the parameter holding the activation threshold
     * @param activation    its value, when written
     */
    record Pair(Trigger trigger, String targetKey, BigDecimal target, String activationKey, BigDecimal activation) {}

    static List<Pair> of(ScaledObjectView so) {
        List<Pair> out = new ArrayList<>();
        for (Trigger t : so.triggers()) {
            List<String> keys = Scalers.TARGET_AND_ACTIVATION.get(t.type());
            ScalerSpec spec = Scalers.get(t.type());
            if (keys == null || spec == null || !t.has(keys.get(1))) {
                continue;
            }
            BigDecimal activation = GoValues.number(t.value(keys.get(1)));
            String targetText = t.has(keys.get(0)) ? t.value(keys.get(0)) : spec.param(keys.get(0)).defaultValue();
            BigDecimal target = GoValues.number(targetText);
            if (activation != null && target != null) {
                out.add(new Pair(t, keys.get(0), target, keys.get(1), activation));
            }
        }
        return out;
    }
}
