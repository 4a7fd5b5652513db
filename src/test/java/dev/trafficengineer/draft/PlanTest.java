package dev.trafficengineer.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Plan.ScaleUpPolicies;
import dev.trafficengineer.rules.behavior.BehaviorAnalysis;
import dev.trafficengineer.rules.behavior.BehaviorProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import java.util.List;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The plan's numbers: only scale-up policies that take effect (as the behavior analysis judges them), bounds that
 * leave the autoscaler room, and notes for every shortfall the requirements make unavoidable.
 */
class PlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void examples() {
        assertThat(Plan.scaleUpPolicies(1, 5, 4)).isEqualTo(ScaleUpPolicies.PODS);       // 4 pods reach 5 at once
        assertThat(Plan.scaleUpPolicies(2, 30, 4)).isEqualTo(ScaleUpPolicies.BOTH);
        assertThat(Plan.scaleUpPolicies(8, 40, 4)).isEqualTo(ScaleUpPolicies.DOUBLING);   // 8 already doubles past 4
        assertThat(Plan.scaleUpPolicies(3, 3, 4)).isEqualTo(ScaleUpPolicies.BOTH);        // nothing to scale
    }

    @Property(tries = 400)
    void noWrittenPolicyNeverBinds(@ForAll @IntRange(min = 1, max = 40) int low,
            @ForAll @IntRange(min = 1, max = 80) int max, @ForAll @IntRange(min = 4, max = 20) int k) {
        ScaleUpPolicies shape = Plan.scaleUpPolicies(low, max, k);
        ObjectNode behavior = JSON.createObjectNode();
        ObjectNode up = behavior.putObject("scaleUp");
        up.put("selectPolicy", "Max");
        var policies = up.putArray("policies");
        if (shape != ScaleUpPolicies.PODS) {
            policies.addObject().put("type", "Percent").put("value", 100).put("periodSeconds", 15);
        }
        if (shape != ScaleUpPolicies.DOUBLING) {
            policies.addObject().put("type", "Pods").put("value", k).put("periodSeconds", 15);
        }
        boolean reported = BehaviorAnalysis.analyse(behavior, low, max).stream()
                .anyMatch(p -> p.kind() == BehaviorProblem.Kind.POLICY_NEVER_BINDS);
        assertThat(reported).as("low %d, max %d, k %d: %s", low, max, k, shape).isFalse();
    }

    @Test
    void aDerivedMinimumStaysBelowAStatedMaximum() throws RequirementsException {
        // the baseline needs 40 pods, but at most 10 may run
        Plan p = plan(http(600, 12_000, "diurnal", 900, 20, 30, null), "cpu", new Requirements.Bounds(null, 10,
                null, null, null), null);
        assertThat(p.minReplicas().value()).isEqualTo(9);
        assertThat(p.maxReplicas().value()).isEqualTo(10);
        assertThat(p.notes()).anyMatch(n -> n.startsWith("The peak needs"))
                .anyMatch(n -> n.startsWith("At most 10 pods may run, so the minimum is lowered"));
    }

    @Test
    void aMaximumAboveTheMinimumLeavesItAlone() throws RequirementsException {
        Plan p = plan(http(50, 800, "diurnal", 900, 80, 30, null), "cpu", new Requirements.Bounds(null, 20, null,
                null, null), null);
        assertThat(p.minReplicas().value()).isEqualTo(2);
        assertThat(p.notes()).isEmpty();
    }

    @Test
    void aScheduleHoldsThePodsThePeakNeedsWithinTheMaximum() throws RequirementsException {
        Plan p = plan(http(160, 800, "ramp", 7200, 150, 30, null), "cron", null, null);
        assertThat(p.cronReplicas().value()).isEqualTo(8);   // 800 / (150 × 0.7)
        Plan capped = plan(http(160, 800, "ramp", 7200, 150, 30, null), "cron", new Requirements.Bounds(null, 5,
                null, null, null), null);
        assertThat(capped.cronReplicas().value()).isEqualTo(5);
        assertThat(capped.cronReplicas().why()).contains("at most 5 may run");
    }

    @Test
    void preWarmedPodsServeTheTrafficThatReturnsAfterTheIdleWindow() throws RequirementsException {
        Plan p = plan(http(0, 40, "steady", 30, 10, 5, List.of("22:00-06:00")), "prometheus-rate",
                new Requirements.Bounds(null, null, true, null, null), false);
        assertThat(p.minReplicas().value()).isZero();
        assertThat(p.prewarm().start()).isEqualTo("45 5 * * *");
        assertThat(p.prewarm().end()).isEqualTo("0 22 * * *");
        assertThat(p.prewarm().replicas().value()).isEqualTo(6);   // 40 / (10 × 0.7), not the baseline's 1
    }

    @Test
    void coldStartsThatAreAcceptedNeedNoPreWarm() throws RequirementsException {
        Plan p = plan(http(0, 40, "steady", 30, 10, 5, List.of("22:00-06:00")), "prometheus-rate",
                new Requirements.Bounds(null, null, true, null, null), true);
        assertThat(p.prewarm()).isNull();
    }

    @Test
    void aClimbFasterThanPodsStartGetsANote() throws RequirementsException {
        Plan fast = plan(http(600, 12_000, "ramp", 300, 150, 300, null), "cpu", null, null);
        assertThat(fast.notes()).anyMatch(n -> n.startsWith("Traffic climbs from 600 to 12000 req/s in 300 s"));
        Plan slow = plan(http(600, 12_000, "ramp", 7200, 150, 30, null), "cpu", null, null);
        assertThat(slow.notes()).noneMatch(n -> n.startsWith("Traffic climbs"));
    }

    @Test
    void trafficReturningAtOnceAfterAnIdleWindowGetsANote() throws RequirementsException {
        Plan p = plan(http(0, 40, "steady", 30, 10, 5, List.of("22:00-06:00")), "cpu", null, null);
        assertThat(p.notes()).anyMatch(n -> n.startsWith("Traffic returns at 06:00 at once, 40 req/s for 2 pods"));
        Plan gentle = plan(http(0, 40, "diurnal", 900, 10, 5, List.of("22:00-06:00")), "cpu", null, null);
        assertThat(gentle.notes()).noneMatch(n -> n.startsWith("Traffic returns"));
    }

    /** An HTTP service's traffic and pods. */
    private record Load(Requirements.Traffic traffic, Requirements.Capacity capacity) {}

    private static Load http(double baseline, double peak, String pattern, int ramp, double perPod, int startup,
            List<String> idle) {
        return new Load(new Requirements.Traffic(baseline, peak, null, pattern, ramp, null, idle, null),
                new Requirements.Capacity(perPod, startup));
    }

    private static Plan plan(Load load, String source, Requirements.Bounds bounds, Boolean coldStartTolerable)
            throws RequirementsException {
        return Plan.of(Resolver.resolve(new Requirements(null, load.traffic(), load.capacity(),
                new Requirements.Slo(null, 500, coldStartTolerable), new Requirements.Source(source, null, null, null),
                bounds, null)));
    }
}
