package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.promql.ast.ValueType;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the input, parsing ends in {@link ParseResult.Parsed} or {@link ParseResult.Failed} with a sane error
 * range, never in another exception; and everything that parses prints back to the same tree.
 */
class RobustnessProperties {

    private static final List<String> REAL = UpstreamData.queries("real-queries.txt");

    /** Fragments that make mutations likely to hit interesting states. */
    private static final String[] SNIPPETS = {"(", ")", "[", "]", "{", "}", ",", ":", "\"", "'", "`", "\\", "=",
        "=~", "!~", "!=", "==", "<", ">/", "</", "@", "offset", " by (", "without", "bool", "on(", "group_left",
        "[5m:]", "[1m]", "5m", "1e", "0x", "Inf", "NaN", "#", "\n", "step()", "min_of(", "sum(", "rate(", "-", "+",
        "^", "atan2", "\uFFFD", "😀", "台", "\u0000", " ", "fill(0)", "anchored", "smoothed", "start()", "and"};

    @Provide
    Arbitrary<String> promqlish() {
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.chars().with("(){}[],:;\"'`\\=!~<>@+-*/%^#._ \n\t0123456789abcdefxyzINFnaom"),
                Arbitraries.chars().all());
        return chars.list().ofMaxSize(120).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
    }

    @Property(tries = 3000)
    void randomTextEndsInAResult(@ForAll("promqlish") String input) {
        for (ParseOptions o : List.of(ParseOptions.DEFAULT, ParseOptions.ALL)) {
            checkOutcome(input, PromQL.parse(input, o));
        }
    }

    @Property(tries = 3000)
    void mutatedRealQueriesEndInAResult(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        Random r = new Random(seed);
        String q = REAL.get(r.nextInt(REAL.size()));
        StringBuilder b = new StringBuilder(q);
        int edits = 1 + r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
                case 1 -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(8));
                    b.delete(Math.min(at, b.length()), end);
                }
                case 2 -> {
                    if (at < b.length()) {
                        b.setCharAt(at, (char) r.nextInt(128));
                    }
                }
                default -> {
                    int end = Math.min(b.length(), at + r.nextInt(12));
                    b.insert(Math.min(at, b.length()), b.substring(Math.min(at, b.length()), end));
                }
            }
        }
        String input = b.toString();
        ParseResult result = PromQL.parse(input, ParseOptions.DEFAULT);
        checkOutcome(input, result);
        if (result instanceof ParseResult.Parsed p) {
            PrinterTest.assertRoundTrips(p.expr());
        }
    }

    @Property(tries = 2000)
    void generatedValidQueriesParseAndRoundTrip(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Random r = new Random(seed);
        ValueType type = ValueType.values()[r.nextInt(4)];
        String q = new QueryGenerator(r).expr(type, 1 + r.nextInt(4));
        ParseResult result = PromQL.parse(q, ParseOptions.DEFAULT);
        assertThat(result).as(q).isInstanceOf(ParseResult.Parsed.class);
        ParseResult.Parsed p = (ParseResult.Parsed) result;
        assertThat(p.type()).as(q).isEqualTo(type);
        PrinterTest.assertRoundTrips(p.expr());
    }

    static void checkOutcome(String input, ParseResult result) {
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Failed f) {
            int length = input.codePointCount(0, input.length());
            assertThat(f.error().message()).isNotBlank();
            assertThat(f.error().end()).as("error end within %s", input).isLessThanOrEqualTo(length);
        }
    }
}
