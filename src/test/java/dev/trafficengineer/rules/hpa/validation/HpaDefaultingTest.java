package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.Manifests.hpa;
import static dev.trafficengineer.rules.hpa.validation.Manifests.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.source.JsonPointer;
import org.junit.jupiter.api.Test;

/** autoscaling/v2 SetDefaults_HorizontalPodAutoscaler on the JSON tree. */
class HpaDefaultingTest {

    @Test
    void fillsMinReplicasAndTheCpuMetric() {
        JsonNode in = hpa("spec: {minReplicas: null}");
        HpaDefaulting.Result r = HpaDefaulting.apply(in);
        assertThat(r.object().at("/spec/minReplicas").intValue()).isEqualTo(1);
        assertThat(r.object().at("/spec/metrics")).isEqualTo(yaml(
                "[{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}]"));
        assertThat(r.defaulted()).containsExactly(JsonPointer.parse("/spec/minReplicas"),
                JsonPointer.parse("/spec/metrics"));
        assertThat(in.at("/spec/minReplicas").isMissingNode()).as("the input is not changed").isTrue();
    }

    @Test
    void leavesAnOmittedBehaviorAlone() {
        HpaDefaulting.Result r = HpaDefaulting.apply(hpa(""));
        assertThat(r.object().at("/spec/behavior").isMissingNode()).isTrue();
    }

    @Test
    void fillsAnEmptyBehaviorWithBothRuleSets() {
        HpaDefaulting.Result r = HpaDefaulting.apply(hpa("spec: {behavior: {}}"));
        assertThat(r.object().at("/spec/behavior")).isEqualTo(yaml("""
                scaleUp:
                  stabilizationWindowSeconds: 0
                  selectPolicy: Max
                  policies: [{type: Pods, value: 4, periodSeconds: 15}, {type: Percent, value: 100, periodSeconds: 15}]
                scaleDown:
                  selectPolicy: Max
                  policies: [{type: Percent, value: 100, periodSeconds: 15}]
                """));
        assertThat(r.wasDefaulted(JsonPointer.parse("/spec/behavior/scaleDown/policies/0"))).isTrue();
        assertThat(r.object().at("/spec/behavior/scaleDown/stabilizationWindowSeconds").isMissingNode())
                .as("the controller fills the scale-down window from its flag").isTrue();
    }

    @Test
    void fillsFieldByFieldAndKeepsUserPolicies() {
        HpaDefaulting.Result r = HpaDefaulting.apply(hpa(
                "spec: {behavior: {scaleDown: {stabilizationWindowSeconds: 60, policies: [{type: Pods, value: 1, periodSeconds: 60}]}}}"));
        JsonNode down = r.object().at("/spec/behavior/scaleDown");
        assertThat(down.get("stabilizationWindowSeconds").intValue()).isEqualTo(60);
        assertThat(down.get("selectPolicy").textValue()).isEqualTo("Max");
        assertThat(down.get("policies")).hasSize(1);
        assertThat(r.wasDefaulted(JsonPointer.parse("/spec/behavior/scaleDown/policies"))).isFalse();
        assertThat(r.wasDefaulted(JsonPointer.parse("/spec/behavior/scaleDown/selectPolicy"))).isTrue();
    }

    @Test
    void keepsAnExplicitEmptyPolicyListButReplacesAnEmptyMetricList() {
        HpaDefaulting.Result r = HpaDefaulting.apply(hpa("spec: {metrics: [], behavior: {scaleUp: {policies: []}}}"));
        assertThat(r.object().at("/spec/behavior/scaleUp/policies")).isEmpty();
        assertThat(r.object().at("/spec/metrics")).hasSize(1);
    }

    @Test
    void treatsExplicitNullsAsOmitted() {
        ObjectNode in = (ObjectNode) hpa("");
        ObjectNode spec = (ObjectNode) in.get("spec");
        spec.putNull("minReplicas");
        spec.putNull("metrics");
        spec.putObject("behavior").putNull("scaleUp").put("scaleDown", (String) null);
        JsonNode out = HpaDefaulting.apply(in).object();
        assertThat(out.at("/spec/minReplicas").intValue()).isEqualTo(1);
        assertThat(out.at("/spec/metrics")).hasSize(1);
        assertThat(out.at("/spec/behavior/scaleUp/policies")).hasSize(2);
        assertThat(out.at("/spec/behavior/scaleDown/policies")).hasSize(1);
        assertThat(HpaValidation.validate(in, ValidationOptions.defaults())).isEmpty();
    }

    @Test
    void defaultingIsWhatMakesOmittedFieldsPass() {
        // without defaulting this would miss minReplicas, metrics, selectPolicy and policies
        JsonNode minimal = yaml("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                  maxReplicas: 3
                  behavior: {scaleUp: {stabilizationWindowSeconds: 30}, scaleDown: {}}
                """);
        assertThat(HpaValidation.validate(minimal, ValidationOptions.defaults())).isEmpty();
    }
}
