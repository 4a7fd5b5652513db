package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors come in the server's emission order, with the pointer of the field each is about. */
class ErrorOrderTest {

    @Test
    void metadataThenReplicasThenTargetThenMetricsThenScaleUpThenScaleDown() {
        JsonNode hpa = yaml("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: Web}
                spec:
                  behavior:
                    scaleDown: {stabilizationWindowSeconds: -5}
                    scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 0}]}
                  metrics:
                  - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}}
                  - {type: Pods}
                  scaleTargetRef: {name: web}
                  minReplicas: 3
                  maxReplicas: 2
                """);
        List<FieldError> errors = HpaValidation.validate(hpa, ValidationOptions.defaults());
        assertThat(errors).extracting(FieldError::field).containsExactly(
                "metadata.name",
                "spec.maxReplicas",
                "spec.scaleTargetRef.kind",
                "spec.scaleTargetRef.apiVersion",
                "spec.metrics[0].resource.target.averageUtilization",
                "spec.metrics[1].pods",
                "spec.behavior.scaleUp.policies[0].periodSeconds",
                "spec.behavior.scaleDown.stabilizationWindowSeconds");
        assertThat(errors).extracting(FieldError::type).containsExactly(ErrorType.INVALID, ErrorType.INVALID,
                ErrorType.REQUIRED, ErrorType.INVALID, ErrorType.INVALID, ErrorType.REQUIRED, ErrorType.INVALID,
                ErrorType.INVALID);
        assertThat(errors).extracting(FieldError::pointer).containsExactly(
                JsonPointer.parse("/metadata/name"),
                JsonPointer.parse("/spec/maxReplicas"),
                JsonPointer.parse("/spec/scaleTargetRef/kind"),
                JsonPointer.parse("/spec/scaleTargetRef/apiVersion"),
                JsonPointer.parse("/spec/metrics/0/resource/target/averageUtilization"),
                JsonPointer.parse("/spec/metrics/1/pods"),
                JsonPointer.parse("/spec/behavior/scaleUp/policies/0/periodSeconds"),
                JsonPointer.parse("/spec/behavior/scaleDown/stabilizationWindowSeconds"));
    }

    @Test
    void theBriefsExamplesRenderLikeTheServer() {
        JsonNode hpa = Manifests.hpa("""
                spec:
                  scaleTargetRef: {kind: null}
                  metrics: [{type: Foo}]
                  behavior: {scaleUp: {policies: [{type: Pods, value: 1, periodSeconds: 0}]}}
                """);
        assertThat(HpaValidation.validate(hpa, ValidationOptions.defaults())).extracting(FieldError::render)
                .containsExactly(
                        "spec.scaleTargetRef.kind: Required value",
                        "spec.metrics[0].type: Unsupported value: \"Foo\": supported values: \"ContainerResource\", "
                                + "\"External\", \"Object\", \"Pods\", \"Resource\"",
                        "spec.metrics[0].type: Unsupported value: \"Foo\": supported values: \"ContainerResource\", "
                                + "\"External\", \"Object\", \"Pods\", \"Resource\"",
                        "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero");
    }

    @Test
    void aDecodeFailureIsTheWholeAnswer() {
        // a type mismatch hides every validation error the object also has
        JsonNode hpa = Manifests.hpa("metadata: {name: Web}\nspec: {maxReplicas: \"ten\", minReplicas: 0}");
        List<FieldError> errors = HpaValidation.validate(hpa, ValidationOptions.defaults());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).type()).isEqualTo(ErrorType.DECODE);
        assertThat(errors.get(0).field()).isEqualTo("spec.maxReplicas");
        assertThat(errors.get(0).pointer()).isEqualTo(JsonPointer.parse("/spec/maxReplicas"));
    }

    @Test
    void unknownFieldsAreAllReportedInKeyOrder() {
        JsonNode hpa = Manifests.hpa("spec: {zeta: 1, alpha: 2}\nmetadata: {labelz: {}}");
        assertThat(HpaValidation.validate(hpa, ValidationOptions.defaults())).extracting(FieldError::field)
                .containsExactly("metadata.labelz", "spec.alpha", "spec.zeta");
    }

    @Test
    void explicitNullsDecodeLikeOmittedFields() {
        ObjectNode hpa = (ObjectNode) Manifests.hpa("");
        ((ObjectNode) hpa.get("metadata")).putNull("creationTimestamp").putNull("labels");
        ((ObjectNode) hpa.get("spec")).putNull("behavior");
        hpa.putNull("status");
        assertThat(HpaValidation.validate(hpa, ValidationOptions.defaults())).isEmpty();
    }

    @Test
    void aRootThatIsNotAnObject() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        assertThat(HpaValidation.validate(list, ValidationOptions.defaults())).extracting(FieldError::render)
                .containsExactly(FieldError.DECODE_PREFIX
                        + "json: cannot unmarshal array into Go value of type v2.HorizontalPodAutoscaler");
    }

    @Test
    void nanCannotEvenBeSent() {
        ObjectNode hpa = (ObjectNode) Manifests.hpa("");
        ((ObjectNode) hpa.get("spec")).put("maxReplicas", Double.NaN);
        assertThat(HpaValidation.validate(hpa, ValidationOptions.defaults())).extracting(FieldError::detail)
                .containsExactly("json: unsupported value: NaN");
    }
}
