package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Generated traffic from named parameters with documented defaults, and the durations people write. */
class TrafficPatternTest {

    private static TrafficPattern of(TrafficPattern.Kind kind) {
        return new TrafficPattern(kind, null, null, null, null, null, null, null);
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(of(TrafficPattern.Kind.DIURNAL).profile())
                .isEqualTo(new TrafficProfile.Diurnal(100, 1000, 14, 86_400));
        assertThat(of(TrafficPattern.Kind.SPIKE).profile())
                .isEqualTo(new TrafficProfile.Spike(100, 1000, 3600, 120, 1800, 3 * 3600));
        assertThat(of(TrafficPattern.Kind.STEADY).profile()).isEqualTo(new TrafficProfile.Steady(100, 3 * 3600));
        assertThat(of(TrafficPattern.Kind.RAMP).profile()).isEqualTo(new TrafficProfile.Ramp(100, 1000, 3 * 3600));
    }

    @Test
    void givenParametersWin() {
        assertThat(new TrafficPattern(TrafficPattern.Kind.SPIKE, 10.0, 50.0, null, 60L, 0L, 30L, 600L).profile())
                .isEqualTo(new TrafficProfile.Spike(10, 50, 60, 0, 30, 600));
        assertThat(new TrafficPattern(TrafficPattern.Kind.DIURNAL, 5.0, 9.0, 20.5, null, null, null, 7200L)
                .profile()).isEqualTo(new TrafficProfile.Diurnal(5, 9, 20.5, 7200));
    }

    @Test
    void parametersOutsideTheShapeOrRangeAreRefused() {
        assertThatThrownBy(() -> new TrafficPattern(TrafficPattern.Kind.STEADY, null, 50.0, null, null, null, null,
                null).profile()).hasMessage("`peak` does not apply to the steady pattern, which reads base, duration;"
                + " drop it");
        assertThatThrownBy(() -> new TrafficPattern(TrafficPattern.Kind.RAMP, -1.0, null, null, null, null, null,
                null).profile()).hasMessage("`base` must be a rate of 0 or more units per second, got -1");
        assertThatThrownBy(() -> new TrafficPattern(TrafficPattern.Kind.STEADY, null, null, null, null, null, null,
                15 * 86_400L).profile()).hasMessage("`duration` must be more than 0 and at most 14d, got 1296000s");
    }

    @Test
    void durationsInTheFormsPeopleWrite() {
        assertThat(Durations.seconds("90", "x")).isEqualTo(90);
        assertThat(Durations.seconds("90s", "x")).isEqualTo(90);
        assertThat(Durations.seconds("1h30m", "x")).isEqualTo(5400);
        assertThat(Durations.seconds("1.5h", "x")).isEqualTo(5400);
        assertThat(Durations.seconds("2d", "x")).isEqualTo(172_800);
        assertThat(Durations.seconds("250ms", "x")).isEqualTo(0.25);
        assertThat(Durations.wholeSeconds("14:30", "x")).isEqualTo(52_200);
        assertThat(Durations.hourOfDay("14:30", "x")).isEqualTo(14.5);
        assertThat(Durations.hourOfDay("9", "x")).isEqualTo(9);
        assertThatThrownBy(() -> Durations.seconds("5 minutes", "--hold")).hasMessage("--hold must be a duration"
                + " such as 90s, 15m, 1h30m or 2d; got \"5 minutes\"");
        assertThatThrownBy(() -> Durations.seconds("-5", "--hold")).isInstanceOf(SimulationInputException.class);
        assertThatThrownBy(() -> Durations.wholeSeconds("250ms", "--ramp")).hasMessage("--ramp must be a whole"
                + " number of seconds; got \"250ms\"");
        assertThatThrownBy(() -> Durations.hourOfDay("25", "--peak-hour")).hasMessageStartingWith("--peak-hour must"
                + " be an hour of the day from 0 to 24");
    }

    @Test
    void csvTimesInDaysAreDaysNotJavaDoubleLiterals() {
        assertThat(TrafficCsv.parse("0,1\n1d,2\n").points().get(1).seconds()).isEqualTo(86_400);
    }

    @Test
    void csvErrorsNameTheFileAndLine() {
        assertThatThrownBy(() -> TrafficCsv.parse("load.csv", "time,rate\n0,1\n60,-3\n"))
                .hasMessage("load.csv:3: rate must be a non-negative number, got -3");
        assertThatThrownBy(() -> TrafficCsv.parse("load.csv", "# nothing\n"))
                .hasMessage("load.csv: the traffic file has no `time,rate` rows");
    }
}
