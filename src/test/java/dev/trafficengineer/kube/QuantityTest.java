package dev.trafficengineer.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * resource.Quantity as apimachinery's quantity.go has it: parsing, rounding, capping and canonical form, and the
 * values the rules and the simulated controller read from it.
 */
class QuantityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100m                 | 100m                | 0.1
            0.1                  | 100m                | 0.1
            1.5                  | 1500m               | 1.5
            1.500                | 1.500               | 1.5
            +1                   | +1                  | 1
            01                   | 01                  | 1
            1024                 | 1024                | 1024
            1Ki                  | 1Ki                 | 1024
            1536Mi               | 1536Mi              | 1610612736
            1.5Gi                | 1536Mi              | 1610612736
            0.5Ki                | 512                 | 512
            1e3                  | 1e3                 | 1000
            1E3                  | 1E3                 | 1000
            1.5e3                | 1500                | 1500
            1E                   | 1E                  | 1000000000000000000
            10E                  | 10E                 | 10000000000000000000
            1n                   | 1n                  | 0.000000001
            1e-10                | 1e-9                | 0.000000001
            -1e-10               | -1e-9               | -0.000000001
            0.0000000001         | 1n                  | 0.000000001
            0.1n                 | 1n                  | 0.000000001
            1.5n                 | 2n                  | 0.000000002
            9223372036854775807  | 9223372036854775807 | 9223372036854775807
            9223372036854775808  | 9223372036854775807 | 9223372036854775807
            8Ei                  | 9223372036854775807 | 9223372036854775807
            1Ei                  | 1Ei                 | 1152921504606846976
            Ki                   | 0                   | 0
            -                    | 0                   | 0
            .                    | 0                   | 0
            -0                   | 0                   | 0
            0.0                  | 0                   | 0
            -100m                | -100m               | -0.1
            -0.1                 | -100m               | -0.1
            +.5                  | 500m                | 0.5
            1e4294967296         | 1e4294967296        | 1
            m                    | 0                   | 0
            """)
    void parses(String input, String canonical, String value) throws Exception {
        Quantity q = Quantity.parse(input);
        assertThat(q.toString()).isEqualTo(canonical);
        assertThat(q.value()).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            abc          | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            1.5.5        | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            '1 '         | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            1Mb          | quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
            1kk          | unable to parse quantity's suffix
            1e           | unable to parse quantity's suffix
            1e-          | unable to parse quantity's suffix
            1Ki3         | unable to parse quantity's suffix
            1m3          | unable to parse quantity's suffix
            .e-10        | unable to parse quantity's numeric part
            Ei           | unable to parse quantity's numeric part
            """)
    void rejects(String input, String message) {
        assertThatThrownBy(() -> Quantity.parse(input)).isInstanceOf(Quantity.ParseException.class)
                .hasMessage(message);
    }

    @Test
    void emptyStringIsMalformed() {
        assertThatThrownBy(() -> Quantity.parse("")).hasMessage(Quantity.ERR_FORMAT_WRONG);
    }

    @Test
    void signOfZeroNegativeAndPositive() throws Exception {
        assertThat(Quantity.parse("-0.0").signum()).isZero();
        assertThat(Quantity.parse("-1m").signum()).isEqualTo(-1);
        assertThat(Quantity.parse("1e-20").signum()).isEqualTo(1); // rounded up to 1n, never to zero
    }

    @Property(tries = 300)
    void parseOnlyEverFailsWithItsOwnException(@ForAll String input) {
        try {
            Quantity q = Quantity.parse(input);
            assertThat(q.toString()).isNotEmpty();
        } catch (Quantity.ParseException expected) {
            assertThat(expected.getMessage()).isIn(Quantity.ERR_FORMAT_WRONG, Quantity.ERR_NUMERIC,
                    Quantity.ERR_SUFFIX);
        }
    }

    /** Plain decimal numbers with the common suffixes parse to exactly number × multiplier. */
    @Property(tries = 300)
    void valueIsNumberTimesSuffix(@ForAll("plainQuantities") String[] parts) throws Exception {
        Quantity q = Quantity.parse(parts[0] + parts[1]);
        BigDecimal multiplier = switch (parts[1]) {
            case "m" -> new BigDecimal("0.001");
            case "k" -> new BigDecimal("1000");
            case "Mi" -> new BigDecimal(1L << 20);
            case "Gi" -> new BigDecimal(1L << 30);
            default -> BigDecimal.ONE;
        };
        BigDecimal exact = new BigDecimal(parts[0]).multiply(multiplier);
        BigDecimal max = new BigDecimal(Long.MAX_VALUE);
        // beyond int64 the slow path caps the magnitude at 2^63-1
        BigDecimal expected = exact.abs().compareTo(max) > 0 ? max.multiply(BigDecimal.valueOf(exact.signum())) : exact;
        assertThat(q.value()).isEqualByComparingTo(expected);
        // the canonical form parses back to the same value
        assertThat(Quantity.parse(q.toString()).value()).isEqualByComparingTo(q.value());
    }

    @Provide
    Arbitrary<String[]> plainQuantities() {
        Arbitrary<String> integer = Arbitraries.longs().between(0, 9_999_999_999L).map(String::valueOf);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> number = Combinators.combine(Arbitraries.of("", "-"), integer,
                fraction.injectNull(0.5)).as((sign, i, f) -> sign + i + (f == null ? "" : "." + f));
        return Combinators.combine(number, Arbitraries.of("", "m", "k", "Mi", "Gi"))
                .as((n, s) -> new String[] {n, s});
    }

    // ---- the Optional parse the rules use, and the whole-unit checks of the VPA admission controller

    @Test
    void parsesKubernetesSuffixes() {
        assertThat(Quantity.tryParse("500m").orElseThrow().value()).isEqualByComparingTo("0.5");
        assertThat(Quantity.tryParse("1.5Gi").orElseThrow().value()).isEqualByComparingTo("1610612736");
        assertThat(Quantity.tryParse("2e3").orElseThrow().value()).isEqualByComparingTo("2000");
        assertThat(Quantity.tryParse("1.5Gb")).isEmpty();
        assertThat(Quantity.tryParse("50%")).isEmpty();
        assertThat(Quantity.tryParse("")).isEmpty();
        assertThat(Quantity.tryParse(null)).isEmpty();
    }

    @Test
    void precisionAsTheVpaAdmissionControllerChecksIt() {
        assertThat(Quantity.tryParse("250m").orElseThrow().isWholeMilli()).isTrue();
        assertThat(Quantity.tryParse("0.0001").orElseThrow().isWholeMilli()).isFalse();
        assertThat(Quantity.tryParse("100m").orElseThrow().isWhole()).isFalse();
        assertThat(Quantity.tryParse("256Mi").orElseThrow().isWhole()).isTrue();
    }

    @Property
    void binaryAndDecimalSuffixesOrderLikeTheirValues(@ForAll @IntRange(min = 1, max = 4096) int n) {
        Quantity mi = Quantity.tryParse(n + "Mi").orElseThrow();
        Quantity m = Quantity.tryParse(n + "M").orElseThrow();
        assertThat(mi.compareTo(m)).isPositive();
        assertThat(mi.value()).isEqualByComparingTo(BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1L << 20)));
    }

    // ---- the values the simulated HPA controller computes with

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
        assertThat(Quantity.valueOf(text).milliValue()).isEqualTo(milli);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1.5.5", "1 m", "1KI", "1mi", "--1", "1e", "0x10"})
    void rejectsWhatTheApiServerRejects(String text) {
        assertThatThrownBy(() -> Quantity.valueOf(text))
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
        assertThat(Quantity.valueOf(Quantity.ofMilli(milli).toString()).milliValue()).isEqualTo(milli);
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "0.1, 0.1",
        "0.05, 0.05",
        "50m, 0.05",
        "1, 1.0",
    })
    void approximateDoubleOfPlainValues(String text, double expected) {
        assertThat(Quantity.valueOf(text).approximateDouble()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.35", "0.57", "0.7"})
    void approximateDoubleIsMantissaTimesPow10LikeGo(String text) {
        // AsApproximateFloat64 multiplies the mantissa by math.Pow10(-2) = 1/1e2, which misses the nearest double
        double goValue = Long.parseLong(text.substring(2)) * (1.0 / Math.pow(10, text.length() - 2));
        assertThat(Quantity.valueOf(text).approximateDouble()).isEqualTo(goValue)
                .isNotEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @CsvSource({"1, 1000m", "0.5Ki, 512", "1e3, 1k"})
    void equalityIsByValue(String a, String b) {
        assertThat(Quantity.valueOf(a)).isEqualTo(Quantity.valueOf(b)).hasSameHashCodeAs(Quantity.valueOf(b));
    }
}
