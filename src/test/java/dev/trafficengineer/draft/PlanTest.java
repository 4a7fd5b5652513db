package dev.trafficengineer.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Plan.ScaleUpPolicies;
import dev.trafficengineer.rules.behavior.BehaviorAnalysis;
import dev.trafficengineer.rules.behavior.BehaviorProblem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The drafter writes only scale-up policies that take effect, as the behavior analysis judges them. */
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
}
