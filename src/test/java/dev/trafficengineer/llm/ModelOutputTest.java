package dev.trafficengineer.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.manifest.ManifestLoader;
import org.junit.jupiter.api.Test;

class ModelOutputTest {

    @Test
    void keepsAutoscalersDropsTheRestAndRemovesSuppressions() {
        String yaml = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web
                  annotations:
                    traffic-engineer.dev/ignore: all
                    team: shop
                spec: {maxReplicas: 3}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                data: {password: eA==}
                """;
        ModelOutput.Sanitized s = ModelOutput.sanitize(yaml, new ManifestLoader("default"));
        assertThat(s.yaml()).contains("kind: HorizontalPodAutoscaler").contains("team: shop")
                .doesNotContain("traffic-engineer.dev/ignore").doesNotContain("kind: Deployment")
                .doesNotContain("eA==");
        assertThat(s.notes()).hasSize(3);
        assertThat(s.notes().get(0)).contains("was removed: findings are fixed, not silenced");
        assertThat(s.notes().get(1)).contains("Deployment (web); it was left out");
        assertThat(s.notes().get(2)).contains("Secret with values (s); it was dropped");
    }

    @Test
    void brokenDocumentsAreKeptForTheReviewToReport() {
        ModelOutput.Sanitized s = ModelOutput.sanitize("kind: [broken\n", new ManifestLoader("default"));
        assertThat(s.yaml()).isEqualTo("kind: [broken\n");
        assertThat(s.notes()).isEmpty();
    }
}
