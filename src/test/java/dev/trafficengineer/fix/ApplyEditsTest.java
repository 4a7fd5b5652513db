package dev.trafficengineer.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TextFixer#applyEdits}: a change made of several edits, applied together. */
class ApplyEditsTest {

    private static final SourceText TEXT = new SourceText("f.yaml", "a: 1 # one\nb: 2\n");

    @Test
    void editsApplyTogetherAndKeepTheRest() {
        assertThat(TextFixer.applyEdits(TEXT, List.of(new Edit(1, 4, 1, 5, "10"), new Edit(2, 4, 2, 5, "20"))))
                .isEqualTo("a: 10 # one\nb: 20\n");
    }

    @Test
    void overlappingEditsAreRefused() {
        assertThatThrownBy(() -> TextFixer.applyEdits(TEXT, List.of(new Edit(1, 1, 1, 5, "x"),
                new Edit(1, 4, 2, 1, "y")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("overlapping edits");
    }
}
