package dev.trafficengineer.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A mistake that a specific rule and the generic schema rule both see is reported once, by the specific rule. */
class SupersessionTest {

    private static String scaledObject(String annotations, String spec) {
        return """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: checkout
                  namespace: shop
                """ + annotations + """
                spec:
                  scaleTargetRef:
                    name: checkout
                """ + spec + """
                  triggers:
                    - type: prometheus
                      metadata:
                        serverAddress: http://prometheus.monitoring:9090
                        query: sum(rate(http_requests_total{service="checkout"}[2m]))
                        threshold: 50
                """;
    }

    private static List<Finding> at(String yaml, String pointer) {
        return RuleTester.review(yaml).findings().stream().filter(f -> f.pointer().value().equals(pointer)).toList();
    }

    @Test
    void anUnquotedMetadataNumberIsReportedOnceWithTheQuotingFix() {
        List<Finding> f = at(scaledObject("", ""), "/spec/triggers/0/metadata/threshold");
        assertThat(f).extracting(Finding::ruleId).containsExactly("keda/admission-metadata-not-string");
        assertThat(f.get(0).fix()).isNotNull();
    }

    @Test
    void otherSchemaFindingsOfTheSameObjectStay() {
        List<Finding> f = RuleTester.review(scaledObject("", "  maxReplicaCount: \"10\"\n")).findings();
        assertThat(f).extracting(x -> x.ruleId(), x -> x.pointer().value()).contains(
                tuple("schema/invalid", "/spec/maxReplicaCount"),
                tuple("keda/admission-metadata-not-string", "/spec/triggers/0/metadata/threshold"))
                .doesNotContain(tuple("schema/invalid", "/spec/triggers/0/metadata/threshold"));
    }

    @Test
    void silencingTheSpecificRuleBringsTheSchemaFindingBack() {
        String ignored = "  annotations:\n    traffic-engineer.dev/ignore: keda/admission-metadata-not-string\n";
        assertThat(at(scaledObject(ignored, ""), "/spec/triggers/0/metadata/threshold"))
                .extracting(Finding::ruleId).containsExactly("schema/invalid");
    }

    @Test
    void aRuleThatDeclaresNothingHidesNothingAtTheSamePointer() {
        // keda/paused notes the annotation; the API server still rejects its boolean value
        String paused = "  annotations:\n    autoscaling.keda.sh/paused: true\n";
        assertThat(at(scaledObject(paused, ""), "/metadata/annotations/autoscaling.keda.sh~1paused"))
                .extracting(Finding::ruleId).containsExactlyInAnyOrder("keda/paused", "schema/invalid");
    }
}
