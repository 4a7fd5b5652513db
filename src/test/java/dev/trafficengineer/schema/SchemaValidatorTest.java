package dev.trafficengineer.schema;

import static dev.trafficengineer.schema.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidatorTest {

    /** One instance for the class, as the review uses it: schemas are built once. */
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    private static List<SchemaViolation> validate(String yamlText) {
        JsonNode object = yaml(yamlText);
        return VALIDATOR.validate(object.get("apiVersion").asText(), object.get("kind").asText(), object);
    }

    /** The one violation the object has; fails when it has none or several. */
    private static SchemaViolation onlyViolation(String yamlText) {
        List<SchemaViolation> violations = validate(yamlText);
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    private static SchemaViolation violation(String pointer, boolean atKey, String keyword, String message) {
        return new SchemaViolation(new JsonPointer(pointer), atKey, keyword, message);
    }

    static Stream<Arguments> validObjects() {
        return Stream.of(
                Arguments.of("HorizontalPodAutoscaler", Examples.hpa(1, false)),
                Arguments.of("Deployment", Examples.deployment(1)),
                Arguments.of("StatefulSet", Examples.STATEFUL_SET),
                Arguments.of("PodDisruptionBudget", Examples.POD_DISRUPTION_BUDGET),
                Arguments.of("ScaledObject", Examples.scaledObject(1, false)),
                Arguments.of("ScaledJob", Examples.SCALED_JOB),
                Arguments.of("TriggerAuthentication", Examples.TRIGGER_AUTHENTICATION),
                Arguments.of("ClusterTriggerAuthentication", Examples.CLUSTER_TRIGGER_AUTHENTICATION),
                Arguments.of("VerticalPodAutoscaler", Examples.VERTICAL_POD_AUTOSCALER));
    }

    @ParameterizedTest(name = "a valid {0} passes")
    @MethodSource("validObjects")
    void validObjectsPass(String kind, String manifest) {
        assertThat(yaml(manifest).get("kind").asText()).isEqualTo(kind);
        assertThat(validate(manifest)).isEmpty();
    }

    @Test
    void knowsTheGeneratedKindsOnly() {
        assertThat(VALIDATOR.knows("autoscaling/v2", "HorizontalPodAutoscaler")).isTrue();
        assertThat(VALIDATOR.knows("keda.sh/v1alpha1", "ClusterTriggerAuthentication")).isTrue();
        assertThat(VALIDATOR.knows("autoscaling.k8s.io/v1", "VerticalPodAutoscaler")).isTrue();
        assertThat(VALIDATOR.knows("autoscaling/v2beta2", "HorizontalPodAutoscaler")).isFalse();
        assertThat(VALIDATOR.knows("v1", "Secret")).isFalse();
        assertThatThrownBy(() -> VALIDATOR.validate("v1", "Secret", yaml("kind: Secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v1 Secret");
    }

    @Nested
    class HorizontalPodAutoscaler {

        @Test
        void stringWhereAnIntegerBelongs() {
            assertThat(onlyViolation(Examples.hpa(1, true))).isEqualTo(violation("/spec/maxReplicas", false, "type",
                    "spec.maxReplicas must be an integer, got the string \"10\""));
        }

        @Test
        void missingRequiredFieldPointsAtTheKey() {
            String manifest = Examples.hpa(1, false).replace(", name: web-1}", "}");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/scaleTargetRef/name", true, "required",
                    "spec.scaleTargetRef.name is required"));
        }

        @Test
        void belowTheMinimum() {
            String manifest = Examples.hpa(1, false).replace("minReplicas: 2", "minReplicas: 0");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/minReplicas", false, "minimum",
                    "spec.minReplicas must be at least 1, got 0"));
        }

        @Test
        void enumViolationListsTheAllowedValuesAndTheLikelyOne() {
            String manifest = Examples.hpa(1, false).replace("selectPolicy: Max", "selectPolicy: max");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/behavior/scaleUp/selectPolicy", false,
                    "enum", "spec.behavior.scaleUp.selectPolicy must be one of \"Disabled\", \"Max\", \"Min\","
                            + " got the string \"max\"; did you mean \"Max\"?"));
        }

        @Test
        void aWrongTypeIsReportedOnceNotAlsoAsAnEnumViolation() {
            String manifest = Examples.hpa(1, false).replace("selectPolicy: Max", "selectPolicy: 3");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/behavior/scaleUp/selectPolicy", false,
                    "type", "spec.behavior.scaleUp.selectPolicy must be a string, got the number 3; quote it: \"3\""));
        }

        @Test
        void mistakesInsideListsNameTheirIndex() {
            String manifest = Examples.hpa(1, false)
                    .replace("{type: Percent, value: 50, periodSeconds: 60}",
                            "{type: Percent, value: 50, periodSeconds: 3600}")
                    .replace("target: {type: AverageValue, averageValue: 100}",
                            "target: {type: averageValue, averageValue: 100}");
            assertThat(validate(manifest)).containsExactly(
                    violation("/spec/behavior/scaleDown/policies/0/periodSeconds", false, "maximum",
                            "spec.behavior.scaleDown.policies[0].periodSeconds must be at most 1800, got 3600"),
                    violation("/spec/metrics/1/pods/target/type", false, "enum",
                            "spec.metrics[1].pods.target.type must be one of \"AverageValue\", \"Utilization\","
                                    + " \"Value\", got the string \"averageValue\"; did you mean \"AverageValue\"?"));
        }

        @Test
        void unknownFieldAtTheTopNamesTheKind() {
            String manifest = Examples.hpa(1, false).replace("spec:", "specs: {}\nspec:");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/specs", true, "additionalProperties",
                    "HorizontalPodAutoscaler has no field \"specs\"; did you mean \"spec\"?"));
        }

        @Test
        void toleranceIsAcceptedAsANumberOrAQuantityString() {
            assertThat(validate(Examples.hpa(1, false).replace("tolerance: 0.05", "tolerance: 50m"))).isEmpty();
            assertThat(validate(Examples.hpa(1, false).replace("tolerance: 0.05", "tolerance: '0.05'"))).isEmpty();
            assertThat(onlyViolation(Examples.hpa(1, false).replace("tolerance: 0.05", "tolerance: 5 percent")))
                    .isEqualTo(violation("/spec/behavior/scaleUp/tolerance", false, "pattern",
                            "spec.behavior.scaleUp.tolerance must be a quantity such as \"500m\", \"1.5\" or \"2Gi\","
                                    + " got the string \"5 percent\""));
        }

        @Test
        void aQuantityOfTheWrongTypeSaysWhatAQuantityIs() {
            String manifest = Examples.hpa(1, false).replace("averageValue: 100", "averageValue: [100]");
            assertThat(onlyViolation(manifest).message()).isEqualTo("spec.metrics[1].pods.target.averageValue must be"
                    + " a quantity (a number, or a string such as \"500m\" or \"1.5Gi\"), got a list");
        }

        @Test
        void nullFieldsCountAsAbsentAsForTheApiServer() {
            assertThat(validate(Examples.hpa(1, false).replace("minReplicas: 2", "minReplicas:"))).isEmpty();
            String noTarget = Examples.hpa(1, false)
                    .replace("scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web-1}", "scaleTargetRef:");
            assertThat(onlyViolation(noTarget)).isEqualTo(violation("/spec/scaleTargetRef", true, "required",
                    "spec.scaleTargetRef is required"));
        }

        @Test
        void labelsAndAnnotationsAreMapsNotClosedObjects() {
            String manifest = Examples.hpa(1, false)
                    .replace("team: checkout}", "team: checkout, example.com/anything-goes: x, replicas: \"3\"}");
            assertThat(validate(manifest)).isEmpty();
            assertThat(onlyViolation(Examples.hpa(1, false).replace("team: checkout", "tier: 1")))
                    .isEqualTo(violation("/metadata/labels/tier", false, "type",
                            "metadata.labels.tier must be a string, got the number 1; quote it: \"1\""));
        }

        @Test
        void statusAcceptsFieldsNewerThanTheSnapshotButChecksKnownOnes() {
            String status = "status:\n  currentReplicas: 3\n  desiredReplicas: 3\n  scaledToZero: false\n";
            assertThat(validate(Examples.hpa(1, false) + status)).isEmpty();
            assertThat(onlyViolation(Examples.hpa(1, false) + status.replace("desiredReplicas: 3", "desiredReplicas: x")))
                    .isEqualTo(violation("/status/desiredReplicas", false, "type",
                            "status.desiredReplicas must be an integer, got the string \"x\""));
        }

        @Test
        void longValuesAreNotEchoed() {
            String longText = "x".repeat(60);
            String manifest = Examples.hpa(1, false).replace("maxReplicas: 10", "maxReplicas: " + longText);
            assertThat(onlyViolation(manifest).message())
                    .isEqualTo("spec.maxReplicas must be an integer, got a string of 60 characters")
                    .doesNotContain(longText);
        }
    }

    @Nested
    class Keda {

        @Test
        void misspeltFieldInATriggerIsOneViolationWithASuggestion() {
            assertThat(onlyViolation(Examples.scaledObject(1, true))).isEqualTo(violation(
                    "/spec/triggers/0/metdata", true, "additionalProperties",
                    "spec.triggers[0] has no field \"metdata\"; did you mean \"metadata\"?"));
        }

        @Test
        void hpaNamesInAScaledObjectPointToKedasNames() {
            String manifest = Examples.scaledObject(1, false).replace("maxReplicaCount: 20", "maxReplicas: 20");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/maxReplicas", true,
                    "additionalProperties", "spec has no field \"maxReplicas\"; did you mean \"maxReplicaCount\"?"));
        }

        @Test
        void releasePatchLimitsTheStabilizationWindow() {
            String manifest = Examples.scaledObject(1, false)
                    .replace("stabilizationWindowSeconds: 300", "stabilizationWindowSeconds: 3601");
            assertThat(onlyViolation(manifest)).isEqualTo(violation(
                    "/spec/advanced/horizontalPodAutoscalerConfig/behavior/scaleDown/stabilizationWindowSeconds",
                    false, "maximum", "spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown"
                            + ".stabilizationWindowSeconds must be at most 3600, got 3601"));
        }

        @Test
        void releasePatchRemovesMetricTypeFromScaledJobTriggersOnly() {
            String withMetricType = "  - type: rabbitmq\n    metricType: AverageValue\n";
            assertThat(onlyViolation(Examples.SCALED_JOB.replace("  - type: rabbitmq\n", withMetricType)))
                    .isEqualTo(violation("/spec/triggers/0/metricType", true, "additionalProperties",
                            "spec.triggers[0] has no field \"metricType\"; its fields are authenticationRef, metadata,"
                                    + " name, type, useCachedMetrics"));
            String scaledObject = Examples.scaledObject(1, false)
                    .replace("  - type: prometheus\n", "  - type: prometheus\n    metricType: AverageValue\n");
            assertThat(validate(scaledObject)).isEmpty();
        }

        @Test
        void triggerMetadataValuesMustBeStrings() {
            String manifest = Examples.scaledObject(1, false).replace("threshold: \"50\"", "threshold: 50");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/triggers/0/metadata/threshold", false,
                    "type", "spec.triggers[0].metadata.threshold must be a string, got the number 50;"
                            + " quote it: \"50\""));
        }

        @Test
        void credentialValuesAreNeverEchoed() {
            String manifest = Examples.scaledObject(1, false)
                    .replace("threshold: \"50\"", "threshold: \"50\"\n      password: 123456789");
            SchemaViolation v = onlyViolation(manifest);
            assertThat(v.message()).isEqualTo("spec.triggers[0].metadata.password must be a string, got a number")
                    .doesNotContain("123456789");
            String vault = """
                    apiVersion: keda.sh/v1alpha1
                    kind: TriggerAuthentication
                    metadata: {name: vault}
                    spec:
                      hashiCorpVault:
                        address: https://vault:8200
                        authentication: token
                        credential: {token: 987654321}
                        secrets: [{parameter: password, key: pw, path: secret/data/db}]
                    """;
            assertThat(onlyViolation(vault).message())
                    .isEqualTo("spec.hashiCorpVault.credential.token must be a string, got a number");
        }

        @Test
        void requiredTriggersListMustNotBeEmpty() {
            String manifest = Examples.scaledObject(1, false).replaceAll("(?s)  triggers:.*", "  triggers: []\n");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/triggers", false, "minItems",
                    "spec.triggers must not be an empty list"));
        }

        @Test
        void customResourceMetadataIsCheckedAsObjectMeta() {
            String manifest = Examples.scaledObject(1, false).replace("namespace: shop}", "namespace: shop, lables: {}}");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/metadata/lables", true, "additionalProperties",
                    "metadata has no field \"lables\"; did you mean \"labels\"?"));
        }
    }

    @Nested
    class WorkloadsAndOthers {

        @Test
        void intOrStringNamesBothForms() {
            String manifest = Examples.deployment(1).replace("maxSurge: 25%", "maxSurge: true");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/strategy/rollingUpdate/maxSurge", false,
                    "type", "spec.strategy.rollingUpdate.maxSurge must be an integer or a string (such as 1 or"
                            + " \"25%\"), got true"));
            String pdb = Examples.POD_DISRUPTION_BUDGET.replace("minAvailable: 50%", "minAvailable: 1.5");
            assertThat(onlyViolation(pdb).message()).isEqualTo(
                    "spec.minAvailable must be an integer or a string (such as 1 or \"25%\"), got the number 1.5");
        }

        @Test
        void podTemplatesAcceptFieldsNewerThanTheSnapshotButWorkloadSpecsAreClosed() {
            String manifest = Examples.deployment(1).replace("replicas: 3", "replica: 3");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/replica", true, "additionalProperties",
                    "spec has no field \"replica\"; did you mean \"replicas\"?"));
        }

        @Test
        void podTemplateTypesAreStillChecked() {
            String manifest = Examples.deployment(1).replace("containerPort: 8080", "containerPort: \"8080\"");
            assertThat(onlyViolation(manifest)).isEqualTo(violation(
                    "/spec/template/spec/containers/0/ports/0/containerPort", false, "type",
                    "spec.template.spec.containers[0].ports[0].containerPort must be an integer,"
                            + " got the string \"8080\""));
        }

        @Test
        void environmentVariableValuesAreNotEchoed() {
            String manifest = Examples.deployment(1).replace("value: info", "value: 31337");
            assertThat(onlyViolation(manifest).message()).isEqualTo(
                    "spec.template.spec.containers[0].env[0].value must be a string, got a number");
        }

        @Test
        void pdbEvictionPolicyIsAnEnum() {
            String manifest = Examples.POD_DISRUPTION_BUDGET.replace("AlwaysAllow", "Always");
            assertThat(onlyViolation(manifest).message()).isEqualTo("spec.unhealthyPodEvictionPolicy must be one of"
                    + " \"AlwaysAllow\", \"IfHealthyBudget\", got the string \"Always\"");
        }

        @Test
        void unquotedOffIsABooleanInYaml() {
            String manifest = Examples.VERTICAL_POD_AUTOSCALER.replace("updateMode: \"Off\"", "updateMode: Off");
            assertThat(onlyViolation(manifest)).isEqualTo(violation("/spec/updatePolicy/updateMode", false, "type",
                    "spec.updatePolicy.updateMode must be a string, got false; YAML reads unquoted yes, no, on, off,"
                            + " true and false as booleans, so quote the text"));
        }

        @Test
        void crdQuantitiesAreIntegersOrStringsAsTheCrdSays() {
            String manifest = Examples.VERTICAL_POD_AUTOSCALER.replace("cpu: 100m", "cpu: 0.5");
            assertThat(onlyViolation(manifest)).isEqualTo(violation(
                    "/spec/resourcePolicy/containerPolicies/0/minAllowed/cpu", false, "type",
                    "spec.resourcePolicy.containerPolicies[0].minAllowed.cpu must be a quantity (an integer, or a"
                            + " string such as \"500m\" or \"1.5Gi\"), got the number 0.5; write it as a string:"
                            + " \"0.5\""));
            assertThat(validate(Examples.VERTICAL_POD_AUTOSCALER.replace("cpu: 100m", "cpu: 1"))).isEmpty();
        }
    }

    @Test
    void violationsComeOrderedByPointer() {
        String manifest = Examples.hpa(1, true).replace("minReplicas: 2", "minReplicas: 0")
                .replace("selectPolicy: Max", "selectPolicy: max");
        List<SchemaViolation> violations = validate(manifest);
        assertThat(violations).extracting(v -> v.pointer().value()).containsExactly(
                "/spec/behavior/scaleUp/selectPolicy", "/spec/maxReplicas", "/spec/minReplicas");
    }

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        String broken = Examples.scaledObject(7, true);
        List<SchemaViolation> expected = validate(broken);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SchemaViolation>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> validate(broken)));
            }
            for (Future<List<SchemaViolation>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
