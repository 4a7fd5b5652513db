package dev.trafficengineer.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFixerTest {

    private static Finding finding(String rule, Fix fix) {
        return new Finding(rule, Severity.ERROR, "m.", "f.yaml", SourceRange.START, JsonPointer.ROOT, null, fix);
    }

    private static final SourceText TEXT = new SourceText("f.yaml", "a: 1 # keep\nb: 'two'\n\nc: 3\n");

    @Test
    void appliesEditsAndKeepsEveryOtherByte() {
        var out = TextFixer.apply(TEXT, List.of(
                finding("x/one", Fix.safe("one", new Edit(1, 4, 1, 5, "10"))),
                finding("x/two", Fix.safe("two", new Edit(2, 5, 2, 8, "deux")))), false);
        assertThat(out.text()).isEqualTo("a: 10 # keep\nb: 'deux'\n\nc: 3\n");
        assertThat(out.applied()).hasSize(2);
    }

    @Test
    void overlappingFixesKeepTheFirstAndReportTheOther() {
        var first = finding("x/a", Fix.safe("a", new Edit(1, 1, 1, 5, "z: 0")));
        var second = finding("x/b", Fix.safe("b", new Edit(1, 4, 1, 5, "2")));
        var out = TextFixer.apply(TEXT, List.of(second, first), false);
        assertThat(out.text()).startsWith("z: 0 # keep\n");
        assertThat(out.skipped()).extracting(s -> s.finding().ruleId()).containsExactly("x/b");
        assertThat(out.skipped().get(0).reason()).contains("overlaps the fix for x/a");
    }

    @Test
    void twoInsertionsAtOnePointConflictButAdjacentEditsDoNot() {
        var i1 = finding("x/a", Fix.safe("a", Edit.insert(4, 1, "d: 4\n")));
        var i2 = finding("x/b", Fix.safe("b", Edit.insert(4, 1, "e: 5\n")));
        assertThat(TextFixer.apply(TEXT, List.of(i1, i2), false).skipped()).hasSize(1);
        var replace = finding("x/c", Fix.safe("c", new Edit(1, 4, 1, 5, "9")));
        var after = finding("x/d", Fix.safe("d", Edit.insert(1, 5, "9")));
        assertThat(TextFixer.apply(TEXT, List.of(replace, after), false).text()).startsWith("a: 99 # keep");
    }

    @Test
    void unsafeFixesNeedConsent() {
        var f = finding("x/u", Fix.unsafe("u", new Edit(1, 4, 1, 5, "2")));
        assertThat(TextFixer.apply(TEXT, List.of(f), false).text()).isEqualTo(TEXT.text());
        assertThat(TextFixer.apply(TEXT, List.of(f), true).text()).startsWith("a: 2 ");
    }

    @Test
    void keepsWindowsLineEndings() {
        SourceText crlf = new SourceText("f.yaml", "a: 1\r\nb: 2\r\n");
        var f = finding("x/i", Fix.safe("i", Edit.insert(2, 1, "c:\n  d: 3\n")));
        assertThat(TextFixer.apply(crlf, List.of(f), false).text()).isEqualTo("a: 1\r\nc:\r\n  d: 3\r\nb: 2\r\n");
    }

    @Test
    void countsColumnsInCodePoints() {
        SourceText emoji = new SourceText("f.yaml", "a: \"\uD83D\uDE80x\"\n");
        var f = finding("x/e", Fix.safe("e", new Edit(1, 6, 1, 7, "y")));
        assertThat(TextFixer.apply(emoji, List.of(f), false).text()).isEqualTo("a: \"\uD83D\uDE80y\"\n");
    }
}
