package dev.trafficengineer.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bounds that leave nothing to autoscale are refused with a reason; near misses resolve. */
class ResolverTest {

    @Test
    void refusesEqualMinimumAndMaximum() {
        assertThatThrownBy(() -> Resolver.resolve(with(bounds(3, 3, null), null)))
                .isInstanceOf(RequirementsException.class)
                .hasMessageContaining("bounds.min and bounds.max are both 3");
    }

    @Test
    void acceptsAMaximumOneAboveTheMinimum() throws RequirementsException {
        assertThat(Resolver.resolve(with(bounds(3, 4, null), null)).bounds().max()).isEqualTo(4);
    }

    @Test
    void refusesAMaximumOfOneWithoutScalingToZero() {
        assertThatThrownBy(() -> Resolver.resolve(with(bounds(null, 1, null), null)))
                .hasMessageContaining("bounds.max of 1 leaves nothing to autoscale");
    }

    @Test
    void acceptsAMaximumOfOneWhenScalingToZero() throws RequirementsException {
        assertThat(Resolver.resolve(with(bounds(null, 1, true), null)).bounds().scaleToZero()).isTrue();
    }

    @Test
    void refusesCronReplicasAboveTheMaximum() {
        assertThatThrownBy(() -> Resolver.resolve(with(bounds(null, 5, null), new Requirements.Cron(null, null, 6))))
                .hasMessageContaining("source.cron.replicas (6) is above bounds.max (5)");
    }

    @Test
    void acceptsCronReplicasAtTheMaximum() throws RequirementsException {
        assertThat(Resolver.resolve(with(bounds(null, 5, null), new Requirements.Cron(null, null, 5)))
                .source().cron().replicas()).isEqualTo(5);
    }

    @Test
    void aScheduleDefaultsToTheHoursOutsideTheIdleWindow() throws RequirementsException {
        Requirements r = new Requirements(null, new Requirements.Traffic(10.0, 100.0, null, null, null, null,
                List.of("22:00-06:00"), null), null, null, new Requirements.Source("cron", null, null, null), null,
                null);
        Resolved.Cron cron = Resolver.resolve(r).source().cron();
        assertThat(cron.start()).isEqualTo("45 5 * * *");
        assertThat(cron.end()).isEqualTo("0 22 * * *");
    }

    @Test
    void aScheduleWithoutIdleWindowsKeepsOfficeHours() throws RequirementsException {
        Resolved.Cron cron = Resolver.resolve(with(null, new Requirements.Cron(null, null, null))).source().cron();
        assertThat(cron.start()).isEqualTo("0 8 * * 1-5");
        assertThat(cron.end()).isEqualTo("0 19 * * 1-5");
    }

    private static Requirements.Bounds bounds(Integer min, Integer max, Boolean zero) {
        return new Requirements.Bounds(min, max, zero, null, null);
    }

    private static Requirements with(Requirements.Bounds bounds, Requirements.Cron cron) {
        Requirements.Source source = cron == null ? null : new Requirements.Source("cron", null, null, cron);
        return new Requirements(null, null, null, null, source, bounds, null);
    }
}
