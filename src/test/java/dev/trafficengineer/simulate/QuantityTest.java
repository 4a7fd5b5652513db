package dev.trafficengineer.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} is {1} milli")
    @CsvSource({
        "500m, 500",
        "2, 2000",
        "0, 0",
        "+3, 3000",
        "5., 5000",
        ".5, 500",
        "1.5, 1500",
        "1k, 1000000",
        "1Ki, 1024000",
        "1.5Gi, 1610612736000",
        "1e3, 1000000",
        "1E3, 1000000",
        "2e-3, 2",
        "100u, 1",          // 0.1 milli rounds up, as MilliValue does
        "1n, 1",
        "-0.1m, -1",        // away from zero
        "1500m, 1500",
        "1M, 1000000000",
        "1E, 9223372036854775807", // exa: beyond a long of millis, saturated
    })
    void milliValue(String text, long milli) {
        assertThat(Quantity.parse(text).milliValue()).isEqualTo(milli);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5.5", "1 m", "1KI", "m", "1mi", "--1", "1e", "0x10"})
    void rejectsWhatTheApiServerRejects(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\" is not a Kubernetes quantity");
    }

    @ParameterizedTest(name = "{0} milli prints as {1}")
    @CsvSource({
        "0, 0",
        "1, 1m",
        "100, 100m",
        "1500, 1500m",
        "2000, 2",
        "10000, 10",
        "1500000, 1500",
        "1000000, 1k",
        "2500000000, 2500k",
        "12345678, 12345678m",
        "-1500, -1500m",
    })
    void printsTheCanonicalDecimalForm(long milli, String printed) {
        assertThat(Quantity.ofMilli(milli)).hasToString(printed);
    }

    @Property
    void printedMilliQuantitiesParseBack(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L)
            long milli) {
        assertThat(Quantity.parse(Quantity.ofMilli(milli).toString()).milliValue()).isEqualTo(milli);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "0.1, 0.1",
        "0.05, 0.05",
        "50m, 0.05",
        "1, 1.0",
    })
    void approximateDoubleOfPlainValues(String text, double expected) {
        assertThat(Quantity.parse(text).approximateDouble()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.35", "0.57", "0.7"})
    void approximateDoubleIsMantissaTimesPow10LikeGo(String text) {
        // AsApproximateFloat64 multiplies the mantissa by math.Pow10(-2) = 1/1e2, which misses the nearest double
        double goValue = Long.parseLong(text.substring(2)) * (1.0 / Math.pow(10, text.length() - 2));
        assertThat(Quantity.parse(text).approximateDouble()).isEqualTo(goValue).isNotEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @CsvSource({"1, 1000m", "0.5Ki, 512", "1e3, 1k"})
    void equalityIsByValue(String a, String b) {
        assertThat(Quantity.parse(a)).isEqualTo(Quantity.parse(b)).hasSameHashCodeAs(Quantity.parse(b));
    }
}
