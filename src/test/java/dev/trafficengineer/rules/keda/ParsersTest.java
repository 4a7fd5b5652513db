package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** KEDA's value parsers, robfig/cron's schedule grammar and expr-lang name resolution, as reproduced here. */
class ParsersTest {

    @Test
    void numbersFollowGoJson() {
        assertThat(GoValues.float64Error("0.5")).isNull();
        assertThat(GoValues.float64Error("1e3")).isNull();
        assertThat(GoValues.float64Error(".5")).isNotNull();
        assertThat(GoValues.float64Error("+1")).isNotNull();
        assertThat(GoValues.float64Error("05")).isNotNull();
        assertThat(GoValues.int64Error("1.5")).isEqualTo("json: cannot unmarshal number 1.5 into Go value of type"
                + " int64");
        assertThat(GoValues.int64Error("ten")).isEqualTo("invalid character 't' looking for beginning of value");
        assertThat(GoValues.int64Error("9223372036854775808")).isNotNull();
        assertThat(GoValues.parseIntError("+10")).isNull();
    }

    @Test
    void booleansDurationsAndMaps() {
        for (String ok : new String[] {"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false",
                "False"}) {
            assertThat(GoValues.boolError(ok)).as(ok).isNull();
        }
        assertThat(GoValues.boolError("yes")).isNotNull();
        assertThat(GoValues.durationError("1m30s")).isNull();
        assertThat(GoValues.durationError("2500")).isNull();
        assertThat(GoValues.durationError("-5s")).startsWith("duration cannot be negative");
        assertThat(GoValues.durationError("5 minutes")).isNotNull();
        assertThat(GoValues.mapError("a=1, b=2")).isNull();
        assertThat(GoValues.mapError("a=1,b")).isEqualTo("expected format key=value, got \"b\"");
    }

    @Property
    void everyInRangeFiveFieldScheduleParses(@ForAll @IntRange(max = 59) int minute,
            @ForAll @IntRange(max = 23) int hour, @ForAll @IntRange(min = 1, max = 31) int day,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(max = 6) int weekday) {
        assertThat(CronSchedule.error(minute + " " + hour + " " + day + " " + month + " " + weekday)).isNull();
        assertThat(CronSchedule.error(minute + " " + (hour + 24) + " * * *")).startsWith("end of range");
    }

    @Test
    void cronGrammar() {
        assertThat(CronSchedule.error("*/15 8-18 * JAN-MAR mon,wed,fri")).isNull();
        assertThat(CronSchedule.error("0 0 8 * * *")).startsWith("expected exactly 5 fields, found 6");
        assertThat(CronSchedule.error("@every 1h")).startsWith("parser does not accept descriptors");
        assertThat(CronSchedule.error("0 8 * * 7")).isEqualTo("end of range (7) above maximum (6): 7");
        assertThat(CronSchedule.error("0 18-8 * * *")).startsWith("beginning of range (18) beyond end of range");
        assertThat(CronSchedule.error("0 8 * * 1-2-3")).isEqualTo("too many hyphens: 1-2-3");
        assertThat(CronSchedule.error("0/0 8 * * *")).startsWith("step of range should be a positive number");
        assertThat(CronSchedule.error("CRON_TZ=Asia/Tokyo 0 9 * * *")).isNull();
        assertThat(CronSchedule.knownZone("Asia/Kolkata")).isTrue();
        assertThat(CronSchedule.knownZone("Local")).isTrue();
        assertThat(CronSchedule.knownZone("IST")).isFalse();
        assertThat(CronSchedule.knownZone("GMT+1")).isFalse();
    }

    @Test
    void formulaReferencesSkipFunctionsMembersKeysClosuresAndLets() {
        assertThat(ExprFormula.references("trig_one + trig_two * 2")).containsExactly("trig_one", "trig_two");
        assertThat(ExprFormula.references("max([a, b]) / len(c.items)")).containsExactly("a", "b", "c");
        assertThat(ExprFormula.references("a > 1 ? a : b ?? 0")).containsExactly("a", "b");
        assertThat(ExprFormula.references("let x = a * 2; x + 1")).containsExactly("a");
        assertThat(ExprFormula.references("{\"k\": a, key: b}.k")).containsExactly("a", "b");
        assertThat(ExprFormula.references("sum(map(q, # * 2)) + 'not a name'")).containsExactly("q");
        assertThat(ExprFormula.references("1.5e3 + 0x1F")).isEmpty();
    }
}
