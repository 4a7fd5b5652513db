package dev.trafficengineer.promql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.promql.ast.Ast;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.MatrixSelector;
import dev.trafficengineer.promql.ast.PositionRange;
import dev.trafficengineer.promql.ast.VectorSelector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Behaviour that upstream's test table does not pin down: option gates, code points, regexes, Go conversions. */
class ParserBehaviourTest {

    static ParseError error(String q, ParseOptions o) {
        ParseResult r = PromQL.parse(q, o);
        assertThat(r).as(q).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) r).error();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            foo[5m] anchored                    | anchored modifier is experimental and not enabled
            foo smoothed                        | smoothed modifier is experimental and not enabled
            a + fill(0) b                       | binop fill modifiers are experimental and not enabled
            a + on(x) fill_left(1) fill_right(2) b | binop fill modifiers are experimental and not enabled
            limit_ratio(0.5, x)                 | limit_ratio() is experimental and must be enabled with --enable-feature=promql-experimental-functions
            double_exponential_smoothing(x[5m], 0.5, 0.5) | function "double_exponential_smoothing" is not enabled
            holt_winters(x[5m], 0.5, 0.5)       | unknown function with name "holt_winters"
            """)
    void experimentalSyntaxIsRejectedByDefault(String q, String message) {
        assertThat(error(q, ParseOptions.DEFAULT).message()).isEqualTo(message);
    }

    @Test
    void optionsEnableTheExperimentalSyntax() {
        for (String q : new String[] {"foo[5m] anchored", "foo smoothed", "a + fill(0) b", "limit_ratio(0.5, x)",
            "a + on(x) fill_left(1) fill_right(2) b", "double_exponential_smoothing(x[5m], 0.5, 0.5)"}) {
            assertThat(PromQL.parse(q, ParseOptions.ALL).ok()).as(q).isTrue();
        }
        assertThat(error("foo[5m] anchored smoothed", ParseOptions.ALL).message())
                .isEqualTo("anchored and smoothed modifiers cannot be used together");
        assertThat(error("a and fill(0) b", ParseOptions.ALL).message())
                .isEqualTo("filling in missing series not allowed for set operators");
    }

    @Test
    void durationExpressionsCanBeSwitchedOff() {
        ParseOptions off = ParseOptions.DEFAULT.withDurationExpressions(false);
        assertThat(error("foo[5m+1m]", off)).isEqualTo(
                new ParseError("experimental duration expression is not enabled", 4, 6));
        assertThat(PromQL.parse("foo[5m+1m]").ok()).isTrue();
        assertThat(PromQL.parse("foo[5m] offset 1m", off).ok()).isTrue();
    }

    @Test
    void positionsAreCodePoints() {
        String q = "up{a=\"😀\"} + 😀";
        ParseError e = error(q, ParseOptions.DEFAULT);
        assertThat(e.message()).isEqualTo("unexpected character: '😀'");
        assertThat(e.start()).isEqualTo(12);
        assertThat(e.end()).isEqualTo(q.codePointCount(0, q.length()));
        Expr parsed = ((ParseResult.Parsed) PromQL.parse("sum({\"😀\"}) + x")).expr();
        assertThat(((BinaryExpr) parsed).rhs().position()).isEqualTo(new PositionRange(13, 14));
    }

    @Test
    void keepsTheModifiersOfARangeOnItsSelector() {
        MatrixSelector m = (MatrixSelector) ((ParseResult.Parsed) PromQL.parse("foo[5m] offset 1h @ 100")).expr();
        VectorSelector vs = m.selector();
        assertThat(vs.modifiers().offset()).isNotNull();
        assertThat(vs.modifiers().at().timestampMillis()).isEqualTo(100_000);
        assertThat(m.position()).isEqualTo(new PositionRange(0, 23));
        assertThat(vs.position()).isEqualTo(new PositionRange(0, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (                  | error parsing regexp: missing closing ): `(`
            a)b                | error parsing regexp: unexpected ): `a)b`
            [z-a]              | error parsing regexp: invalid character class range: `z-a`
            [a                 | error parsing regexp: missing closing ]: `[a`
            a**                | error parsing regexp: invalid nested repetition operator: `**`
            *a                 | error parsing regexp: missing argument to repetition operator: `*`
            a{1001}            | error parsing regexp: invalid repeat count: `{1001}`
            (a{100}){20}       | error parsing regexp: invalid repeat count: `{20}`
            (?=a)              | error parsing regexp: invalid or unsupported Perl syntax: `(?=`
            (?P<a-b>x)         | error parsing regexp: invalid named capture: `(?P<a-b>`
            \\1                | error parsing regexp: invalid escape sequence: `\\1`
            \\pX               | error parsing regexp: invalid character class range: `\\pX`
            [[:foo:]]          | error parsing regexp: invalid character class range: `[:foo:]`
            \\                 | error parsing regexp: trailing backslash at end of expression: ``
            """)
    void regexMatchersUseGoSyntax(String regex, String message) {
        String re = regex.replace("\\\\", "\\");
        String q = "x{a=~" + Printer.quote(re) + "}";
        ParseError e = error(q, ParseOptions.DEFAULT);
        assertThat(e.message()).isEqualTo(message.replace("\\\\", "\\"));
        assertThat(e.start()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            a{2}b|c{1,3}?       => true
            (?i)foo(?:bar)*     => true
            \\d+\\.\\w*         => true
            [[:alpha:]\\-_]+    => true
            \\p{Greek}\\PL      => true
            (?P<name>x)(?<1a>y) => true
            \\Qa.b\\E           => true
            x{                  => true
            """)
    void validRegexesAreAccepted(String regex, boolean ok) {
        String re = regex.replace("\\\\", "\\");
        assertThat(Re2Syntax.check(re)).as(re).isNull();
        assertThat(ok).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '~', textBlock = """
            {a=~".*"}           => false
            {a=~"x|"}           => false
            {a=~"(a|b)?"}       => false
            {a=~"\\b"}          => true
            {a=~"x+"}           => true
            {a!~""}             => true
            {a!~".+"}           => false
            {a=~"^$"}           => false
            {a=~"\\Q\\E"}       => false
            """)
    void emptyMatchingFollowsTheRegex(String selector, boolean valid) {
        String q = selector.replace("\\\\", "\\");
        assertThat(PromQL.parse(q).ok()).as(q).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0x1F          | 31
            0755          | 493
            08            | 8
            1_000         | 1000
            1e3           | 1000
            .5e1          | 5
            1h30m         | 5400
            1m30ms        | 60.03
            0x1e2         | 482
            """)
    void numbersConvertAsGoDoes(String literal, double value) {
        Expr e = ((ParseResult.Parsed) PromQL.parse(literal)).expr();
        assertThat(((dev.trafficengineer.promql.ast.NumberLiteral) e).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            0xfe                        | bad number or duration syntax: "0xfe"
            0xFFFFFFFFFFFFFFFFFF        | error parsing number: strconv.ParseFloat: parsing "0xFFFFFFFFFFFFFFFFFF": invalid syntax
            1e400                       | error parsing number: strconv.ParseFloat: parsing "1e400": value out of range
            1.5h                        | unknown unit "." in duration "1.5h"
            300y                        | duration out of range
            x!"                         | unexpected character after '!': '"'
            x{a="\\q"}                  | unknown escape sequence U+0071 'q'
            x{a="\\u00"}                | illegal character U+0022 '"' in escape sequence
            "\\ud800"                   | escape sequence is an invalid Unicode code point
            """)
    void conversionErrorsAreGos(String q, String message) {
        assertThat(error(q.replace("\\\\", "\\"), ParseOptions.DEFAULT).message()).isEqualTo(message);
    }

    @Test
    void invalidGroupingLabelIsReportedWithGoQuoting() {
        assertThat(error("sum by (\"\\xff\") (x)", ParseOptions.DEFAULT).message())
                .isEqualTo("invalid label name for grouping: \"\\xff\"");
        assertThat(error("sum by (\"\") (x)", ParseOptions.DEFAULT).message())
                .isEqualTo("invalid label name for grouping: \"\"");
        Expr ok = ((ParseResult.Parsed) PromQL.parse("sum by (\"\\xc3\\xa9\") (x)")).expr();
        assertThat(Printer.print(ok)).isEqualTo("sum by (\"é\") (x)");
    }

    @Test
    void theUnsignedParenthesisedOffsetTakesFollowingOperators() {
        // goyacc shifts an operator after "offset (...)" (the reduction has no precedence): upstream reads this as
        // an offset of (1m) * 2, not as (foo offset 1m) * 2.
        Expr e = ((ParseResult.Parsed) PromQL.parse("foo offset (1m) * 2")).expr();
        assertThat(e).isInstanceOf(VectorSelector.class);
        assertThat(Printer.print(e)).isEqualTo("foo offset (1m) * 2");
        // a literal ends the offset
        assertThat(Ast.unwrapParens(((ParseResult.Parsed) PromQL.parse("foo offset 1m * 2")).expr()))
                .isInstanceOf(BinaryExpr.class);
    }
}
