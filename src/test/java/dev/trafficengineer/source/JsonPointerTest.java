package dev.trafficengineer.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPointerTest {

    @Test
    void escapesAndUnescapesTokens() {
        JsonPointer p = JsonPointer.of("metadata", "annotations", "traffic-engineer.dev/ignore");
        assertThat(p.value()).isEqualTo("/metadata/annotations/traffic-engineer.dev~1ignore");
        assertThat(p.tokens()).containsExactly("metadata", "annotations", "traffic-engineer.dev/ignore");
        assertThat(p.last()).isEqualTo("traffic-engineer.dev/ignore");
        assertThat(p.parent()).isEqualTo(JsonPointer.of("metadata", "annotations"));
    }

    @Test
    void parsesFieldPathsWithBracketsHoldingDots() {
        assertThat(JsonPointer.parse("spec.metrics[0].resource.target").value())
                .isEqualTo("/spec/metrics/0/resource/target");
        assertThat(JsonPointer.parse("metadata.labels[app.kubernetes.io/name]").tokens())
                .containsExactly("metadata", "labels", "app.kubernetes.io/name");
        assertThat(JsonPointer.parse("/a/b").value()).isEqualTo("/a/b");
    }

    @Test
    void printsFieldPathsInTheServersTerms() {
        assertThat(JsonPointer.parse("/spec/behavior/scaleUp/policies/0/periodSeconds").fieldPath())
                .isEqualTo("spec.behavior.scaleUp.policies[0].periodSeconds");
        assertThat(JsonPointer.of("metadata", "labels", "app.kubernetes.io/name").fieldPath())
                .isEqualTo("metadata.labels[app.kubernetes.io/name]");
        assertThat(JsonPointer.parse("metadata.labels[app.kubernetes.io/name]").fieldPath())
                .isEqualTo("metadata.labels[app.kubernetes.io/name]");
    }

    @Test
    void prefixes() {
        JsonPointer item = JsonPointer.parse("/items/3");
        assertThat(JsonPointer.parse("/kind").under(item).value()).isEqualTo("/items/3/kind");
        assertThat(JsonPointer.parse("/items/3/kind").startsWith(item)).isTrue();
        assertThat(JsonPointer.parse("/items/30").startsWith(item)).isFalse();
    }
}
