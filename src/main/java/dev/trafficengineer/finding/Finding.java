package dev.trafficengineer.finding;

import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import java.util.Comparator;

/**
 * One problem found in the input: which rule, how bad, what to do, and exactly where. {@code object} is null for
 * problems of a whole file (it cannot be parsed); {@code fix} is null when there is no mechanical fix.
 */
public record Finding(
        String ruleId,
        Severity severity,
        String message,
        String file,
        SourceRange range,
        JsonPointer pointer,
        ObjectRef object,
        Fix fix) {

    /** Report order: by file, position, then rule id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt((Finding f) -> f.range().line())
            .thenComparingInt(f -> f.range().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    public Finding {
        if (ruleId == null || severity == null || message == null || file == null || range == null
                || pointer == null) {
            throw new IllegalArgumentException("a finding needs rule, severity, message, file, range and pointer");
        }
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, message, file, range, pointer, object, fix);
    }

    public Finding withoutFix() {
        return new Finding(ruleId, severity, message, file, range, pointer, object, null);
    }
}
