package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decide contract end to end: JSON in, {"desiredReplicas", "reason"} out, and its input errors. */
class DecideCodecTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        legacy: at most max(2 × current, 4) | {"currentReplicas": 3, "desiredReplicas": 10, "maxReplicas": 10} \
        | {"desiredReplicas":6,"reason":"ScaleUpLimit"}
        null behavior is the legacy path | {"currentReplicas": 3, "desiredReplicas": 10, "maxReplicas": 10, \
        "behavior": null} | {"desiredReplicas":6,"reason":"ScaleUpLimit"}
        empty behavior gets the API defaults | {"currentReplicas": 3, "desiredReplicas": 10, "maxReplicas": 10, \
        "behavior": {}} | {"desiredReplicas":7,"reason":"ScaleUpLimit"}
        omitted minReplicas is 1 | {"currentReplicas": 3, "desiredReplicas": 0, "maxReplicas": 10} \
        | {"desiredReplicas":1,"reason":"TooFewReplicas"}
        legacy stabilization keeps the highest recent recommendation | {"currentReplicas": 5, \
        "desiredReplicas": 2, "maxReplicas": 10, "recommendations": [{"replicas": 5, "secondsAgo": 60}]} \
        | {"desiredReplicas":5,"reason":"DesiredWithinRange"}
        a recommendation older than the window is out | {"currentReplicas": 5, "desiredReplicas": 2, \
        "maxReplicas": 10, "recommendations": [{"replicas": 5, "secondsAgo": 300.5}]} \
        | {"desiredReplicas":2,"reason":"DesiredWithinRange"}
        the controller flag sets the legacy window | {"currentReplicas": 5, "desiredReplicas": 2, \
        "maxReplicas": 10, "recommendations": [{"replicas": 5, "secondsAgo": 60}], "controller": \
        {"downscaleStabilizationSeconds": 30}} | {"desiredReplicas":2,"reason":"DesiredWithinRange"}
        scale events use up a policy's budget | {"currentReplicas": 8, "desiredReplicas": 12, "maxReplicas": 20, \
        "behavior": {"scaleUp": {"policies": [{"type": "Pods", "value": 4, "periodSeconds": 60}]}}, \
        "scaleUpEvents": [{"replicaChange": 4, "secondsAgo": 30}]} | {"desiredReplicas":8,"reason":"ScaleUpLimit"}
        scale-down limited by Percent | {"currentReplicas": 10, "desiredReplicas": 1, "minReplicas": 1, \
        "maxReplicas": 20, "behavior": {"scaleDown": {"stabilizationWindowSeconds": 0, "policies": \
        [{"type": "Percent", "value": 50, "periodSeconds": 60}]}}} | {"desiredReplicas":5,"reason":"ScaleDownLimit"}
        scale-down Disabled | {"currentReplicas": 10, "desiredReplicas": 1, "maxReplicas": 20, "behavior": \
        {"scaleDown": {"selectPolicy": "Disabled"}}} | {"desiredReplicas":10,"reason":"ScaleDownLimit"}
        behavior stabilization with a scale-up window | {"currentReplicas": 4, "desiredReplicas": 9, \
        "maxReplicas": 20, "behavior": {"scaleUp": {"stabilizationWindowSeconds": 120}}, "recommendations": \
        [{"replicas": 6, "secondsAgo": 60}]} | {"desiredReplicas":6,"reason":"DesiredWithinRange"}
        max below the rate limit | {"currentReplicas": 3, "desiredReplicas": 20, "minReplicas": 1, \
        "maxReplicas": 5, "behavior": {}} | {"desiredReplicas":5,"reason":"TooManyReplicas"}
        """)
    void decides(String name, String input, String output) {
        assertThat(DecideCodec.run(input)).isEqualTo(output);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"desiredReplicas": 3, "maxReplicas": 5} | missing field `currentReplicas`
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": "5"} \
        | `maxReplicas` must be an integer, got the string "5"
        {"currentReplicas": 3.5, "desiredReplicas": 3, "maxReplicas": 5} \
        | `currentReplicas` must be an integer, got the number 3.5
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": 5, "behavior": {"scaleUp": {"policies": \
        [{"type": "pods", "value": 1, "periodSeconds": 15}]}}} \
        | `behavior.scaleUp.policies[0].type` must be one of Pods, Percent; got "pods"
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": 5, "behavior": {"scaleDown": \
        {"selectPolicy": "max"}}} | `behavior.scaleDown.selectPolicy` must be one of Max, Min, Disabled; got "max"
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": 5, "behavior": {"scaleUp": {"policies": \
        [{"type": "Pods", "periodSeconds": 15}]}}} | missing field `behavior.scaleUp.policies[0].value`
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": 5, "scaleUpEvents": [{"replicaChange": 1, \
        "secondsAgo": -5}]} | `scaleUpEvents[0].secondsAgo` must not be negative, got -5
        {"currentReplicas": 3, "desiredReplicas": 3, "maxReplicas": 5, "recommendations": {}} \
        | `recommendations` must be a list, got an object
        {"currentReplicas": 3, "desiredReplicas": -1, "maxReplicas": 5} | `desiredReplicas` must not be negative, got -1
        [1, 2] | expected one JSON object, got a list
        '' | expected one JSON object, got no input
        """)
    void namesTheBadField(String input, String message) {
        assertThatThrownBy(() -> DecideCodec.run(input))
                .isInstanceOf(SimulationInputException.class)
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void reportsWhereTheJsonBreaks() {
        assertThatThrownBy(() -> DecideCodec.run("{\"currentReplicas\": 3,\n \"desiredReplicas\" 4}"))
                .isInstanceOf(SimulationInputException.class)
                .hasMessageStartingWith("input is not valid JSON: ")
                .hasMessageEndingWith("at line 2 column 20");
    }
}
