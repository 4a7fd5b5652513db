package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrinterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            sum(rate(http_requests_total{job="api"}[5m])) by (job)   | sum by (job) (rate(http_requests_total{job="api"}[5m]))
            foo offset 5m                                             | foo offset 5m
            foo[5m] offset -1h @ 1603774568                           | foo[5m] @ 1603774568.000 offset -1h
            a+on(x)group_left b                                       | a + on (x) group_left b
            a * on(x) group_left() (b)                                | a * on (x) group_left () (b)
            1 == bool 2                                               | 1 == bool 2
            -1^2                                                      | -1 ^ 2
            topk(5, x)                                                | topk(5, x)
            count_values without(a) ("v", x)                          | count_values without (a) ("v", x)
            foo[1h30m:1m]                                             | foo[1h30m:1m]
            foo[90d]                                                  | foo[90d]
            foo[-(10s-5s)+20s]                                        | foo[-(10s - 5s) + 20s]
            {"some.metric", "a b"="c"}                                | {__name__="some.metric", "a b"="c"}
            sum by ("without", "inf", job, by) (x)                    | sum by ("without", "inf", job, by) (x)
            0x10 + .5 + 1e-7                                          | 16 + 0.5 + 1e-7
            """)
    void printsCanonically(String in, String want) {
        ParseResult r = PromQL.parse(in, ParseOptions.DEFAULT);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        assertThat(Printer.print(((ParseResult.Parsed) r).expr())).isEqualTo(want);
    }

    /** Every valid upstream test case and every real query prints to text that parses back to the same tree. */
    @Test
    void roundTripsUpstreamAndRealQueries() {
        List<String> inputs = new ArrayList<>(UpstreamData.queries("real-queries.txt"));
        for (JsonNode c : UpstreamData.json("parse-cases.json").get("cases")) {
            if (!c.get("fail").asBoolean() && !c.path("seriesDesc").asBoolean()
                    && !c.path("standardFunctionsFail").asBoolean()) {
                inputs.add(c.get("input").asText());
            }
        }
        int checked = 0;
        for (String in : inputs) {
            ParseResult r = PromQL.parse(in, ParseOptions.ALL);
            if (r instanceof ParseResult.Parsed p) {
                assertRoundTrips(p.expr());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    static void assertRoundTrips(Expr e) {
        String printed = Printer.print(e);
        ParseResult again = PromQL.parse(printed, ParseOptions.ALL);
        assertThat(again).as("reparse of %s", printed).isInstanceOf(ParseResult.Parsed.class);
        assertThat(Ast.withoutPositions(((ParseResult.Parsed) again).expr()))
                .as("tree of %s", printed)
                .isEqualTo(Ast.withoutPositions(e));
    }
}
