package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.hpa.validation.HpaModel.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec} (autoscaling validation.go {@code validateHorizontalPodAutoscalerSpec}) in the server's order: replica
 * bounds, {@code scaleTargetRef}, {@code metrics}, {@code behavior}; with the create-time options of strategy.go
 * {@code validationOptionsForHorizontalPodAutoscaler}.
 */
final class SpecValidation {

    private static final FieldPath SPEC = FieldPath.of("spec");

    private SpecValidation() {
    }

    /**
     * The options of a create, by release.
     *
     * @param minReplicasLowerBound    0 with HPAScaleToZero on, else 1
     * @param scaleTargetRef           AllowEmptyAPIGroup only for a ReplicationController (the one scalable core
     *                                 kind); apiVersion not checked at all before the rule existed
     * @param objectMetrics            AllowEmptyAPIGroup always
     * @param maxReplicasRequiredForm  since 1.35 (declarative validation) a zero maxReplicas is Required and a
     *                                 negative one Invalid "must be greater than or equal to 1"; before, both were
     *                                 Invalid "must be greater than 0"
     */
    record Options(int minReplicasLowerBound, CrossVersionReferenceValidation.Options scaleTargetRef,
            CrossVersionReferenceValidation.Options objectMetrics, boolean maxReplicasRequiredForm) {

        static Options forCreate(Spec spec, ValidationOptions options) {
            KubernetesVersion v = options.kubernetesVersion();
            // ValidateAPIVersion on references is new in 1.34 or 1.35 (research §5.2); taken as 1.34
            boolean checkApiVersion = v.atLeast(1, 34);
            boolean replicationController = spec.scaleTargetRef().kind().equals("ReplicationController");
            return new Options(
                    options.enabled(FeatureGate.HPA_SCALE_TO_ZERO) ? 0 : 1,
                    new CrossVersionReferenceValidation.Options(replicationController, !checkApiVersion),
                    new CrossVersionReferenceValidation.Options(true, !checkApiVersion),
                    v.atLeast(1, 35));
        }
    }

    static List<FieldError> validate(Spec spec, Options opts) {
        List<FieldError> errs = new ArrayList<>();
        Integer min = spec.minReplicas();
        int max = spec.maxReplicas();
        if (min != null && min < opts.minReplicasLowerBound()) {
            errs.add(FieldError.invalid(SPEC.child("minReplicas"), new BadValue.GoInt(min),
                    "must be greater than or equal to " + opts.minReplicasLowerBound()));
        }
        FieldPath maxPath = SPEC.child("maxReplicas");
        if (opts.maxReplicasRequiredForm()) {
            if (max == 0) {
                errs.add(FieldError.required(maxPath, "must be set and greater than 0"));
            } else if (max < 0) {
                errs.add(FieldError.invalid(maxPath, new BadValue.GoInt(max), "must be greater than or equal to 1"));
            }
        } else if (max < 1) {
            errs.add(FieldError.invalid(maxPath, new BadValue.GoInt(max), "must be greater than 0"));
        }
        if (min != null && max < min) {
            errs.add(FieldError.invalid(maxPath, new BadValue.GoInt(max),
                    "must be greater than or equal to `minReplicas`"));
        }
        errs.addAll(CrossVersionReferenceValidation.validate(spec.scaleTargetRef(), SPEC.child("scaleTargetRef"),
                opts.scaleTargetRef()));
        errs.addAll(MetricsValidation.validate(spec.metrics(), SPEC.child("metrics"), min, opts.objectMetrics()));
        errs.addAll(BehaviorValidation.validate(spec.behavior(), SPEC.child("behavior")));
        return errs;
    }
}
