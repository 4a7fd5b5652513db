package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaRequestRulesTest {

    private static final String CPU_HPA = Docs.cpuHpa("web", "web", 2, 10, 70);

    private static String containerHpa(String container) {
        return Docs.hpa("web", "web", """
                maxReplicas: 10
                metrics:
                  - type: ContainerResource
                    containerResource:
                      name: cpu
                      container: %s
                      target: {type: Utilization, averageUtilization: 70}
                """.formatted(container));
    }

    @Test
    void aContainerWithoutTheRequestIsAnError() {
        String web = Docs.deployment("web", "- name: app\n  image: example/app:1.0\n");
        List<Finding> f = RuleTester.check(new HpaMissingRequest(), CPU_HPA + web);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("The cpu utilization target needs a cpu request in every container the"
                    + " controller counts, but container `app` sets neither `resources.requests.cpu` nor a limit in"
                    + " Deployment `web`, so the controller reports FailedGetResourceMetric and never scales on it;"
                    + " add the request.");
            assertThat(x.pointer().value()).isEqualTo("/spec/metrics/0/resource/target/averageUtilization");
        });
    }

    @Test
    void nativeSidecarsAreCountedButPlainInitContainersAreNot() {
        String web = Docs.deploymentWithCpu("web", "250m").replace("      containers:\n", """
                      initContainers:
                        - name: migrate
                          image: example/migrate:1.0
                        - name: proxy
                          image: example/proxy:1.0
                          restartPolicy: Always
                      containers:
                """);
        assertThat(RuleTester.check(new HpaMissingRequest(), CPU_HPA + web)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("container sidecar `proxy` sets")
                        .contains("init containers with `restartPolicy: Always` run as sidecars and are counted")
                        .doesNotContain("migrate"));
    }

    @Test
    void limitsLimitRangesAndPodLevelRequestsCount() {
        String limitsOnly = Docs.deployment("web",
                "- name: app\n  image: example/app:1.0\n  resources:\n    limits: {cpu: 500m}\n");
        assertThat(RuleTester.check(new HpaMissingRequest(), CPU_HPA + limitsOnly)).isEmpty();
        String bare = Docs.deployment("web", "- name: app\n  image: example/app:1.0\n");
        String limitRange = """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults}
                spec:
                  limits:
                    - type: Container
                      defaultRequest: {cpu: 100m}
                """;
        assertThat(RuleTester.check(new HpaMissingRequest(), CPU_HPA + bare + limitRange)).isEmpty();
        String podLevel = bare.replace("      containers:\n", "      resources:\n        requests: {cpu: 500m}\n"
                + "      containers:\n");
        assertThat(RuleTester.check(new HpaMissingRequest(), CPU_HPA + podLevel)).isEmpty();
    }

    @Test
    void anAverageValueNeedsNoRequest() {
        String hpa = Docs.hpa("web", "web", """
                maxReplicas: 10
                metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: AverageValue, averageValue: 500m}}
                """);
        assertThat(RuleTester.check(new HpaMissingRequest(),
                hpa + Docs.deployment("web", "- name: app\n  image: example/app:1.0\n"))).isEmpty();
    }

    @Test
    void anHpaWithoutMetricsScalesOnCpu() {
        String hpa = Docs.hpa("web", "web", "maxReplicas: 10\n");
        assertThat(RuleTester.check(new HpaMissingRequest(),
                hpa + Docs.deployment("web", "- name: app\n  image: example/app:1.0\n")))
                .singleElement().satisfies(x -> assertThat(x.message()).startsWith("The HPA names no metric, so it"
                        + " scales on cpu utilization (80%)"));
    }

    @Test
    void aContainerMetricCountsOnlyItsContainer() {
        String web = Docs.deployment("web", """
                - name: app
                  image: example/app:1.0
                  resources: {requests: {cpu: 250m}}
                - name: log-shipper
                  image: example/shipper:1.0
                """);
        assertThat(RuleTester.check(new HpaMissingRequest(), containerHpa("app") + web)).isEmpty();
        assertThat(RuleTester.check(new HpaMissingRequest(), containerHpa("log-shipper") + web)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("in that container"));
        assertThat(RuleTester.check(new HpaMissingRequest(), CPU_HPA + web)).hasSize(1);
    }

    @Test
    void aContainerMetricMustNameARunningContainer() {
        String web = Docs.deploymentWithCpu("web", "250m").replace("      containers:\n", """
                      initContainers:
                        - name: migrate
                          image: example/migrate:1.0
                      containers:
                """);
        assertThat(RuleTester.check(new HpaMetricContainer(), containerHpa("application") + web)).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.ERROR);
                    assertThat(x.message()).isEqualTo("No container `application` runs in the pods of Deployment"
                            + " `web` (it has `app`), so the HPA never gets a value for this metric; name one of those.");
                    assertThat(x.pointer().value()).isEqualTo("/spec/metrics/0/containerResource/container");
                });
        assertThat(RuleTester.check(new HpaMetricContainer(), containerHpa("migrate") + web)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("init container"));
        assertThat(RuleTester.check(new HpaMetricContainer(), containerHpa("app") + web)).isEmpty();
        // injected at admission, not in the manifest
        assertThat(RuleTester.check(new HpaMetricContainer(), containerHpa("istio-proxy") + web)).isEmpty();
        // no target to look at
        assertThat(RuleTester.check(new HpaMetricContainer(), containerHpa("application"))).isEmpty();
    }

    @Test
    void limitsThatCapUsageBelowTheTargetAreAnError() {
        String capped = Docs.deployment("web", """
                - name: app
                  image: example/app:1.0
                  resources: {requests: {cpu: 500m}, limits: {cpu: 500m}}
                """);
        List<Finding> f = RuleTester.check(new HpaTargetUnreachable(), Docs.cpuHpa("web", "web", 2, 10, 100) + capped);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.message()).isEqualTo("The limits of Deployment `web` cap cpu usage at 100% of the requests,"
                    + " but scaling up takes more than 110% (`averageUtilization: 100` plus the 10% tolerance), so the"
                    + " HPA never adds pods; lower the target or raise the limits.");
        });
        // 90% * 1.1 = 99% < 100%: it can scale, just barely
        assertThat(RuleTester.check(new HpaTargetUnreachable(), Docs.cpuHpa("web", "web", 2, 10, 90) + capped)).isEmpty();
        // no limit, no cap
        assertThat(RuleTester.check(new HpaTargetUnreachable(),
                Docs.cpuHpa("web", "web", 2, 10, 300) + Docs.deploymentWithCpu("web", "500m"))).isEmpty();
    }

    @Test
    void anAverageValueAboveTheLimitIsUnreachable() {
        String hpa = Docs.hpa("web", "web", """
                maxReplicas: 10
                metrics:
                  - type: Resource
                    resource: {name: memory, target: {type: AverageValue, averageValue: 1Gi}}
                """);
        String limited = Docs.deployment("web", """
                - name: app
                  image: example/app:1.0
                  resources: {limits: {memory: 512Mi}}
                """);
        assertThat(RuleTester.check(new HpaTargetUnreachable(), hpa + limited)).singleElement()
                .satisfies(x -> assertThat(x.message()).isEqualTo("The pods of Deployment `web` are limited to 512Mi of memory in all, so average usage can never exceed `averageValue: 1Gi` by the 10% tolerance and the HPA never scales up; lower the target or raise the limits."));
        assertThat(RuleTester.check(new HpaTargetUnreachable(), hpa.replace("1Gi", "256Mi") + limited)).isEmpty();
    }
}
