package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The propose contract end to end: JSON in, one metric's proposal out, and its input errors. */
class ProposeCodecTest {

    private static final String CPU_50 = """
        "metric": {"type": "Resource", "resource": "cpu", "target": {"type": "Utilization", \
        "averageUtilization": 50}}""";

    private static String pod(String name, String usage) {
        return "{\"name\": \"" + name + "\", \"requests\": {\"app\": \"1\"}, \"usage\": {\"app\": \"" + usage
                + "\"}}";
    }

    @Test
    void utilizationTarget() {
        String in = "{\"currentReplicas\": 3, " + CPU_50 + ", \"pods\": [" + pod("a", "800m") + ", "
                + pod("b", "800m") + ", " + pod("c", "800m") + "]}";
        assertThat(ProposeCodec.run(in)).isEqualTo(new ProposeCodec.Result("{\"replicas\":5,\"utilization\":80}",
                true));
    }

    @Test
    void toleranceIsConfigurable() {
        String in = "{\"currentReplicas\": 3, \"tolerance\": 0.7, " + CPU_50 + ", \"pods\": [" + pod("a", "800m")
                + ", " + pod("b", "800m") + ", " + pod("c", "800m") + "]}";
        assertThat(ProposeCodec.run(in).json()).isEqualTo("{\"replicas\":3,\"utilization\":80}");
        String perDirection = in.replace("\"tolerance\": 0.7", "\"tolerance\": {\"scaleDown\": \"0.7\"}");
        assertThat(ProposeCodec.run(perDirection).json()).isEqualTo("{\"replicas\":5,\"utilization\":80}");
    }

    @Test
    void cpuReadinessFromPodTimes() {
        // the third pod became ready 10 s ago inside its initialization period: its sample is not yet trusted
        String fresh = "{\"name\": \"c\", \"startSecondsAgo\": 40, \"readyTransitionSecondsAgo\": 10, "
                + "\"requests\": {\"app\": \"1\"}, \"usage\": {\"app\": \"1\"}}";
        String in = "{\"currentReplicas\": 3, " + CPU_50 + ", \"pods\": [" + pod("a", "800m") + ", "
                + pod("b", "800m") + ", " + fresh + "]}";
        // ready pods alone are at 80%; counting the fresh pod as idle gives 1600m / 3000m = 53%, within tolerance
        assertThat(ProposeCodec.run(in).json()).isEqualTo("{\"replicas\":3,\"utilization\":80}");
        String trusted = in.replace("\"readyTransitionSecondsAgo\": 10", "\"readyTransitionSecondsAgo\": 10")
                .replace("{\"currentReplicas\": 3,", "{\"currentReplicas\": 3, \"metricWindowSeconds\": 5,");
        assertThat(ProposeCodec.run(trusted).json()).isEqualTo("{\"replicas\":6,\"utilization\":86}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        raw cpu average | {"currentReplicas": 2, "metric": {"type": "Resource", "resource": "cpu", "target": \
        {"type": "AverageValue", "averageValue": "400m"}}, "pods": [{"requests": {"app": "1"}, "usage": \
        {"app": "800m"}}, {"requests": {"app": "1"}, "usage": {"app": "800m"}}]} | {"replicas":4,"usage":"800m"}
        a container's share only | {"currentReplicas": 2, "metric": {"type": "ContainerResource", \
        "resource": "cpu", "container": "app", "target": {"type": "Utilization", "averageUtilization": 50}}, \
        "pods": [{"requests": {"app": "1", "sidecar": "1"}, "usage": {"app": "1", "sidecar": "0"}}]} \
        | {"replicas":2,"utilization":100}
        all containers of the pod | {"currentReplicas": 2, "metric": {"type": "Resource", "resource": "cpu", \
        "target": {"type": "Utilization", "averageUtilization": 50}}, "pods": [{"requests": {"app": "1", \
        "sidecar": "1"}, "usage": {"app": "1", "sidecar": "0"}}]} | {"replicas":2,"utilization":50}
        external AverageValue: queue 20, target 5 | {"currentReplicas": 1, "metric": {"type": "External", \
        "name": "queue", "target": {"type": "AverageValue", "averageValue": "5"}}, "metricValues": ["20"]} \
        | {"replicas":4,"usage":"20"}
        external Value: 3 replicas, 20 against 5 | {"currentReplicas": 3, "metric": {"type": "External", \
        "target": {"type": "Value", "value": 5}}, "metricValues": [12, "8"]} | {"replicas":12,"usage":"20"}
        object Value counts ready pods | {"currentReplicas": 3, "metric": {"type": "Object", "target": \
        {"type": "Value", "value": "10"}}, "metricValues": ["15"], "pods": [{}, {}, {"ready": false}]} \
        | {"replicas":3,"usage":"15"}
        object AverageValue per pod | {"currentReplicas": 3, "metric": {"type": "Object", "target": \
        {"type": "AverageValue", "averageValue": "1"}}, "metricValues": ["6"]} | {"replicas":6,"usage":"2"}
        pods metric from values | {"currentReplicas": 2, "metric": {"type": "Pods", "name": "rps", "target": \
        {"type": "AverageValue", "averageValue": "10"}}, "metricValues": ["30", "31"]} \
        | {"replicas":7,"usage":"30500m"}
        pods metric from pods with a missing sample | {"currentReplicas": 3, "metric": {"type": "Pods", "target": \
        {"type": "AverageValue", "averageValue": "10"}}, "pods": [{"value": "30"}, {"value": "30"}, {}]} \
        | {"replicas":6,"usage":"30"}
        the manifest form of a metric | {"currentReplicas": 1, "metric": {"type": "External", "external": \
        {"metric": {"name": "lag"}, "target": {"type": "AverageValue", "averageValue": "100"}}}, \
        "metricValues": ["1k"]} | {"replicas":10,"usage":"1k"}
        no ready pods | {"currentReplicas": 2, "metric": {"type": "Resource", "resource": "cpu", "target": \
        {"type": "Utilization", "averageUtilization": 50}}, "pods": [{"phase": "Pending", "requests": {"app": "1"}, \
        "usage": {"app": "1"}}]} | {"error":"did not receive metrics for targeted pods (pods might be unready)"}
        a missing request | {"currentReplicas": 1, "metric": {"type": "Resource", "resource": "cpu", "target": \
        {"type": "Utilization", "averageUtilization": 50}}, "pods": [{"name": "web-0", "requests": {"app": "1"}, \
        "usage": {"app": "1", "proxy": "1"}}]} | {"error":"missing request for cpu in container proxy of Pod web-0"}
        """)
    void proposes(String name, String input, String output) {
        assertThat(ProposeCodec.run(input).json()).isEqualTo(output);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"currentReplicas": 1, "metric": {"type": "Resource", "resource": "cpu", "target": {"type": \
        "Utilization", "averageUtilization": 50}}} | missing field `pods`: a Resource metric is computed from each \
        pod's usage and requests
        {"currentReplicas": 1} | missing field `metric`
        {"currentReplicas": 1, "metric": {"type": "external", "target": {}}} \
        | `metric.type` must be one of Resource, ContainerResource, Pods, Object, External; got "external"
        {"currentReplicas": 1, "metric": {"type": "External", "target": {"type": "AverageValue"}}, \
        "metricValues": [1]} | missing field `metric.target.averageValue` for a AverageValue target
        {"currentReplicas": 1, "metric": {"type": "External", "target": {"type": "Value", "value": "5x"}}, \
        "metricValues": [1]} | `metric.target.value`: "5x" is not a Kubernetes quantity (expected a number with an \
        optional suffix, e.g. 500m, 2, 1.5Gi, 1e3)
        {"currentReplicas": 1, "metric": {"type": "External", "target": {"type": "Value", "value": 5}}} \
        | missing field `metricValues`: the External metric's values
        {"currentReplicas": 1, "metric": {"type": "Pods", "target": {"type": "Utilization", \
        "averageUtilization": 5}}, "metricValues": [1]} | `metric.target.type` Utilization applies only to \
        Resource and ContainerResource metrics
        {"currentReplicas": 1, "metric": {"type": "Resource", "resource": "cpu", "target": {"type": \
        "Utilization", "averageUtilization": 50}}, "pods": [{"phase": "running"}]} \
        | `pods[0].phase` must be one of Pending, Running, Succeeded, Failed, Unknown; got "running"
        """)
    void namesTheBadField(String input, String message) {
        assertThatThrownBy(() -> ProposeCodec.run(input))
                .isInstanceOf(SimulationInputException.class)
                .hasMessage(message);
    }
}
