package dev.trafficengineer.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    private static final List<String> SCALED_OBJECT_SPEC = List.of("advanced", "cooldownPeriod", "fallback",
            "idleReplicaCount", "initialCooldownPeriod", "maxReplicaCount", "minReplicaCount", "pollingInterval",
            "scaleTargetRef", "triggers");

    @Test
    void findsTyposSwapsAndCase() {
        assertThat(ClosestName.among("triggrs", SCALED_OBJECT_SPEC)).contains("triggers");
        assertThat(ClosestName.among("pollingIntervall", SCALED_OBJECT_SPEC)).contains("pollingInterval");
        assertThat(ClosestName.among("scaletargetref", SCALED_OBJECT_SPEC)).contains("scaleTargetRef");
        assertThat(ClosestName.among("metdata", List.of("metadata", "name", "type"))).contains("metadata");
        assertThat(ClosestName.among("nmae", List.of("metadata", "name", "type"))).contains("name");
    }

    @Test
    void mapsHpaHabitsToKedaNames() {
        assertThat(ClosestName.among("minReplicas", SCALED_OBJECT_SPEC)).contains("minReplicaCount");
        assertThat(ClosestName.among("maxReplicas", SCALED_OBJECT_SPEC)).contains("maxReplicaCount");
    }

    @Test
    void suggestsNothingUnrelated() {
        assertThat(ClosestName.among("replicas", SCALED_OBJECT_SPEC)).isEmpty();
        assertThat(ClosestName.among("foo", List.of("metadata", "name", "type"))).isEmpty();
    }

    @Test
    void countsAnAdjacentSwapAsOneEdit() {
        assertThat(ClosestName.distance("nmae", "name")).isEqualTo(1);
        assertThat(ClosestName.distance("metdata", "metadata")).isEqualTo(1);
        assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
    }
}
