package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upstream's lexer tests ({@code promql/parser/lex_test.go}, as {@code upstream/promql/lex-cases.json}): the same
 * items, at the same offsets, with the same text; and an error wherever upstream's lexer fails. Series-description
 * cases (promqltest syntax, not PromQL) are skipped.
 */
class LexConformanceTest {

    @Test
    void agreesWithUpstreamLexerTests() {
        JsonNode cases = UpstreamData.json("lex-cases.json").get("cases");
        int total = 0;
        int agree = 0;
        List<String> problems = new ArrayList<>();
        for (JsonNode c : cases) {
            if (c.path("seriesDesc").asBoolean()) {
                continue;
            }
            total++;
            String input = c.get("input").asText();
            byte[] bytes = UpstreamData.inputBytes(c);
            Tokens t = Lexer.lex(input, true);
            List<String> got = new ArrayList<>();
            for (int i = 0; i < t.count; i++) {
                if (t.kinds[i] == TokenKind.EOF) {
                    break;
                }
                got.add(t.kinds[i] + "@" + t.cp(t.starts[i])
                        + (t.kinds[i] == TokenKind.ERROR ? "" : ":" + t.text(i)));
            }
            List<String> want = new ArrayList<>();
            if (c.get("fail").asBoolean()) {
                boolean lexFailed = !got.isEmpty() && got.get(got.size() - 1).startsWith("ERROR@");
                if (lexFailed) {
                    agree++;
                } else {
                    problems.add(c.get("id") + " " + input + ": lexed without error: " + got);
                }
                continue;
            }
            for (JsonNode tok : c.get("tokens")) {
                String type = tok.get("type").asText();
                int pos = UpstreamData.codePointOffset(bytes, tok.get("pos").asInt());
                if (type.equals("ERROR")) {
                    // upstream's lexer goes on after some errors; ours stops, which the parser does anyway
                    want.add("ERROR@" + pos);
                    break;
                }
                want.add(type + "@" + pos + ":" + tok.get("val").asText());
            }
            if (got.equals(want)) {
                agree++;
            } else {
                problems.add(c.get("id") + " " + input + ": " + got + " | want " + want);
            }
        }
        System.out.printf("lex-cases: %d PromQL cases, %d agree%n", total, agree);
        problems.forEach(p -> System.out.println("LEX " + p));
        assertThat(problems).isEmpty();
    }
}
