package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.rules.hpa.validation.HpaModel.Behavior;
import dev.trafficengineer.rules.hpa.validation.HpaModel.Hpa;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ObjectMeta;
import dev.trafficengineer.rules.hpa.validation.HpaModel.Spec;

/**
 * What a create does to the object between defaulting and validation (apiserver rest.BeforeCreate and the HPA
 * strategy's PrepareForCreate): generate a name from {@code generateName}, set the generation to 1 when HPAGeneration
 * is on, and drop {@code tolerance} when HPAConfigurableTolerance is off ({@code dropDisabledFields}), so that a
 * disabled field is ignored, not rejected.
 * Status is cleared as well, which the model reflects by not having one.
 */
final class CreatePreparation {

    /** names.SimpleNameGenerator: the prefix is cut to 58 bytes and 5 random characters follow. */
    static final int MAX_GENERATED_NAME_PREFIX = 58;
    /**
     * Stands in for the random suffix; every character the generator uses is a lowercase letter or digit, so the
     * validity of the result does not depend on which ones it picks.
     */
    static final String GENERATED_SUFFIX = "xxxxx";

    private CreatePreparation() {
    }

    static Hpa prepare(Hpa hpa, ValidationOptions options) {
        ObjectMeta m = hpa.metadata();
        if (m.name().isEmpty() && !m.generateName().isEmpty()) {
            String base = m.generateName();
            if (base.length() > MAX_GENERATED_NAME_PREFIX) {
                base = base.substring(0, MAX_GENERATED_NAME_PREFIX);
            }
            m = new ObjectMeta(base + GENERATED_SUFFIX, m.generateName(), m.namespace(), m.generation(), m.labels(),
                    m.annotations(), m.ownerReferences(), m.finalizers());
        }
        if (options.enabled(FeatureGate.HPA_GENERATION)) {
            // PrepareForCreate: newHPA.Generation = 1; before the gate the user's value is kept (and validated)
            m = new ObjectMeta(m.name(), m.generateName(), m.namespace(), 1, m.labels(), m.annotations(),
                    m.ownerReferences(), m.finalizers());
        }
        Spec s = hpa.spec();
        if (!options.enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE) && s.behavior() != null) {
            Behavior b = s.behavior();
            Behavior dropped = new Behavior(
                    b.scaleUp() == null ? null : b.scaleUp().withoutTolerance(),
                    b.scaleDown() == null ? null : b.scaleDown().withoutTolerance());
            s = new Spec(s.scaleTargetRef(), s.minReplicas(), s.maxReplicas(), s.metrics(), dropped);
        }
        return new Hpa(m, s);
    }
}
