package dev.trafficengineer.rules.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.rules.hpa.validation.HpaDefaulting;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class BehaviorPropertiesTest {

    @Property(tries = 300)
    void neverThrowsAndPointsInsideTheBehavior(@ForAll @IntRange(min = -5, max = 4000) int window,
            @ForAll @IntRange(min = -2, max = 300) int value, @ForAll @IntRange(min = -1, max = 2000) int period,
            @ForAll boolean pods, @ForAll @IntRange(min = -1, max = 60) int min,
            @ForAll @IntRange(min = -1, max = 500) int max) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        for (String d : new String[] {"scaleUp", "scaleDown"}) {
            ObjectNode rules = b.putObject(d).put("stabilizationWindowSeconds", window);
            rules.putArray("policies").addObject().put("type", pods ? "Pods" : "Percent").put("value", value)
                    .put("periodSeconds", period);
        }
        for (BehaviorProblem p : BehaviorAnalysis.analyse(b, min, max)) {
            assertThat(p.pointer().value()).matches("/scale(Up|Down)(/.*)?");
            assertThat(p.message()).endsWith(".");
        }
    }

    /** More pods per period never makes scale-up slower. */
    @Property(tries = 200)
    void scaleUpTimeFallsAsThePolicyGrows(@ForAll @IntRange(min = 1, max = 20) int value,
            @ForAll @IntRange(min = 1, max = 1800) int period, @ForAll @IntRange(min = 0, max = 600) int window,
            @ForAll @IntRange(min = 1, max = 10) int from, @ForAll @IntRange(min = 11, max = 200) int to) {
        long horizon = 120 * 3600; // 100 batches of 1800 s at worst
        ScaleUpReplay.Result slower = ScaleUpReplay.timeToReach(from, to, podsRule(value, period, window), 15, horizon);
        ScaleUpReplay.Result faster = ScaleUpReplay.timeToReach(from, to, podsRule(value + 1, period, window), 15,
                horizon);
        assertThat(faster.seconds()).isLessThanOrEqualTo(slower.seconds());
        // and never faster than the window and one batch of value + 1 pods per period allow
        long batches = (to - from + value) / (value + 1);
        assertThat(faster.reached()).isTrue();
        assertThat(faster.seconds()).isGreaterThanOrEqualTo(Math.max(0, window - 15) + (batches - 1) * (long) period);
    }

    private static ScalingRules podsRule(int value, int period, int window) {
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        ObjectNode up = wrapper.putObject("spec").putObject("behavior").putObject("scaleUp")
                .put("stabilizationWindowSeconds", window);
        up.putArray("policies").addObject().put("type", "Pods").put("value", value).put("periodSeconds", period);
        var defaulted = HpaDefaulting.apply(wrapper).object().path("spec").path("behavior").path("scaleUp");
        return ScalingRules.read(Direction.UP, defaulted, up, 300).orElseThrow();
    }
}
