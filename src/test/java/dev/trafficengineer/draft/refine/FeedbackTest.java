package dev.trafficengineer.draft.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.refine.Intent.BaselineRate;
import dev.trafficengineer.draft.refine.Intent.CheaperAtNight;
import dev.trafficengineer.draft.refine.Intent.CompareWith;
import dev.trafficengineer.draft.refine.Intent.Conservative;
import dev.trafficengineer.draft.refine.Intent.ConsumerGroup;
import dev.trafficengineer.draft.refine.Intent.ContainerRequests;
import dev.trafficengineer.draft.refine.Intent.CostPerPodHour;
import dev.trafficengineer.draft.refine.Intent.CredentialsSecret;
import dev.trafficengineer.draft.refine.Intent.IdleWindow;
import dev.trafficengineer.draft.refine.Intent.KafkaBrokers;
import dev.trafficengineer.draft.refine.Intent.KafkaTopic;
import dev.trafficengineer.draft.refine.Intent.LatencyTarget;
import dev.trafficengineer.draft.refine.Intent.MaxCostPerHour;
import dev.trafficengineer.draft.refine.Intent.MaxDelay;
import dev.trafficengineer.draft.refine.Intent.MaxReplicas;
import dev.trafficengineer.draft.refine.Intent.MetricSource;
import dev.trafficengineer.draft.refine.Intent.MinReplicas;
import dev.trafficengineer.draft.refine.Intent.Namespace;
import dev.trafficengineer.draft.refine.Intent.NoColdStarts;
import dev.trafficengineer.draft.refine.Intent.Partitions;
import dev.trafficengineer.draft.refine.Intent.PeakHour;
import dev.trafficengineer.draft.refine.Intent.PeakRate;
import dev.trafficengineer.draft.refine.Intent.Percentile;
import dev.trafficengineer.draft.refine.Intent.PerPodCapacity;
import dev.trafficengineer.draft.refine.Intent.PrometheusAddress;
import dev.trafficengineer.draft.refine.Intent.PrometheusHistogram;
import dev.trafficengineer.draft.refine.Intent.PrometheusMetric;
import dev.trafficengineer.draft.refine.Intent.RampTime;
import dev.trafficengineer.draft.refine.Intent.Sasl;
import dev.trafficengineer.draft.refine.Intent.ScaleDownPercent;
import dev.trafficengineer.draft.refine.Intent.ScaleDownTooAggressive;
import dev.trafficengineer.draft.refine.Intent.ScaleDownTooSlow;
import dev.trafficengineer.draft.refine.Intent.ScaleToZero;
import dev.trafficengineer.draft.refine.Intent.ScaleUpTooSlow;
import dev.trafficengineer.draft.refine.Intent.StartupTime;
import dev.trafficengineer.draft.refine.Intent.TargetUtilization;
import dev.trafficengineer.draft.refine.Intent.Timezone;
import dev.trafficengineer.draft.refine.Intent.Tls;
import dev.trafficengineer.draft.refine.Intent.TrafficPattern;
import dev.trafficengineer.draft.refine.Intent.Unknown;
import dev.trafficengineer.draft.refine.Intent.Vpa;
import dev.trafficengineer.draft.refine.Intent.WorkloadKind;
import dev.trafficengineer.draft.refine.Intent.WorkloadName;
import dev.trafficengineer.draft.refine.Intent.WorkloadType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link Feedback#parse} reads from free text, and what it refuses to guess. */
class FeedbackTest {

    private static List<Intent> parse(String text) {
        return Feedback.parse(text);
    }

    @Test
    void theOpeningLineOfTheIssue() {
        assertThat(parse("our task API does about 50 rps at night and 800 at noon, p95 must stay under 300 ms"))
                .containsExactly(new WorkloadName("task"), new WorkloadType("http"), new BaselineRate(50, "rps"),
                        new PeakHour(12), new PeakRate(800, "rps"), new Percentile("p95"), new LatencyTarget(300));
    }

    @Test
    void aSingleRateWithoutACueIsThePeak() {
        assertThat(parse("our API does 800 rps")).containsExactly(new WorkloadType("http"), new PeakRate(800, "rps"));
        assertThat(parse("our API does 800 rps at peak")).contains(new PeakRate(800, "rps"));
    }

    @Test
    void twoRatesWithoutCuesAreBaselineAndPeak() {
        assertThat(parse("it sees 900 req/s or 150 req/s")).contains(new BaselineRate(150, "rps"),
                new PeakRate(900, "rps"));
        assertThat(parse("between 50 and 800 rps")).containsExactly(new BaselineRate(50, "rps"),
                new PeakRate(800, "rps"), new WorkloadType("http"));
    }

    @Test
    void rateUnits() {
        assertThat(parse("peak 1.5k rps")).contains(new PeakRate(1500, "rps"));
        assertThat(parse("peak of 1,200 qps")).contains(new PeakRate(1200, "rps"));
        assertThat(parse("peak 300 requests per second")).contains(new PeakRate(300, "rps"));
        assertThat(parse("peak 6000 rpm")).contains(new PeakRate(100, "rps"));
        assertThat(parse("peak 400 msgs/s")).contains(new PeakRate(400, "msgs/s"));
        assertThat(parse("peak 400 messages per second")).contains(new PeakRate(400, "msgs/s"));
        assertThat(parse("peak 400/s")).contains(new PeakRate(400, null));
    }

    @Test
    void aBareNumberBorrowsTheUnitOfTheOtherRates() {
        assertThat(parse("30 msgs/s overnight, 600 at the peak")).contains(new BaselineRate(30, "msgs/s"),
                new PeakRate(600, "msgs/s"));
        assertThat(parse("peak 800")).containsExactly(new PeakRate(800, null));
    }

    @Test
    void perPodCapacity() {
        assertThat(parse("one pod handles 80 rps")).contains(new PerPodCapacity(80, "rps"));
        assertThat(parse("80 req/s per pod")).contains(new PerPodCapacity(80, "rps"));
        assertThat(parse("each consumer processes 120 msgs/s")).contains(new PerPodCapacity(120, "msgs/s"));
    }

    @Test
    void feedbackOnScaleDown() {
        for (String s : List.of("scale-down is too aggressive", "scaling down is too fast", "it scales down too early",
                "pods are removed too quickly", "please scale down more gently", "it keeps flapping",
                "gentler scale-down", "still too aggressive when scaling down")) {
            assertThat(parse(s)).as(s).containsExactly(new ScaleDownTooAggressive());
        }
        for (String s : List.of("scale-down is too slow", "scale down faster", "it keeps idle pods around too long",
                "downscaling is too conservative", "too slow to scale down")) {
            assertThat(parse(s)).as(s).containsExactly(new ScaleDownTooSlow());
        }
    }

    @Test
    void feedbackOnScaleUp() {
        for (String s : List.of("scale-up is too slow", "scale up faster", "it can't keep up at 9am",
                "upscaling is too late", "it reacts too slowly", "too slow to scale up")) {
            assertThat(parse(s)).as(s).contains(new ScaleUpTooSlow());
        }
    }

    @Test
    void replicaBounds() {
        assertThat(parse("max 20 replicas")).containsExactly(new MaxReplicas(20));
        assertThat(parse("no more than 12 pods")).containsExactly(new MaxReplicas(12));
        assertThat(parse("at least 3 replicas")).containsExactly(new MinReplicas(3));
        assertThat(parse("min 2, max 20")).containsExactly(new MinReplicas(2), new MaxReplicas(20));
        assertThat(parse("between 3 and 12 pods")).containsExactly(new MinReplicas(3), new MaxReplicas(12));
        assertThat(parse("3-10 replicas")).containsExactly(new MinReplicas(3), new MaxReplicas(10));
        assertThat(parse("min 0 replicas")).containsExactly(new ScaleToZero());
        assertThat(parse("we run 3 replicas today")).containsExactly(new CompareWith(3));
    }

    @Test
    void coldStartsAndScaleToZero() {
        for (String s : List.of("no cold starts", "avoid cold starts", "cold starts are not acceptable",
                "never scale to zero", "don't scale to zero", "keep it warm")) {
            assertThat(parse(s)).as(s).containsExactly(new NoColdStarts());
        }
        for (String s : List.of("scale to zero is fine", "cold starts are ok", "it can scale to zero")) {
            assertThat(parse(s)).as(s).containsExactly(new ScaleToZero());
        }
        assertThat(parse("cheaper at night")).containsExactly(new CheaperAtNight());
        assertThat(parse("can we save money overnight")).containsExactly(new CheaperAtNight());
        assertThat(parse("traffic is much lower at night")).doesNotContain(new CheaperAtNight());
    }

    @Test
    void latency() {
        assertThat(parse("use p99")).containsExactly(new Percentile("p99"));
        assertThat(parse("99th percentile please")).containsExactly(new Percentile("p99"));
        assertThat(parse("latency under 2 s")).containsExactly(new LatencyTarget(2000));
        assertThat(parse("p95 under 250ms")).containsExactly(new Percentile("p95"), new LatencyTarget(250));
        assertThat(parse("p99 latency below 300")).containsExactly(new Percentile("p99"), new LatencyTarget(300));
    }

    @Test
    void times() {
        assertThat(parse("pods take 40 s to start")).containsExactly(new StartupTime(40));
        assertThat(parse("a pod is ready after 2 minutes")).containsExactly(new StartupTime(120));
        assertThat(parse("traffic climbs to the peak over 30 minutes")).contains(new RampTime(1800));
        assertThat(parse("a message may wait 2 minutes")).containsExactly(new MaxDelay(120));
        assertThat(parse("traffic is spiky, peaks at 18:00")).containsExactly(new TrafficPattern("spike"),
                new PeakHour(18));
        assertThat(parse("the peak is around 6pm")).containsExactly(new PeakHour(18));
        assertThat(parse("steady traffic")).containsExactly(new TrafficPattern("steady"));
        assertThat(parse("it takes about a minute for a pod to come up")).containsExactly(new StartupTime(60));
        assertThat(parse("pods need half a minute to start")).containsExactly(new StartupTime(30));
        assertThat(parse("no more than twelve replicas")).containsExactly(new MaxReplicas(12));
        assertThat(parse("wait a second, max 5 pods")).contains(new MaxReplicas(5)).noneMatch(MaxDelay.class::isInstance);
    }

    @Test
    void idleWindowsAndZones() {
        assertThat(parse("idle from 22:00 to 06:00 Europe/Berlin")).containsExactly(new IdleWindow("22:00-06:00"),
                new Timezone("Europe/Berlin"));
        assertThat(parse("no traffic between 10pm and 6am")).containsExactly(new IdleWindow("22:00-06:00"));
        assertThat(parse("it is idle at night")).containsExactly(new IdleWindow("22:00-06:00"));
        assertThat(parse("only used in business hours")).containsExactly(new IdleWindow("19:00-08:00"));
    }

    @Test
    void theWorkload() {
        assertThat(parse("deployment shop/checkout")).containsExactly(new Namespace("shop"),
                new WorkloadKind("Deployment"), new WorkloadName("checkout"));
        assertThat(parse("it's called checkout in the shop namespace")).containsExactly(new WorkloadName("checkout"),
                new Namespace("shop"));
        assertThat(parse("a StatefulSet named ledger")).containsExactlyInAnyOrder(new WorkloadKind("StatefulSet"),
                new WorkloadName("ledger"));
        assertThat(parse("requests 500m cpu and 512Mi memory")).containsExactly(new ContainerRequests("500m",
                "512Mi"));
        assertThat(parse("each pod requests 1 core and 2Gi")).contains(new ContainerRequests("1", "2Gi"));
        assertThat(parse("the payments service")).containsExactly(new WorkloadName("payments"));
        assertThat(parse("a kafka streams app")).contains(new WorkloadType("stream"));
        assertThat(parse("nightly batch jobs")).contains(new WorkloadType("batch"));
    }

    @Test
    void wordsThatAreNotNames() {
        assertThat(parse("our API")).doesNotHaveAnyElementsOfTypes(WorkloadName.class);
        assertThat(parse("the deployment is slow")).doesNotHaveAnyElementsOfTypes(WorkloadName.class);
        assertThat(parse("a CPU-heavy service")).doesNotHaveAnyElementsOfTypes(WorkloadName.class);
        assertThat(parse("the topic has 24 partitions")).containsExactly(new Partitions(24));
    }

    @Test
    void sources() {
        assertThat(parse("scale on cpu")).containsExactly(new MetricSource("cpu"));
        assertThat(parse("scale on memory")).containsExactly(new MetricSource("memory"));
        assertThat(parse("scale on cpu and memory")).containsExactly(new MetricSource("cpu-memory"));
        assertThat(parse("use prometheus")).containsExactly(new MetricSource("prometheus-rate"));
        assertThat(parse("scale on p95 latency from prometheus")).containsExactly(new Percentile("p95"),
                new MetricSource("prometheus-latency"));
        assertThat(parse("it reads from kafka")).contains(new MetricSource("kafka"));
        assertThat(parse("requests 500m cpu")).doesNotHaveAnyElementsOfTypes(MetricSource.class);
    }

    @Test
    void kafkaDetails() {
        assertThat(parse("the orders consumer reads topic orders with group orders-workers, SASL and TLS"))
                .containsExactly(new WorkloadName("orders"), new WorkloadType("queue"), new KafkaTopic("orders"),
                        new ConsumerGroup("orders-workers"), new Sasl("scram_sha512"), new Tls(true));
        assertThat(parse("SASL scram-sha-256")).containsExactly(new Sasl("scram_sha256"));
        assertThat(parse("sasl plain")).containsExactly(new Sasl("plaintext"));
        assertThat(parse("no TLS")).containsExactly(new Tls(false));
        assertThat(parse("without SASL")).containsExactly(new Sasl("none"));
        assertThat(parse("brokers kafka-0.kafka:9092,kafka-1.kafka:9092")).contains(
                new KafkaBrokers("kafka-0.kafka:9092,kafka-1.kafka:9092"));
        assertThat(parse("the secret is called kafka-creds")).containsExactly(new CredentialsSecret("kafka-creds"));
    }

    @Test
    void prometheusDetails() {
        // an address is a detail, not a choice of source (the resolver defaults to the request rate when given one)
        assertThat(parse("prometheus at http://prom.monitoring:9090, metric http_requests_total"))
                .containsExactly(new PrometheusAddress("http://prom.monitoring:9090"),
                        new PrometheusMetric("http_requests_total"));
        assertThat(parse("scale on prometheus at http://prom.monitoring:9090")).containsExactly(
                new MetricSource("prometheus-rate"), new PrometheusAddress("http://prom.monitoring:9090"));
        assertThat(parse("the histogram is http_server_duration_seconds_bucket")).containsExactly(
                new PrometheusHistogram("http_server_duration_seconds"));
    }

    @Test
    void credentialsInAnAddressAreDropped() {
        assertThat(parse("prometheus is at https://admin:hunter2@prom.example.com")).contains(
                new PrometheusAddress("https://prom.example.com")).noneMatch(i -> i.toString().contains("hunter2"));
    }

    @Test
    void percentagesAndMoney() {
        assertThat(parse("run pods at 60%")).containsExactly(new TargetUtilization(60));
        assertThat(parse("remove at most 10% per minute when scaling down")).containsExactly(
                new ScaleDownPercent(10));
        assertThat(parse("budget $40 per hour, a pod costs $0.05 per hour")).containsExactly(
                new MaxCostPerHour(40), new CostPerPodHour(0.05));
    }

    @Test
    void preferences() {
        assertThat(parse("conservative start please")).containsExactly(new Conservative(true));
        assertThat(parse("don't be so conservative")).containsExactly(new Conservative(false));
        assertThat(parse("add a VPA")).containsExactly(new Vpa(true));
        assertThat(parse("remove the VPA")).containsExactly(new Vpa(false));
        assertThat(parse("no vpa")).containsExactly(new Vpa(false));
    }

    @Test
    void whatIsNotUnderstoodComesBackWordForWord() {
        assertThat(parse("add a PodDisruptionBudget")).containsExactly(new Unknown("add a PodDisruptionBudget"));
        assertThat(parse("max 20 replicas, and add a PodDisruptionBudget")).containsExactly(new MaxReplicas(20),
                new Unknown("add a PodDisruptionBudget"));
        assertThat(parse("the api is slow")).containsExactly(new WorkloadType("http"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "thanks!", "ok", "sounds good", "hi"})
    void pleasantriesAreNeitherIntentsNorUnknown(String text) {
        assertThat(parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "we have 3 teams", "version 1.2.3", "call 555-1234", "port 8080"})
    void aNumberWithoutACueMeansNothing(String text) {
        assertThat(Feedback.understood(parse(text))).isEmpty();
    }

    @Test
    void eachIntentIsDescribed() {
        assertThat(new MaxReplicas(20).describe()).isEqualTo("at most 20 replicas");
        assertThat(new PeakRate(800, "rps").describe()).isEqualTo("peak 800 rps");
        assertThat(new PeakHour(18.5).describe()).isEqualTo("peak at 18:30");
        assertThat(new Unknown("x").describe()).isEqualTo("\"x\"");
    }
}
