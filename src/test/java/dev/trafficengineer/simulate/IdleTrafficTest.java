package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdleTrafficTest {

    @Test
    void idleWindowsHaveNoTrafficAndMayWrapPastMidnight() {
        var base = new TrafficProfile.Steady(10, 2 * 86_400);
        var p = new TrafficProfile.WithIdle(base, List.of(new int[] {20 * 3600, 7 * 3600}), "20:00-07:00");
        assertThat(p.rateAt(6 * 3600)).isZero();
        assertThat(p.rateAt(7 * 3600 - 1)).isZero();
        assertThat(p.rateAt(7 * 3600)).isEqualTo(10);
        assertThat(p.rateAt(19 * 3600 + 3599)).isEqualTo(10);
        assertThat(p.rateAt(20 * 3600)).isZero();
        assertThat(p.rateAt(86_400 + 12 * 3600)).isEqualTo(10); // the next day too
        assertThat(p.durationSeconds()).isEqualTo(2 * 86_400);
        assertThat(p.describe()).isEqualTo("steady 10/s, idle 20:00-07:00");
    }
}
