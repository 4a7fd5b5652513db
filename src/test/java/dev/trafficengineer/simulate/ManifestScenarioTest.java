package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** From manifests to a scenario: which autoscaler, what each metric measures, and the pods. */
class ManifestScenarioTest {

    private static List<KubeObject> objects(String yaml) {
        LoadedFile f = new ManifestLoader("default").load(new SourceText("m.yaml", yaml), false);
        assertThat(f.problems()).isEmpty();
        return f.objects();
    }

    private static Scenario build(String yaml) {
        return ManifestScenario.build(objects(yaml), ScenarioOptions.DEFAULTS);
    }

    private static List<Signal> signals(Scenario s) {
        if (s.autoscaler() instanceof Autoscaler.Hpa h) {
            return h.signals();
        }
        return ((Autoscaler.Keda) s.autoscaler()).signals();
    }

    private static String scaledObject(String triggers) {
        return """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: so}
                spec:
                  scaleTargetRef: {name: app}
                  minReplicaCount: 1
                  triggers:
                """ + triggers.indent(4);
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1
                      resources: {requests: {cpu: 300m, memory: 1Gi}}
                    - name: proxy
                      image: proxy:1
                      resources: {requests: {cpu: 100m, memory: 128Mi}}
            """;

    @Test
    void triggersMeasureWhatTheirScalersRead() {
        Scenario s = build(scaledObject("""
                - type: kafka
                  metadata: {lagThreshold: "100"}
                - type: rabbitmq
                  metadata: {mode: MessageRate, value: "50"}
                - type: rabbitmq
                  metadata: {mode: QueueLength, value: "50"}
                - type: aws-sqs-queue
                  metadata: {queueLength: "5", scaleOnInFlight: "false"}
                - type: prometheus
                  metadata: {threshold: "0.3", query: 'histogram_quantile(0.95, sum(rate(x_seconds_bucket[1m])) by (le))'}
                - type: prometheus
                  metadata: {threshold: "300", query: 'histogram_quantile(0.95, sum(rate(x_milliseconds_bucket[1m])) by (le))'}
                - type: prometheus
                  metadata: {threshold: "100", query: 'sum(rate(http_requests_total[2m]))'}
                - type: prometheus
                  metadata: {threshold: "6000", query: 'sum(increase(http_requests_total[1m]))'}
                - type: prometheus
                  metadata: {threshold: "10", query: 'sum(queue_depth{queue="a"})'}
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                - type: metrics-api
                  metadata: {targetValue: "5"}
                """));
        assertThat(signals(s)).containsExactly(new Signal.Backlog(5), new Signal.Demand(), new Signal.Backlog(1),
                new Signal.Backlog(0), new Signal.Latency(0.1), new Signal.Latency(100), new Signal.Demand(),
                new Signal.Demand(60), new Signal.Backlog(0), new Signal.ResourceUsage("cpu"), new Signal.Demand());
        assertThat(s.pods().work()).as("a queue metric makes the work messages").isEqualTo(PodModel.WorkKind.MESSAGES);
        assertThat(s.pods().unit()).isEqualTo("msg");
        assertThat(s.metricNotes()).contains("trigger 10 (metrics-api): read as the arrival rate in units/s (the"
                + " simulator has no model of metrics-api metrics)");
    }

    @Test
    void hpaMetricsReadTheArrivalRateUnlessTheirNameSaysOtherwise() {
        Scenario s = build("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec:
                  scaleTargetRef: {kind: Deployment, name: app}
                  maxReplicas: 10
                  metrics:
                    - type: Pods
                      pods: {metric: {name: http_requests_per_second}, target: {type: AverageValue, averageValue: "50"}}
                    - type: External
                      external: {metric: {name: kafka_consumergroup_lag}, target: {type: AverageValue, averageValue: "100"}}
                    - type: Object
                      object:
                        describedObject: {kind: Service, name: web}
                        metric: {name: request_latency_ms_p95}
                        target: {type: Value, value: "250"}
                    - type: Resource
                      resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}
                """);
        assertThat(signals(s)).containsExactly(new Signal.Demand(), new Signal.Backlog(0), new Signal.Latency(100),
                new Signal.ResourceUsage("memory"));
        assertThat(s.autoscaler().label()).isEqualTo("hpa/web");
        assertThat(s.metricNotes().get(0)).isEqualTo("metric 0 (pods metric http_requests_per_second): each ready"
                + " pod's share of the arrival rate in units/s");
        assertThat(s.podNotes()).contains("workload: Deployment/app is not in the files");
    }

    @Test
    void anAverageValueLatencyTargetAndAnUnreachableOneAreExplained() {
        Scenario s = ManifestScenario.build(objects(scaledObject("""
                - type: prometheus
                  metadata: {threshold: "0.05", query: 'histogram_quantile(0.95, sum(rate(x_seconds_bucket[1m])) by (le))'}
                """)), ScenarioOptions.DEFAULTS);
        assertThat(s.metricNotes()).contains(
                "the idle latency 0.1 is at or above the target 0.05, so no replica count meets it",
                "an AverageValue target on a latency asks for ceil(latency / target) replicas whatever the current"
                        + " count; metricType: Value scales the current count by latency / target");
    }

    @Test
    void cronTriggersBecomeADailyWindowOnTheSimulationClock() {
        Scenario s = build(scaledObject("""
                - type: cron
                  metadata: {timezone: Europe/Paris, start: 30 8 * * 1-5, end: 0 18 * * 1-5, desiredReplicas: "6"}
                """));
        assertThat(signals(s)).containsExactly(new Signal.Daily(8 * 3600 + 1800, 18 * 3600, 6, 0));
        assertThat(s.metricNotes()).contains("trigger 0 (cron): 6 replicas from 08:30:00 to 18:00:00 every day, on"
                + " the simulation clock (second 0 is midnight in the trigger's timezone)",
                "trigger 0 (cron): the day fields of \"30 8 * * 1-5\" are not simulated: the window opens every day");
        assertThat(s.pods().work()).isEqualTo(PodModel.WorkKind.REQUESTS);

        assertThatThrownBy(() -> build(scaledObject("""
                - type: cron
                  metadata: {timezone: UTC, start: "*/5 * * * *", end: 0 18 * * *, desiredReplicas: "6"}
                """))).hasMessage("m.yaml:9:40: `spec.triggers[0].metadata.start`: the simulator reads a fixed minute"
                + " and hour, such as \"30 8 * * *\"; got \"*/5 * * * *\"");
        assertThatThrownBy(() -> build(scaledObject("""
                - type: cron
                  metadata: {timezone: UTC, start: 0 8 * *, end: 0 18 * * *, desiredReplicas: "6"}
                """))).hasMessageContaining("must be a 5-field cron expression");
        assertThatThrownBy(() -> build(scaledObject("""
                - type: cron
                  metadata: {timezone: UTC, start: 0 8 * * *, end: 0 8 * * *, desiredReplicas: "6"}
                """))).hasMessageContaining("start and end can not have exactly same time input");
        assertThatThrownBy(() -> build(scaledObject("""
                - type: cron
                  metadata: {timezone: UTC, start: 0 8 * * *, end: 0 9 * * *, desiredReplicas: "0"}
                """))).hasMessageContaining("`spec.triggers[0].metadata.desiredReplicas` must be above 0");
    }

    @Test
    void resourceRequestsComeFromTheTargetedWorkload() {
        Scenario s = build(DEPLOYMENT + "---\n" + scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                - type: memory
                  metricType: Utilization
                  metadata: {value: "80", containerName: app}
                """));
        PodModel.ResourceModel cpu = s.pods().resources().get("cpu");
        assertThat(cpu.request()).isEqualTo(Quantity.valueOf("400m"));
        assertThat(cpu.idle().milliValue()).isEqualTo(40);
        assertThat(cpu.perUnit().approximateDouble()).as("a pod at its 100/s uses its whole request")
                .isCloseTo(0.0036, within(1e-12));
        assertThat(s.pods().resources().get("memory").request()).as("the container the trigger names")
                .isEqualTo(Quantity.valueOf("1Gi"));
        assertThat(s.podNotes()).contains("workload: Deployment/app (m.yaml:1)",
                "cpu: each pod requests 400m (Deployment/app, 2 containers) and uses 40m idle + 3.6m per req/s, so"
                        + " a pod serving its 100 req/s uses its whole request",
                "memory: each pod requests 1024Mi (container app of Deployment/app) and uses 512Mi idle + 5.12Mi per"
                        + " req/s, so a pod serving its 100 req/s uses its whole request");
    }

    @Test
    void aUtilizationTargetOnAContainerWithoutARequestCannotWork() {
        String noRequest = DEPLOYMENT.replaceAll(" *resources: \\{requests: \\{cpu: 100m, memory: 128Mi}}\n", "");
        assertThatThrownBy(() -> build(noRequest + "---\n" + scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                """))).hasMessage("m.yaml:11:11: container `proxy` of Deployment/app sets no cpu request, so the HPA"
                + " cannot compute cpu utilization (FailedGetResourceMetric); set resources.requests.cpu on it");
        Scenario averageValue = build(noRequest + "---\n" + scaledObject("""
                - type: cpu
                  metricType: AverageValue
                  metadata: {value: "200m"}
                """));
        assertThat(averageValue.pods().resources().get("cpu").request()).as("AverageValue needs no request")
                .isEqualTo(Quantity.valueOf("500m"));
        assertThatThrownBy(() -> build(DEPLOYMENT + "---\n" + scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60", containerName: sidecar}
                """))).hasMessageContaining("Deployment/app has no container `sidecar`");
    }

    @Test
    void optionsOverrideTheDefaults() {
        ScenarioOptions o = new ScenarioOptions(null, 40.0, Quantity.valueOf("10m"), 60, 20, 15, 0.05, 2.0,
                PodModel.WorkKind.REQUESTS, 4);
        Scenario s = ManifestScenario.build(objects(DEPLOYMENT + "---\n" + scaledObject("""
                - type: kafka
                  metadata: {lagThreshold: "100"}
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                """)), o);
        assertThat(s.pods()).isEqualTo(new PodModel(40, "req", PodModel.WorkKind.REQUESTS, s.pods().resources(), 60,
                20, 15, ScenarioOptions.METRIC_WINDOW_SECONDS));
        assertThat(s.pods().resources().get("cpu").perUnit()).isEqualTo(Quantity.valueOf("10m"));
        assertThat(signals(s).get(0)).isEqualTo(new Signal.Backlog(2));
        assertThat(s.initialReplicas()).isEqualTo(4);
        assertThat(s.run(new TrafficProfile.Steady(100, 600)).timeline().replicas(0)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anAutoscalingV1HpaIsReadAsCpuUtilization() {
        Scenario s = build("""
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: old}
                spec:
                  scaleTargetRef: {kind: Deployment, name: app}
                  maxReplicas: 4
                  targetCPUUtilizationPercentage: 65
                """);
        HpaSpec spec = ((Autoscaler.Hpa) s.autoscaler()).spec();
        assertThat(spec.metrics()).containsExactly(MetricSpec.resource("cpu", MetricTarget.utilization(65)));
        assertThatThrownBy(() -> build("""
                apiVersion: autoscaling/v2beta1
                kind: HorizontalPodAutoscaler
                metadata: {name: older}
                spec: {maxReplicas: 4}
                """)).hasMessage("m.yaml:1:13: the simulator reads HorizontalPodAutoscalers of autoscaling/v2 and"
                + " autoscaling/v1, not autoscaling/v2beta1; convert it to autoscaling/v2");
    }

    @Test
    void choosingAmongSeveralAutoscalers() {
        List<KubeObject> all = objects("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                spec: {maxReplicas: 4, scaleTargetRef: {kind: Deployment, name: web}}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: web}
                spec:
                  scaleTargetRef: {name: web}
                  triggers: [{type: kafka, metadata: {lagThreshold: "10"}}]
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker}
                spec:
                  scaleTargetRef: {name: worker}
                  triggers: [{type: kafka, metadata: {lagThreshold: "10"}}]
                """);
        assertThatThrownBy(() -> ManifestScenario.choose(all, null)).hasMessage("the files hold 3 autoscalers,"
                + " hpa/web (m.yaml:1), scaledobject/web (m.yaml:6) and scaledobject/worker (m.yaml:13); choose one"
                + " with --name (e.g. --name hpa/web)");
        assertThat(ManifestScenario.choose(all, "worker").name()).isEqualTo("worker");
        assertThat(ManifestScenario.choose(all, "ScaledObject/web").kind()).isEqualTo("ScaledObject");
        assertThat(ManifestScenario.choose(all, "hpa/web").kind()).isEqualTo("HorizontalPodAutoscaler");
        assertThatThrownBy(() -> ManifestScenario.choose(all, "web")).hasMessage("`web` names 2 autoscalers,"
                + " hpa/web (m.yaml:1) and scaledobject/web (m.yaml:6); add the kind, e.g. hpa/web");
        assertThatThrownBy(() -> ManifestScenario.choose(all, "api")).hasMessageStartingWith("no autoscaler named"
                + " `api` in the files");
        assertThatThrownBy(() -> ManifestScenario.choose(objects("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledJob
                metadata: {name: batch}
                spec: {jobTargetRef: {template: {}}, triggers: []}
                """), null)).hasMessage("the files hold no HorizontalPodAutoscaler or ScaledObject to simulate"
                + " (scaledjob/batch starts jobs rather than scaling replicas, which the simulator does not model);"
                + " add the file that defines the autoscaler");
    }

    @Test
    void theCounterpartOfAComparisonRunsTheSamePods() {
        List<KubeObject> before = objects(DEPLOYMENT + "---\n" + scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "80"}
                """));
        Scenario main = ManifestScenario.build(before, ScenarioOptions.DEFAULTS);
        List<KubeObject> after = objects(scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "50"}
                """).replace("name: so}", "name: other}") + "---\n" + scaledObject("""
                - type: cpu
                  metricType: Utilization
                  metadata: {value: "60"}
                """));
        Scenario other = ManifestScenario.counterpart(after, before, main, ScenarioOptions.DEFAULTS);
        assertThat(other.autoscaler().label()).as("of several, the one named like the original")
                .isEqualTo("scaledobject/so");
        assertThat(((Autoscaler.Keda) other.autoscaler()).spec().triggers().get(0).targetUtilization()).isEqualTo(60);
        assertThat(other.pods()).as("the workload beside the original").isEqualTo(main.pods());
    }

    @Test
    void aFixedCountIsWrittenAsPeopleSayIt() {
        assertThat(ManifestScenario.fixedReplicas("3 replicas")).isEqualTo(OptionalInt.of(3));
        assertThat(ManifestScenario.fixedReplicas("1 replica")).isEqualTo(OptionalInt.of(1));
        assertThat(ManifestScenario.fixedReplicas(" 12 Pods ")).isEqualTo(OptionalInt.of(12));
        assertThat(ManifestScenario.fixedReplicas("5")).isEqualTo(OptionalInt.of(5));
        assertThat(ManifestScenario.fixedReplicas("after.yaml")).isEmpty();
        assertThat(ManifestScenario.fixedReplicas("3 replicas.yaml")).isEmpty();
        Scenario s = build(DEPLOYMENT + "---\n" + scaledObject("- {type: kafka, metadata: {lagThreshold: \"9\"}}"));
        Scenario fixed = s.fixed(3);
        assertThat(fixed.autoscaler()).isEqualTo(Autoscaler.Fixed.of(3));
        assertThat(fixed.pods()).isEqualTo(s.pods());
        assertThat(fixed.metricNotes()).isEmpty();
        assertThat(fixed.run(new TrafficProfile.Steady(10, 600)).summary().podHours()).isCloseTo(0.5, within(1e-9));
    }
}
