package dev.trafficengineer.rules.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.RuleTester;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadHelpersTest {

    @Test
    void quantitiesReadLikeManifests() {
        assertThat(Quantities.format("cpu", new BigDecimal("0.5"))).isEqualTo("500m");
        assertThat(Quantities.format("cpu", new BigDecimal("2.000"))).isEqualTo("2");
        assertThat(Quantities.format("cpu", new BigDecimal("0.0005"))).isEqualTo("0.0005");
        assertThat(Quantities.format("memory", BigDecimal.valueOf(512L * 1024 * 1024))).isEqualTo("512Mi");
        assertThat(Quantities.format("memory", BigDecimal.valueOf(1536L * 1024 * 1024))).isEqualTo("1536Mi");
        assertThat(Quantities.format("memory", BigDecimal.valueOf(1000))).isEqualTo("1000");
    }

    @Test
    void labelSelectorsMatchAsApimachineryDoes() {
        Map<String, String> labels = Map.of("app", "web", "tier", "front");
        var tree = RuleTester.load("""
                apiVersion: v1
                kind: Probe
                metadata: {name: a}
                spec:
                  all: {}
                  labels: {matchLabels: {app: web}}
                  wrongLabel: {matchLabels: {app: db}}
                  in: {matchExpressions: [{key: tier, operator: In, values: [front, back]}]}
                  notIn: {matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}
                  exists: {matchExpressions: [{key: app, operator: Exists}]}
                  doesNotExist: {matchExpressions: [{key: app, operator: DoesNotExist}]}
                  unknownOperator: {matchExpressions: [{key: app, operator: Matches}]}
                """).objects().get(0).tree().path("spec");
        assertThat(LabelSelectors.matches(tree.path("all"), labels)).isTrue();
        assertThat(LabelSelectors.matches(tree.path("labels"), labels)).isTrue();
        assertThat(LabelSelectors.matches(tree.path("wrongLabel"), labels)).isFalse();
        assertThat(LabelSelectors.matches(tree.path("in"), labels)).isTrue();
        assertThat(LabelSelectors.matches(tree.path("notIn"), labels)).isFalse();
        assertThat(LabelSelectors.matches(tree.path("exists"), labels)).isTrue();
        assertThat(LabelSelectors.matches(tree.path("doesNotExist"), labels)).isFalse();
        assertThat(LabelSelectors.matches(tree.path("unknownOperator"), labels)).isFalse();
        assertThat(LabelSelectors.matches(tree.path("missing"), labels)).isFalse();
    }

    @Test
    void scaleTargetKinds() {
        assertThat(ScaleTargets.classify("Deployment")).isEqualTo(ScaleTargets.Kind.SCALABLE);
        assertThat(ScaleTargets.classify("DaemonSet")).isEqualTo(ScaleTargets.Kind.NOT_SCALABLE);
        assertThat(ScaleTargets.classify("Rollout")).isEqualTo(ScaleTargets.Kind.CUSTOM);
        assertThat(ScaleTargets.caseCorrected("statefulset")).contains("StatefulSet");
        assertThat(ScaleTargets.caseCorrected("StatefulSet")).isEmpty();
        assertThat(ScaleTargets.currentApiVersion("ReplicationController")).isEqualTo("v1");
    }
}
