package dev.trafficengineer.draft.refine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.Drafter;
import dev.trafficengineer.draft.Plan;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.Resolved;
import dev.trafficengineer.draft.Resolver;
import dev.trafficengineer.draft.refine.RequirementsRefiner.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each intent's effect on requirements, and on what they draft to. */
class RequirementsRefinerTest {

    /** The checkout API of the README: 50 to 800 rps, 80 rps per pod, p95 under 300 ms. */
    private static final Requirements CHECKOUT = RequirementsRefiner.apply(Requirements.EMPTY, Feedback.parse(
            "the checkout API in namespace shop does 50 rps at night and 800 at noon, one pod handles 80 rps,"
                    + " p95 under 300 ms"));

    private static Outcome refine(Requirements r, String words) {
        return RequirementsRefiner.refine(r, Feedback.parse(words));
    }

    private static Plan plan(Requirements r) throws RequirementsException {
        return Plan.of(Resolver.resolve(r));
    }

    @Test
    void factsBecomeRequirements() {
        assertThat(CHECKOUT.workload().name()).isEqualTo("checkout");
        assertThat(CHECKOUT.workload().namespace()).isEqualTo("shop");
        assertThat(CHECKOUT.workload().type()).isEqualTo("http");
        assertThat(CHECKOUT.traffic().baseline()).isEqualTo(50.0);
        assertThat(CHECKOUT.traffic().peak()).isEqualTo(800.0);
        assertThat(CHECKOUT.traffic().unit()).isEqualTo("rps");
        assertThat(CHECKOUT.traffic().peakHour()).isEqualTo(12.0);
        assertThat(CHECKOUT.capacity().perPod()).isEqualTo(80.0);
        assertThat(CHECKOUT.slo().percentile()).isEqualTo("p95");
        assertThat(CHECKOUT.slo().latencyMs()).isEqualTo(300);
    }

    @Test
    void scaleDownTooAggressiveGoesFurtherEachTime() throws Exception {
        Outcome once = refine(CHECKOUT, "scale-down is too aggressive");
        assertThat(plan(once.requirements()).scaleDownWindow().value()).isEqualTo(600);
        assertThat(plan(once.requirements()).scaleDownPercent().value()).isEqualTo(10);
        assertThat(once.changes()).singleElement().satisfies(c -> {
            assertThat(c.description()).isEqualTo("scale-down waits 10 minutes of lower load (was 5 minutes) and"
                    + " removes at most 10% of the pods per minute (was 20%)");
            assertThat(c.fields()).containsExactly("preferences.scaleDownWindowSeconds",
                    "preferences.scaleDownPercent");
        });
        Outcome twice = refine(once.requirements(), "still too aggressive when scaling down");
        assertThat(plan(twice.requirements()).scaleDownWindow().value()).isEqualTo(1200);
        assertThat(plan(twice.requirements()).scaleDownPercent().value()).isEqualTo(5);
    }

    @Test
    void scaleDownTooSlowHalvesTheWindow() throws Exception {
        Outcome o = refine(CHECKOUT, "scale-down is too slow");
        assertThat(plan(o.requirements()).scaleDownWindow().value()).isEqualTo(150);
        assertThat(plan(o.requirements()).scaleDownPercent().value()).isEqualTo(40);
    }

    @Test
    void theGentlestScaleDownCannotGetGentler() {
        Requirements gentle = RequirementsRefiner.apply(CHECKOUT, List.of());
        gentle = RequirementsTree.of(gentle).set("preferences.scaleDownWindowSeconds", 3600)
                .set("preferences.scaleDownPercent", 5).toRequirements();
        Outcome o = refine(gentle, "scale-down is too aggressive");
        assertThat(o.changes()).isEmpty();
        assertThat(o.notApplied()).singleElement().satisfies(n -> assertThat(n.reason()).contains("min N replicas"));
    }

    @Test
    void scaleUpTooSlowLowersTheTarget() throws Exception {
        assertThat(plan(CHECKOUT).cpuUtilization().value()).isEqualTo(70);
        Outcome o = refine(CHECKOUT, "scale-up is too slow");
        assertThat(o.requirements().preferences().targetUtilization()).isEqualTo(60);
        assertThat(plan(o.requirements()).cpuUtilization().value()).isEqualTo(60);
        assertThat(plan(o.requirements()).maxReplicas().value()).isGreaterThan(plan(CHECKOUT).maxReplicas().value());
    }

    @Test
    void bounds() throws Exception {
        Outcome o = refine(CHECKOUT, "max 20 replicas, min 3");
        assertThat(o.requirements().bounds().max()).isEqualTo(20);
        assertThat(o.requirements().bounds().min()).isEqualTo(3);
        assertThat(o.changes()).extracting(RequirementsRefiner.Change::description)
                .containsExactly("at most 20 replicas (was 19)", "at least 3 replicas (was 2)");
        assertThat(plan(o.requirements()).maxReplicas().value()).isEqualTo(20);
    }

    @Test
    void aBoundOutsideTheSchemaIsNotApplied() {
        Outcome o = RequirementsRefiner.refine(CHECKOUT, List.of(new Intent.MaxReplicas(0)));
        assertThat(o.changes()).isEmpty();
        assertThat(o.notApplied()).singleElement().satisfies(n -> assertThat(n.reason())
                .startsWith("it does not fit the requirements: ").contains("bounds/max"));
        assertThat(o.requirements()).isEqualTo(CHECKOUT);
    }

    @Test
    void contradictionsAreProblemsNotExceptions() {
        Outcome o = refine(CHECKOUT, "peak 30 rps");
        assertThat(o.problems()).singleElement().satisfies(p -> assertThat(p).contains("is above traffic.peak"));
    }

    @Test
    void coldStartsAndScaleToZero() throws Exception {
        Outcome zero = refine(CHECKOUT, "scale to zero is fine");
        assertThat(zero.requirements().bounds().scaleToZero()).isTrue();
        assertThat(zero.requirements().slo().coldStartTolerable()).isTrue();
        assertThat(plan(zero.requirements()).minReplicas().value()).isZero();

        Outcome warm = refine(zero.requirements(), "no cold starts");
        assertThat(warm.requirements().bounds().scaleToZero()).isFalse();
        assertThat(warm.requirements().slo().coldStartTolerable()).isFalse();
        assertThat(warm.changes().get(0).description()).isEqualTo("no cold starts: it no longer scales to zero");
        assertThat(plan(warm.requirements()).minReplicas().value()).isEqualTo(2);

        Outcome min3 = refine(zero.requirements(), "min 3 replicas");
        assertThat(min3.requirements().bounds().scaleToZero()).isFalse();
    }

    @Test
    void cheaperAtNightScalesToZeroWhileIdleAndKeepsTheDayWarm() throws Exception {
        Outcome o = refine(CHECKOUT, "cheaper at night");
        Requirements r = o.requirements();
        assertThat(r.traffic().idleWindows()).containsExactly("22:00-06:00");
        assertThat(r.bounds().scaleToZero()).isTrue();
        String yaml = Drafter.draft(Resolver.resolve(r)).yaml();
        assertThat(yaml).contains("kind: ScaledObject").contains("minReplicaCount: 0").contains("type: cron")
                .contains("start: \"45 5 * * *\"").contains("end: \"0 22 * * *\"");
        assertThat(o.changes().get(0).description()).contains("22:00-06:00").contains("keeps pods warm by day");
    }

    @Test
    void latencyPercentileAndPreferences() throws Exception {
        Requirements r = refine(CHECKOUT, "use p99, latency under 200 ms, conservative, add a VPA, we run 6 replicas"
                + " today").requirements();
        assertThat(r.slo().percentile()).isEqualTo("p99");
        assertThat(r.slo().latencyMs()).isEqualTo(200);
        assertThat(r.preferences().conservative()).isTrue();
        assertThat(r.preferences().vpa()).isTrue();
        assertThat(r.preferences().compareWithReplicas()).isEqualTo(6);
        Resolved resolved = Resolver.resolve(r);
        assertThat(Drafter.draft(resolved).documents()).extracting(d -> d.kind())
                .containsExactly("HorizontalPodAutoscaler", "VerticalPodAutoscaler");
    }

    @Test
    void kafkaDetailsMakeAConsumer() throws Exception {
        Requirements r = refine(Requirements.EMPTY, "scale on kafka, the topic has 24 partitions, topic orders,"
                + " group billing, SASL and TLS, secret orders-kafka, a message may wait 30 s").requirements();
        Requirements.Kafka k = r.source().kafka();
        assertThat(k.partitions()).isEqualTo(24);
        assertThat(k.topic()).isEqualTo("orders");
        assertThat(k.consumerGroup()).isEqualTo("billing");
        assertThat(k.sasl()).isEqualTo("scram_sha512");
        assertThat(k.tls()).isTrue();
        assertThat(k.credentialsSecret()).isEqualTo("orders-kafka");
        assertThat(k.maxDelaySeconds()).isEqualTo(30);
        Resolved resolved = Resolver.resolve(r);
        assertThat(resolved.workload().type()).isEqualTo(Resolved.WorkloadType.QUEUE);
        assertThat(resolved.source().type()).isEqualTo(Resolved.SourceType.KAFKA);
    }

    @Test
    void prometheusAndContainers() {
        Requirements r = refine(CHECKOUT, "scale on prometheus at http://prom.monitoring:9090, counter"
                + " nginx_requests_total; requests 250m cpu and 1Gi").requirements();
        assertThat(r.source().type()).isEqualTo("prometheus-rate");
        assertThat(r.source().prometheus().serverAddress()).isEqualTo("http://prom.monitoring:9090");
        assertThat(r.source().prometheus().metric()).isEqualTo("nginx_requests_total");
        assertThat(r.workload().containers()).containsExactly(new Requirements.Container("app", "250m", "1Gi"));
        Requirements more = refine(r, "requests 500m cpu").requirements();
        assertThat(more.workload().containers()).containsExactly(new Requirements.Container("app", "500m", "1Gi"));
    }

    @Test
    void timesPatternsAndWindows() {
        Requirements r = refine(CHECKOUT, "pods take 45 s to start, traffic is spiky and climbs in 2 minutes,"
                + " idle 23:00-07:00, Europe/Berlin").requirements();
        assertThat(r.capacity().startupSeconds()).isEqualTo(45);
        assertThat(r.traffic().pattern()).isEqualTo("spike");
        assertThat(r.traffic().rampSeconds()).isEqualTo(120);
        assertThat(r.traffic().idleWindows()).containsExactly("23:00-07:00");
        assertThat(r.traffic().timezone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void unknownWordsAreNotApplied() {
        Outcome o = refine(CHECKOUT, "add a PodDisruptionBudget");
        assertThat(o.changes()).isEmpty();
        assertThat(o.notApplied()).singleElement().satisfies(n -> {
            assertThat(n.intent()).isEqualTo(new Intent.Unknown("add a PodDisruptionBudget"));
            assertThat(n.reason()).isEqualTo("I did not understand it");
        });
        assertThat(o.requirements()).isEqualTo(CHECKOUT);
    }
}
