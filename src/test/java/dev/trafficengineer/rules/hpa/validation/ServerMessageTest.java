package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.Manifests.hpa;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The response message as kubectl prints it. */
class ServerMessageTest {

    @Test
    void oneErrorPrintsBare() {
        var errors = HpaValidation.validate(hpa("spec: {maxReplicas: 1}"), ValidationOptions.defaults());
        assertThat(ServerMessage.of("web", errors)).isEqualTo("HorizontalPodAutoscaler.autoscaling \"web\" is "
                + "invalid: spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`");
    }

    @Test
    void severalErrorsPrintInBracketsWithRepeatsDropped() {
        var errors = HpaValidation.validate(hpa("spec: {metrics: [{type: Foo}], maxReplicas: 1}"),
                ValidationOptions.defaults());
        assertThat(errors).hasSize(3); // the NotSupported on type is reported twice
        assertThat(ServerMessage.of("web", errors)).isEqualTo("HorizontalPodAutoscaler.autoscaling \"web\" is "
                + "invalid: [spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`, "
                + "spec.metrics[0].type: Unsupported value: \"Foo\": supported values: \"ContainerResource\", "
                + "\"External\", \"Object\", \"Pods\", \"Resource\"]");
    }

    @Test
    void unknownFieldsAreJoinedIntoOneStrictDecodingError() {
        var errors = HpaValidation.validate(hpa("spec: {a: 1, b: 2}"), ValidationOptions.defaults());
        assertThat(ServerMessage.of("web", errors)).isEqualTo("HorizontalPodAutoscaler in version \"v2\" cannot be "
                + "handled as a HorizontalPodAutoscaler: strict decoding error: unknown field \"spec.a\", unknown "
                + "field \"spec.b\"");
    }

    @Test
    void acceptedObjectsHaveNoMessage() {
        assertThat(ServerMessage.of("web", HpaValidation.validate(hpa(""), ValidationOptions.defaults()))).isEmpty();
    }
}
