package dev.trafficengineer.rules.hpa.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces of Go formatting that appear in server messages. */
class GoFormatTest {

    @Test
    void quoteEscapesLikeStrconvQuote() {
        assertThat(GoFormat.quote("web")).isEqualTo("\"web\"");
        assertThat(GoFormat.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoFormat.quote("line\nnext\t")).isEqualTo("\"line\\nnext\\t\"");
        assertThat(GoFormat.quote("\u001b")).isEqualTo("\"\\x1b\"");
        assertThat(GoFormat.quote("caf\u00e9")).isEqualTo("\"caf\u00e9\""); // printable runes stay
        assertThat(GoFormat.quote("a\u00a0b")).isEqualTo("\"a\\u00a0b\""); // not printable in Go
        assertThat(GoFormat.quote("<&>")).isEqualTo("\"<&>\"");
    }

    @Test
    void jsonStringEscapesHtmlAndControls() {
        assertThat(GoFormat.jsonString("<a&b>")).isEqualTo("\"\\u003ca\\u0026b\\u003e\"");
        assertThat(GoFormat.jsonString("x\u0001y\n")).isEqualTo("\"x\\u0001y\\n\"");
        assertThat(GoFormat.jsonString("Resource")).isEqualTo("\"Resource\"");
    }

    @Test
    void jsonFloatIsShortestAndDropsIntegralFractions() {
        assertThat(GoFormat.jsonFloat(10.0)).isEqualTo("10");
        assertThat(GoFormat.jsonFloat(10.5)).isEqualTo("10.5");
        assertThat(GoFormat.jsonFloat(-0.0)).isEqualTo("-0");
        assertThat(GoFormat.jsonFloat(0.000001)).isEqualTo("0.000001");
        assertThat(GoFormat.jsonFloat(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(GoFormat.jsonFloat(1e-10)).isEqualTo("1e-10");
        assertThat(GoFormat.jsonFloat(1e20)).isEqualTo("100000000000000000000");
        assertThat(GoFormat.jsonFloat(1e21)).isEqualTo("1e+21");
        assertThat(GoFormat.jsonFloat(-2.5e22)).isEqualTo("-2.5e+22");
    }

    @Test
    void integersBeyondInt64TravelAsFloats() {
        assertThat(GoFormat.jsonInteger(BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo("9223372036854775807");
        assertThat(GoFormat.jsonInteger(new BigInteger("100000000000000000000000"))).isEqualTo("1e+23");
    }

    @Test
    void mapKeysSortAsUtf8Bytes() {
        List<String> keys = new ArrayList<>(List.of("b", "B", "\uffff", "\ud83d\ude00", "a"));
        keys.sort(GoFormat.GO_KEY_ORDER);
        // U+FFFF sorts before U+1F600 in UTF-8, after it in UTF-16
        assertThat(keys).containsExactly("B", "a", "b", "\uffff", "\ud83d\ude00");
    }

    @Test
    void timeParseErrorsLikeGo() {
        assertThat(GoTime.parseError("2024-01-01T00:00:00Z")).isNull();
        assertThat(GoTime.parseError("2024-01-01T5:00:00+05:30")).isNull(); // the hour may have one digit
        assertThat(GoTime.parseError("2024-13-01T00:00:00Z"))
                .isEqualTo("parsing time \"2024-13-01T00:00:00Z\": month out of range");
        assertThat(GoTime.parseError("2024-01-01 00:00:00Z")).isEqualTo("parsing time \"2024-01-01 00:00:00Z\" as "
                + "\"2006-01-02T15:04:05Z07:00\": cannot parse \" 00:00:00Z\" as \"T\"");
        assertThat(GoTime.parseError("2024-01-01T00:00:00Zjunk"))
                .isEqualTo("parsing time \"2024-01-01T00:00:00Zjunk\": extra text: \"junk\"");
        assertThat(GoTime.parseError("2024-01-01T00:00:00"))
                .isEqualTo("parsing time \"2024-01-01T00:00:00\" as \"2006-01-02T15:04:05Z07:00\": cannot parse \"\" "
                        + "as \"Z07:00\"");
    }
}
