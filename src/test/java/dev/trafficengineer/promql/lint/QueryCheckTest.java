package dev.trafficengineer.promql.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.promql.ParseError;
import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.ast.ValueType;
import org.junit.jupiter.api.Test;

class QueryCheckTest {

    @Test
    void validQueryHasTypeAndLint() {
        CheckResult r = QueryCheck.check("sum by (pod) (rate(http_requests_total[30s]))", ParseOptions.DEFAULT,
                QueryContext.kedaTrigger(10));
        assertThat(r.ok()).isTrue();
        assertThat(r.type()).isEqualTo(ValueType.INSTANT_VECTOR);
        assertThat(r.error()).isNull();
        assertThat(r.lint()).extracting(p -> p.rule().id())
                .contains("promql/keda-multiple-series", "promql/range-too-short", "promql/unscoped-selector");
    }

    @Test
    void syntaxErrorHasMessageAndCodePointRange() {
        CheckResult r = QueryCheck.check("sum(rate(\"😀\" x[5m]))");
        assertThat(r.ok()).isFalse();
        assertThat(r.type()).isNull();
        assertThat(r.error()).isEqualTo(new ParseError("unexpected identifier \"x\" in aggregation", 13, 14));
        assertThat(QueryLint.ruleFor(r.error())).isSameAs(QueryLint.SYNTAX);
        assertThat(r.lint()).isEmpty();
    }

    @Test
    void typeErrorIsTheTypeRule() {
        CheckResult r = QueryCheck.check("rate(http_requests_total)");
        assertThat(r.error().message())
                .isEqualTo("expected type range vector in call to function \"rate\", got instant vector");
        assertThat(r.error().kind()).isEqualTo(ParseError.Kind.TYPE);
        assertThat(QueryLint.ruleFor(r.error())).isSameAs(QueryLint.TYPE);
    }

    @Test
    void experimentalFunctionsNeedTheOption() {
        assertThat(QueryCheck.check("limitk(1, x)").error().message())
                .isEqualTo("limitk() is experimental and must be enabled with "
                        + "--enable-feature=promql-experimental-functions");
        assertThat(QueryCheck.check("mad_over_time(x[5m])").error().message())
                .isEqualTo("function \"mad_over_time\" is not enabled");
        assertThat(QueryCheck.check("mad_over_time(x[5m])", ParseOptions.DEFAULT.withExperimentalFunctions(true),
                QueryContext.DEFAULT).ok()).isTrue();
    }
}
