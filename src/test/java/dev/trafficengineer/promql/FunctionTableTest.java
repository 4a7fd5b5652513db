package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.promql.ast.AggregateOp;
import dev.trafficengineer.promql.ast.BinaryOp;
import dev.trafficengineer.promql.ast.FunctionSignature;
import dev.trafficengineer.promql.ast.ValueType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The tables taken from upstream data stay in step with {@code upstream/promql/functions.json}. */
class FunctionTableTest {

    /** Regenerates Functions.java and compares; {@code -Dgolden.update=true} rewrites it instead. */
    @Test
    void generatedFunctionTableIsFresh() throws Exception {
        Path base = Path.of(System.getProperty("project.basedir", "."));
        String fresh = FunctionTableGenerator.generate(base.resolve(FunctionTableGenerator.SOURCE));
        Path target = base.resolve(FunctionTableGenerator.TARGET);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(target, fresh, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8))
                .as("Functions.java is stale; rerun with -Dgolden.update=true")
                .isEqualTo(fresh);
    }

    @Test
    void functionsMatchTheUpstreamArityRules() {
        JsonNode json = UpstreamData.json("functions.json");
        int n = 0;
        for (JsonNode f : json.get("functions")) {
            FunctionSignature sig = Functions.lookup(f.get("name").asText());
            assertThat(sig).as(f.get("name").asText()).isNotNull();
            assertThat(sig.minArgs()).isEqualTo(f.get("minArgs").asInt());
            assertThat(sig.maxArgs()).isEqualTo(f.get("maxArgs").isNull() ? -1 : f.get("maxArgs").asInt());
            assertThat(sig.returnType()).isEqualTo(ValueType.ofDocumentedName(f.get("returnType").asText()));
            n++;
        }
        assertThat(Functions.all()).hasSize(n);
    }

    @Test
    void aggregationsMatchUpstream() {
        List<String> got = new ArrayList<>();
        for (AggregateOp op : AggregateOp.values()) {
            got.add(op.keyword() + ":" + (op.paramType() == null ? "null" : op.paramType().documentedName()) + ":"
                    + op.experimental());
        }
        List<String> want = new ArrayList<>();
        for (JsonNode a : UpstreamData.json("functions.json").get("aggregations").get("operators")) {
            want.add(a.get("name").asText() + ":" + a.get("param").asText() + ":" + a.get("experimental").asBoolean());
        }
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void binaryPrecedenceMatchesUpstream() {
        JsonNode levels = UpstreamData.json("functions.json").get("binaryOperators").get("precedenceLowToHigh");
        for (int level = 0; level < levels.size(); level++) {
            for (JsonNode symbol : levels.get(level)) {
                BinaryOp op = bySymbol(symbol.asText());
                assertThat(op.precedence()).as(symbol.asText()).isEqualTo(level + 1);
            }
        }
        assertThat(BinaryOp.POW.rightAssociative()).isTrue();
        assertThat(BinaryOp.values()).filteredOn(BinaryOp::rightAssociative).containsExactly(BinaryOp.POW);
    }

    private static BinaryOp bySymbol(String s) {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.symbol().equals(s.toLowerCase(Locale.ROOT))) {
                return op;
            }
        }
        throw new AssertionError("no operator " + s);
    }
}
