package dev.trafficengineer.finding;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a rule is, for people and tools: its id ({@code area/kebab-name}), default severity, a one-line summary, and the
 * documentation sections of its page in docs/rules.md.
 *
 * @param summary   what the rule catches, one line, no trailing period
 * @param rationale why it matters, in full sentences
 * @param example   a snippet that fires (YAML, or a PromQL query)
 * @param remedy    what to write instead, in full sentences
 * @param source    the upstream facts the rule rests on (file, function or doc page)
 */
public record RuleInfo(
        String id,
        Severity severity,
        String summary,
        String rationale,
        String example,
        String remedy,
        String source,
        FixAvailability fix) {

    private static final Pattern ID = Pattern.compile("[a-z]+/[a-z0-9]+(-[a-z0-9]+)*");

    public RuleInfo {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(fix, "fix");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be area/kebab-name: " + id);
        }
        for (String s : new String[] {summary, rationale, example, remedy, source}) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException("rule " + id + " lacks part of its documentation");
            }
        }
        if (summary.endsWith(".")) {
            throw new IllegalArgumentException("rule " + id + ": the summary has no trailing period");
        }
    }

    /** The area of the id: {@code hpa} for {@code hpa/min-equals-max}. */
    public String area() {
        return id.substring(0, id.indexOf('/'));
    }

    /** The anchor of this rule's section in docs/rules.md. */
    public String anchor() {
        return id.replace('/', '-');
    }

    public static Builder builder(String id, Severity severity) {
        return new Builder(id, severity);
    }

    /** Builds a RuleInfo section by section, so each rule's docs read top to bottom. */
    public static final class Builder {
        private final String id;
        private final Severity severity;
        private String summary;
        private String rationale;
        private String example;
        private String remedy;
        private String source;
        private FixAvailability fix = FixAvailability.NONE;

        private Builder(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        public Builder summary(String s) {
            summary = s;
            return this;
        }

        public Builder rationale(String s) {
            rationale = s.strip();
            return this;
        }

        public Builder example(String s) {
            example = s.stripTrailing();
            return this;
        }

        public Builder remedy(String s) {
            remedy = s.strip();
            return this;
        }

        public Builder source(String s) {
            source = s.strip();
            return this;
        }

        public Builder fix(FixAvailability f) {
            fix = f;
            return this;
        }

        public RuleInfo build() {
            return new RuleInfo(id, severity, summary, rationale, example, remedy, source, fix);
        }
    }
}
