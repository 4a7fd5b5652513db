package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.ValueType;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile sizes and shapes. Deep nesting is an error, not a {@link StackOverflowError}; long flat inputs parse in
 * linear time. The time check is structural rather than a benchmark: at a million characters a quadratic step would
 * need around 10^12 operations, so a generous timeout separates linear from quadratic without being flaky.
 */
class DeepAndLargeInputTest {

    private static final int DEEP = 100_000;

    static Stream<Arguments> deepInputs() {
        return Stream.of(
                Arguments.of("parentheses", "(".repeat(DEEP) + "1" + ")".repeat(DEEP)),
                Arguments.of("unary signs", "-".repeat(DEEP) + "1"),
                Arguments.of("right-associative ^", "1" + "^1".repeat(DEEP)),
                Arguments.of("aggregations", "sum(".repeat(DEEP) + "x" + ")".repeat(DEEP)),
                Arguments.of("function calls", "abs(".repeat(DEEP) + "x" + ")".repeat(DEEP)),
                Arguments.of("range durations", "x[" + "(".repeat(DEEP) + "1m" + ")".repeat(DEEP) + "]"),
                Arguments.of("offset durations", "x offset " + "(".repeat(DEEP) + "1m" + ")".repeat(DEEP)),
                Arguments.of("min_of", "x[" + "min_of(1m,".repeat(DEEP) + "1m" + ")".repeat(DEEP) + "]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepInputs")
    void deepNestingIsAnError(String shape, String query) {
        ParseResult r = PromQL.parse(query, ParseOptions.ALL);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed) r).error().message())
                .isEqualTo("expression nests too deeply: more than 256 levels");
    }

    @Test
    void nestingWithinTheLimitParses() {
        String q = "(".repeat(200) + "sum(rate(x[5m]))" + ")".repeat(200);
        assertThat(PromQL.parse(q).ok()).isTrue();
    }

    @Test
    void deeplyNestedRegexIsGoError() {
        String q = "x{a=~\"" + "(".repeat(1001) + "a" + ")".repeat(1001) + "\"}";
        ParseResult r = PromQL.parse(q);
        assertThat(((ParseResult.Failed) r).error().message()).startsWith("error parsing regexp: expression nests too"
                + " deeply: ");
    }

    @Test
    void longFlatChainsParsePrintAndCompare() {
        int n = 200_000;
        String q = "1" + " + 1".repeat(n);
        ParseResult.Parsed p = (ParseResult.Parsed) PromQL.parse(q);
        assertThat(p.type()).isEqualTo(ValueType.SCALAR);
        assertThat(Printer.print(p.expr())).isEqualTo(q);
        assertThat(Ast.withoutPositions(p.expr())).isEqualTo(Ast.withoutPositions(p.expr()));
        assertThat(Ast.nodes(p.expr())).hasSize(2 * n + 1);
        assertThat(p.expr().toString()).startsWith("BinaryExpr[op=ADD");
        ParseResult.Parsed again = (ParseResult.Parsed) PromQL.parse(" " + q);
        assertThat(Ast.withoutPositions(again.expr()).hashCode())
                .isEqualTo(Ast.withoutPositions(p.expr()).hashCode());
        assertThat(again.expr()).isNotEqualTo(p.expr()); // positions differ by one

        String vectors = "a" + " or b".repeat(n);
        ParseResult.Parsed v = (ParseResult.Parsed) PromQL.parse(vectors);
        assertThat(v.type()).isEqualTo(ValueType.INSTANT_VECTOR);
    }

    @Test
    void longSubqueryChainFailsTypeCheckWithoutRecursing() {
        ParseResult r = PromQL.parse("x" + "[1m:]".repeat(DEEP));
        assertThat(((ParseResult.Failed) r).error().message())
                .isEqualTo("subquery is only allowed on instant vector, got matrix instead");
    }

    /** Shapes of input, each built at a requested size in characters. */
    static Stream<Arguments> flatShapes() {
        return Stream.<Object[]>of(
                new Object[] {"sum chain", (IntFunction<String>) n -> "a" + " + bb".repeat(n / 5)},
                new Object[] {"identifiers", (IntFunction<String>) n -> "x" + " or abc_def".repeat(n / 11)},
                new Object[] {"matchers", (IntFunction<String>) n -> "x{" + "a=\"b\",".repeat(n / 6) + "}"},
                new Object[] {"string", (IntFunction<String>) n -> "\"" + "ab\\n".repeat(n / 4) + "\""},
                new Object[] {"comment", (IntFunction<String>) n -> "x # " + "c".repeat(n)},
                new Object[] {"variadic args",
                    (IntFunction<String>) n -> "label_join(x, \"d\", \",\"" + ", \"s\"".repeat(n / 6) + ")"},
                new Object[] {"grouping", (IntFunction<String>) n -> "sum by (" + "l,".repeat(n / 2) + ") (x)"},
                new Object[] {"regex classes",
                    (IntFunction<String>) n -> "x{a=~\"[" + "[:".repeat(n / 2) + "]\"}"},
                new Object[] {"regex groups",
                    (IntFunction<String>) n -> "x{a=~\"" + "(?:a)".repeat(n / 5) + "\"}"},
                new Object[] {"subqueries", (IntFunction<String>) n -> "x" + "[1m:]".repeat(n / 5)},
                new Object[] {"duration sums", (IntFunction<String>) n -> "x[1m" + "+1s".repeat(n / 3) + "]"},
                new Object[] {"unclosed", (IntFunction<String>) n -> "sum(rate(x[5m]) + " + "y + ".repeat(n / 4)})
                .map(a -> Arguments.of(a[0], a[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flatShapes")
    void growingFlatInputsStayLinear(String shape, IntFunction<String> build) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n : new int[] {10_000, 100_000, 1_000_000}) {
                String q = build.apply(n);
                ParseResult r = PromQL.parse(q, ParseOptions.ALL);
                RobustnessProperties.checkOutcome(q, r);
                if (r instanceof ParseResult.Parsed p) {
                    assertThat(Printer.print(p.expr())).isNotEmpty();
                }
            }
        });
    }
}
