package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.Manifests.hpa;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.KubernetesVersion;
import org.junit.jupiter.api.Test;

/** Which rules and gate defaults apply at which Kubernetes release. */
class VersionsAndGatesTest {

    private static ValidationOptions forVersion(String version) {
        return ValidationOptions.forVersion(KubernetesVersion.parse(version));
    }

    @Test
    void configurableToleranceIsAlphaIn133AndBetaIn135() {
        assertThat(forVersion("1.32").enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isFalse();
        assertThat(forVersion("1.33").enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isFalse();
        assertThat(forVersion("1.34").enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isFalse();
        assertThat(forVersion("1.35").enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isTrue();
        assertThat(forVersion("1.36").enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isTrue();
        // a gate the release does not have cannot be turned on
        assertThat(forVersion("1.32")
                .withFeatureGate(FeatureGate.HPA_CONFIGURABLE_TOLERANCE, true)
                .enabled(FeatureGate.HPA_CONFIGURABLE_TOLERANCE)).isFalse();
    }

    @Test
    void scaleToZeroIsOffByDefaultEverywhere() {
        assertThat(forVersion("1.16").enabled(FeatureGate.HPA_SCALE_TO_ZERO)).isFalse();
        assertThat(forVersion("1.35").enabled(FeatureGate.HPA_SCALE_TO_ZERO)).isFalse();
        assertThat(ValidationOptions.defaults().withFeatureGate(FeatureGate.HPA_SCALE_TO_ZERO, true)
                .enabled(FeatureGate.HPA_SCALE_TO_ZERO)).isTrue();
        assertThat(FeatureGate.byName("HPAScaleToZero")).isEqualTo(FeatureGate.HPA_SCALE_TO_ZERO);
    }

    @Test
    void aNegativeToleranceFailsWhereTheGateIsOnAndIsIgnoredWhereItIsOff() {
        JsonNode negative = hpa("spec: {behavior: {scaleUp: {tolerance: \"-1\"}}}");
        assertThat(HpaValidation.validate(negative, forVersion("1.35")))
                .extracting(FieldError::field).containsExactly("spec.behavior.scaleUp.tolerance");
        assertThat(HpaValidation.validate(negative, forVersion("1.33"))).isEmpty();
    }

    @Test
    void minReplicasZeroDependsOnTheGateNotOnTheVersion() {
        JsonNode zero = hpa("""
                spec:
                  minReplicas: 0
                  metrics: [{type: External, external: {metric: {name: q}, target: {type: Value, value: 5}}}]
                """);
        assertThat(HpaValidation.validate(zero, forVersion("1.30")))
                .extracting(FieldError::field).containsExactly("spec.minReplicas");
        assertThat(HpaValidation.validate(zero, forVersion("1.35")))
                .extracting(FieldError::field).containsExactly("spec.minReplicas");
        assertThat(HpaValidation.validate(zero,
                forVersion("1.30").withFeatureGate(FeatureGate.HPA_SCALE_TO_ZERO, true))).isEmpty();
    }

    @Test
    void aNegativeGenerationFailsUntilHpaGenerationResetsItOnCreate() {
        JsonNode negative = hpa("metadata: {generation: -1}");
        assertThat(HpaValidation.validate(negative, forVersion("1.35")))
                .extracting(FieldError::field).containsExactly("metadata.generation");
        // HPAGeneration (beta and on from 1.37): PrepareForCreate sets the generation to 1
        assertThat(forVersion("1.36").enabled(FeatureGate.HPA_GENERATION)).isFalse();
        assertThat(forVersion("1.37").enabled(FeatureGate.HPA_GENERATION)).isTrue();
        assertThat(HpaValidation.validate(negative, forVersion("1.37"))).isEmpty();
        assertThat(HpaValidation.validate(negative,
                forVersion("1.37").withFeatureGate(FeatureGate.HPA_GENERATION, false)))
                .extracting(FieldError::field).containsExactly("metadata.generation");
    }

    @Test
    void maxReplicasZeroIsRequiredFrom135AndInvalidBefore() {
        JsonNode zero = hpa("spec: {maxReplicas: 0, minReplicas: null}");
        assertThat(HpaValidation.validate(zero, forVersion("1.35"))).extracting(FieldError::type)
                .containsExactly(ErrorType.REQUIRED, ErrorType.INVALID);
        assertThat(HpaValidation.validate(zero, forVersion("1.30"))).extracting(FieldError::type)
                .containsExactly(ErrorType.INVALID, ErrorType.INVALID);
    }

    @Test
    void targetApiVersionIsCheckedFrom134() {
        JsonNode noApiVersion = hpa("spec: {scaleTargetRef: {apiVersion: null}}");
        assertThat(HpaValidation.validate(noApiVersion, forVersion("1.34")))
                .extracting(FieldError::field).containsExactly("spec.scaleTargetRef.apiVersion");
        assertThat(HpaValidation.validate(noApiVersion, forVersion("1.33"))).isEmpty();
    }

    @Test
    void selectionStrategyIsNotAFieldOfAnyRelease() {
        // KEP-5325 (HPASelectionStrategy) did not ship: v1.35 has no such gate nor field, so strict decoding
        // rejects it and --validate=false drops it
        JsonNode withStrategy = hpa("spec: {selectionStrategy: LabelSelector}");
        for (String version : new String[] {"1.34", "1.35"}) {
            assertThat(HpaValidation.validate(withStrategy, forVersion(version))).extracting(FieldError::render)
                    .containsExactly("HorizontalPodAutoscaler in version \"v2\" cannot be handled as a "
                            + "HorizontalPodAutoscaler: strict decoding error: unknown field \"spec.selectionStrategy\"");
            assertThat(HpaValidation.validate(withStrategy, forVersion(version).withStrictFieldValidation(false)))
                    .isEmpty();
        }
    }
}
