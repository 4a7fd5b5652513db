package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prometheus's own parser tests ({@code promql/parser/parse_test.go}, as data in
 * {@code upstream/promql/parse-cases.json}) run against this parser: the verdict, the first error's message and
 * range, and for valid queries the whole tree.
 */
class ParseConformanceTest {

    /**
     * Upstream cases this parser deliberately answers differently, with the reason. Keep it short; every entry is
     * a divergence from Prometheus.
     */
    static final Map<Integer, String> DISAGREEMENTS = Map.of();

    /** Tables whose inputs are not PromQL expressions (promqltest series descriptions). */
    private static final List<String> NOT_PROMQL = List.of("testSeries", "TestParseSeriesDesc",
            "TestParseHistogramSeries");

    record Outcome(int id, String input, String problem) {}

    @Test
    void agreesWithUpstreamParserTests() {
        JsonNode cases = UpstreamData.json("parse-cases.json").get("cases");
        int total = 0;
        int verdictAgree = 0;
        int failCases = 0;
        int messageAgree = 0;
        int rangeAgree = 0;
        int okCases = 0;
        int treeAgree = 0;
        List<Outcome> verdictProblems = new ArrayList<>();
        List<Outcome> detailProblems = new ArrayList<>();
        for (JsonNode c : cases) {
            if (NOT_PROMQL.contains(c.get("table").asText())) {
                continue;
            }
            int id = c.get("id").asInt();
            String input = c.get("input").asText();
            boolean expectFail = c.get("fail").asBoolean() || c.path("standardFunctionsFail").asBoolean();
            ParseResult r = PromQL.parse(input, optionsFor(c));
            total++;
            if (r.ok() != !expectFail) {
                if (!DISAGREEMENTS.containsKey(id)) {
                    verdictProblems.add(new Outcome(id, input, r.ok() ? "accepted" : "rejected: " + error(r)));
                }
                continue;
            }
            verdictAgree++;
            if (expectFail && c.has("errMsg")) {
                failCases++;
                ParseError e = ((ParseResult.Failed) r).error();
                JsonNode first = c.get("errors").get(0);
                String want = first.get("msg").asText();
                if (e.message().equals(want)) {
                    messageAgree++;
                } else {
                    detailProblems.add(new Outcome(id, input, "message " + e.message() + " | want " + want));
                }
                if (first.has("start")) {
                    byte[] bytes = UpstreamData.inputBytes(c);
                    int ws = UpstreamData.codePointOffset(bytes, first.get("start").asInt());
                    int we = UpstreamData.codePointOffset(bytes, first.get("end").asInt());
                    if (e.start() == ws && e.end() == we) {
                        rangeAgree++;
                    } else {
                        detailProblems.add(new Outcome(id, input,
                                "range " + e.start() + ".." + e.end() + " | want " + ws + ".." + we));
                    }
                }
            }
            if (!expectFail && c.has("expected") && c.get("expected").has("_type")
                    && !c.get("expected").get("_type").asText().equals("ExtractSelectors")) {
                okCases++;
                JsonNode want = UpstreamAst.normalize(c.get("expected"));
                JsonNode got = UpstreamAst.normalize(UpstreamAst.of(((ParseResult.Parsed) r).expr()));
                if (want.equals(got)) {
                    treeAgree++;
                } else {
                    detailProblems.add(new Outcome(id, input, "tree " + got + "\n   want " + want));
                }
            }
        }
        System.out.printf("parse-cases: %d PromQL cases; verdict agrees %d/%d; first error message agrees %d/%d, "
                        + "range agrees %d/%d; tree agrees %d/%d; deliberate disagreements %d%n",
                total, verdictAgree, total, messageAgree, failCases, rangeAgree, failCases, treeAgree, okCases,
                DISAGREEMENTS.size());
        verdictProblems.forEach(o -> System.out.println("VERDICT " + o));
        detailProblems.forEach(o -> System.out.println("DETAIL  " + o));
        assertThat(verdictProblems).isEmpty();
        assertThat(detailProblems).isEmpty();
    }

    /** Upstream runs its table with these options on where a case depends on them. */
    static ParseOptions optionsFor(JsonNode c) {
        ParseOptions o = ParseOptions.DEFAULT;
        for (JsonNode f : c.path("features")) {
            switch (f.asText()) {
                case "experimental-functions" -> o = o.withExperimentalFunctions(true);
                case "duration-expr" -> o = o.withDurationExpressions(true);
                case "extended-range-selectors" -> o = o.withExtendedRangeSelectors(true);
                case "binop-fill-modifiers" -> o = o.withBinopFillModifiers(true);
                default -> throw new IllegalArgumentException("unknown feature " + f);
            }
        }
        return o;
    }

    private static String error(ParseResult r) {
        ParseError e = ((ParseResult.Failed) r).error();
        return e.message() + " @" + e.start() + ".." + e.end();
    }
}
