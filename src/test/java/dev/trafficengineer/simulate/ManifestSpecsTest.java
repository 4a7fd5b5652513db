package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.kube.Quantity;
import org.junit.jupiter.api.Test;

/** From manifest specs to the simulator's records. */
class ManifestSpecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAnHpaSpec() throws Exception {
        HpaSpec hpa = ManifestSpecs.hpa(JSON.readTree("""
            {"maxReplicas": 10, "metrics": [
              {"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization",
                "averageUtilization": 60}}},
              {"type": "External", "external": {"metric": {"name": "queue"}, "target": {"type": "AverageValue",
                "averageValue": "30"}}}],
             "behavior": {"scaleDown": {"stabilizationWindowSeconds": 60}}}
            """));
        assertThat(hpa.minReplicas()).isNull();
        assertThat(hpa.effectiveMinReplicas()).isEqualTo(1);
        assertThat(hpa.metrics()).containsExactly(MetricSpec.resource("cpu", MetricTarget.utilization(60)),
                MetricSpec.external("queue", MetricTarget.averageValue(Quantity.valueOf("30"))));
        assertThat(hpa.behavior().scaleDown().stabilizationWindowSeconds()).isEqualTo(60);
        assertThat(hpa.behavior().scaleUp()).isNull();
        assertThat(ManifestSpecs.hpa(JSON.readTree("{\"maxReplicas\": 3}")).metrics())
                .as("no metrics defaults to CPU at 80%")
                .containsExactly(MetricSpec.resource("cpu", MetricTarget.utilization(80)));
    }

    @Test
    void readsAScaledObjectSpec() throws Exception {
        ScaledObjectSpec so = ManifestSpecs.scaledObject(JSON.readTree("""
            {"minReplicaCount": 0, "maxReplicaCount": 20, "cooldownPeriod": 120,
             "fallback": {"failureThreshold": 3, "replicas": 6},
             "advanced": {"horizontalPodAutoscalerConfig": {"behavior": {"scaleUp": {"selectPolicy": "Min"}}}},
             "triggers": [
               {"type": "kafka", "metadata": {"bootstrapServers": "k:9092", "consumerGroup": "g",
                 "activationLagThreshold": "5"}},
               {"type": "prometheus", "metricType": "Value", "metadata": {"threshold": "2.5"}},
               {"type": "cpu", "metricType": "Utilization", "metadata": {"value": "70"}}]}
            """));
        assertThat(so.cooldownPeriodSeconds()).isEqualTo(120);
        assertThat(so.pollingIntervalSeconds()).isEqualTo(30);
        assertThat(so.fallback()).isEqualTo(new ScaledObjectSpec.Fallback(3, 6, FallbackBehavior.STATIC));
        assertThat(so.behavior().scaleUp().selectPolicy()).isEqualTo(SelectPolicy.MIN);
        assertThat(so.triggers()).containsExactly(
                new KedaTrigger("kafka", null, MetricTargetType.AVERAGE_VALUE, Quantity.valueOf("10"), null, 5, null),
                new KedaTrigger("prometheus", null, MetricTargetType.VALUE, Quantity.valueOf("2.5"), null, 0, null),
                KedaTrigger.utilization("cpu", 70));
        assertThat(Keda.generatedHpa(so).metrics()).extracting(MetricSpec::name)
                .containsExactly("s0-kafka", "s1-prometheus", "cpu");
    }

    @Test
    void namesWhatIsMissing() throws Exception {
        assertThatThrownBy(() -> ManifestSpecs.scaledObject(JSON.readTree(
                "{\"triggers\": [{\"type\": \"prometheus\", \"metadata\": {\"query\": \"up\"}}]}")))
                .hasMessage("missing field `spec.triggers[0].metadata.threshold`: the prometheus scaler's target");
        assertThatThrownBy(() -> ManifestSpecs.scaledObject(JSON.readTree(
                "{\"triggers\": [{\"type\": \"cpu\", \"metadata\": {\"value\": \"50\"}}]}")))
                .hasMessage("`spec.triggers[0].metricType` of a cpu trigger must be Utilization or AverageValue;"
                        + " got nothing");
        assertThatThrownBy(() -> ManifestSpecs.hpa(JSON.readTree("{\"minReplicas\": 1}")))
                .hasMessage("missing field `spec.maxReplicas`");
    }
}
