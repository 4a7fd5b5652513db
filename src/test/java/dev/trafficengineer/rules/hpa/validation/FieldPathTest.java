package dev.trafficengineer.rules.hpa.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.source.JsonPointer;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void spellsTheServersPathAndThePointerTogether() {
        FieldPath p = FieldPath.of("spec", "metrics").index(0).child("resource").child("target");
        assertThat(p.text()).isEqualTo("spec.metrics[0].resource.target");
        assertThat(p.pointer()).isEqualTo(JsonPointer.parse("/spec/metrics/0/resource/target"));
    }

    @Test
    void mapKeysAreBracketedBareAndEscapedInThePointer() {
        FieldPath p = FieldPath.of("metadata", "labels").key("app.kubernetes.io/name");
        assertThat(p.text()).isEqualTo("metadata.labels[app.kubernetes.io/name]");
        assertThat(p.pointer().value()).isEqualTo("/metadata/labels/app.kubernetes.io~1name");
    }

    @Test
    void renderFollowsErrorBody() {
        FieldPath p = FieldPath.of("spec", "minReplicas");
        assertThat(FieldError.invalid(p, new BadValue.GoInt(0), "must be greater than or equal to 1").render())
                .isEqualTo("spec.minReplicas: Invalid value: 0: must be greater than or equal to 1");
        assertThat(FieldError.invalid(p, new BadValue.GoString("a\"b"), "x").render())
                .isEqualTo("spec.minReplicas: Invalid value: \"a\\\"b\": x");
        assertThat(FieldError.invalid(p, BadValue.namedString("<x>"), "x").render())
                .as("named string types are JSON-encoded, HTML-escaped")
                .isEqualTo("spec.minReplicas: Invalid value: \"\\u003cx\\u003e\": x");
        assertThat(FieldError.required(p, "").render()).isEqualTo("spec.minReplicas: Required value");
        assertThat(FieldError.forbidden(p, "no").render()).isEqualTo("spec.minReplicas: Forbidden: no");
        assertThat(FieldError.tooLong(p, 1).render()).isEqualTo("spec.minReplicas: Too long: may not be more than 1 byte");
    }
}
