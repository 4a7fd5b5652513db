package dev.trafficengineer.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiVersionRulesTest {

    private static final String V2BETA2 = """
            apiVersion: "autoscaling/v2beta2"
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            """;

    private static ReviewOptions at(String version) {
        return ReviewOptions.DEFAULT.withKubernetesVersion(KubernetesVersion.parse(version));
    }

    @Test
    void removedVersionFiresWithASafeFixThatKeepsQuotes() {
        List<Finding> f = RuleTester.check(new RemovedApiVersion(), V2BETA2);
        assertThat(f).hasSize(1);
        Finding finding = f.get(0);
        assertThat(finding.message()).contains("removed in Kubernetes 1.26").contains("`autoscaling/v2`");
        assertThat(finding.fix().safe()).isTrue();
        var e = finding.fix().edits().get(0);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(14); // inside the quotes
        assertThat(e.text()).isEqualTo("autoscaling/v2");
    }

    @Test
    void removedVersionNearMisses() {
        assertThat(RuleTester.check(new RemovedApiVersion(), V2BETA2, at("1.25"))).isEmpty();
        assertThat(RuleTester.check(new RemovedApiVersion(),
                "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\n")).isEmpty();
        // the version is only removed for the kinds it served
        assertThat(RuleTester.check(new RemovedApiVersion(),
                "apiVersion: autoscaling/v2beta2\nkind: SomethingElse\nmetadata: {name: a}\n")).isEmpty();
    }

    @Test
    void restructuredVersionsHaveNoFix() {
        List<Finding> f = RuleTester.check(new RemovedApiVersion(),
                "apiVersion: keda.k8s.io/v1alpha1\nkind: ScaledObject\nmetadata: {name: a}\n", at("1.20"));
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).contains("keda.sh/v1alpha1").contains("deploymentName");
        assertThat(f.get(0).fix()).isNull();
    }

    @Test
    void deprecatedBeforeRemoval() {
        List<Finding> f = RuleTester.check(new DeprecatedApiVersion(), V2BETA2, at("1.23"));
        assertThat(f).extracting(Finding::ruleId).containsExactly("api/deprecated-version");
        assertThat(RuleTester.check(new DeprecatedApiVersion(), V2BETA2, at("1.22"))).isEmpty();
        assertThat(RuleTester.check(new DeprecatedApiVersion(), V2BETA2, at("1.26"))).isEmpty();
    }

    @Test
    void autoscalingV1GetsAdviceOnly() {
        List<Finding> f = RuleTester.check(new HpaV1Limited(),
                "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\n");
        assertThat(f).extracting(x -> x.severity().label()).containsExactly("info");
        assertThat(RuleTester.check(new HpaV1Limited(),
                "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: a}\n")).isEmpty();
    }
}
