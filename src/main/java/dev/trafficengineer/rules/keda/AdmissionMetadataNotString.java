package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.Located;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.schema.SchemaRule;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A trigger metadata value that YAML reads as a number or boolean: the CRD requires strings. */
public final class AdmissionMetadataNotString implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-metadata-not-string", Severity.ERROR)
            .summary("A trigger metadata value is not a string")
            .rationale("""
                    `triggers[].metadata` is a map of strings in the KEDA CRDs. YAML reads `threshold: 100` as a \
                    number and `ignoreNullValues: false` as a boolean, so the API server rejects the whole object \
                    (`must be of type string`) before KEDA sees it. This is the most common mistake in generated \
                    ScaledObjects. Reported instead of `schema/invalid` for the same value, with the quoting fix.""")
            .example("""
                    triggers:
                      - type: prometheus
                        metadata:
                          threshold: 100            # write "100"
                          ignoreNullValues: false   # write "false\"""")
            .remedy("""
                    Quote the value. The fix quotes numbers as written and writes YAML booleans as `"true"` or \
                    `"false"`, the only spellings KEDA's boolean parser and YAML agree on.""")
            .source("""
                    [K-rel] config/crd/bases/keda.sh_scaledobjects.yaml and keda.sh_scaledjobs.yaml \
                    (metadata: additionalProperties type string); research/keda.md §2.""")
            .fix(FixAvailability.SAFE)
            .build();

    /** A plain number as people write it, which quoted keeps its meaning for KEDA's parsers. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** The schema sees the same non-string value; this rule says it with the API server's words and quotes it. */
    @Override
    public Set<String> supersedes() {
        return Set.of(SchemaRule.INVALID.id());
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        JsonNode triggers = o.at(Trigger.TRIGGERS);
        for (int i = 0; i < triggers.size(); i++) {
            JsonNode metadata = triggers.get(i).path("metadata");
            for (Map.Entry<String, JsonNode> e : metadata.properties()) {
                JsonNode v = e.getValue();
                if (!v.isNumber() && !v.isBoolean()) {
                    continue;
                }
                JsonPointer at = Trigger.TRIGGERS.child(i).child("metadata").child(e.getKey());
                String quoted = quoted(o, at, v);
                Edit edit = quoted == null ? null : Edits.replaceValue(o, at, quoted);
                String type = v.isBoolean() ? "boolean" : v.isIntegralNumber() ? "integer" : "number";
                out.add(o.finding(INFO, at, false, "The API server rejects this object: `"
                        + at.fieldPath() + ": Invalid value: \"" + type + "\": " + at.fieldPath()
                        + " in body must be of type string: \"" + type + "\"`; quote the value"
                        + (quoted == null ? "." : " as " + quoted + "."),
                        edit == null ? null : Fix.safe("Quote " + e.getKey(), edit)));
            }
        }
        return out;
    }

    /** The value as a quoted YAML string that means what the author wrote, or null when that is not clear. */
    private static String quoted(KubeObject o, JsonPointer at, JsonNode v) {
        if (v.isBoolean()) {
            return "\"" + v.asBoolean() + "\"";
        }
        Located l = o.locate(at);
        if (!l.exact()) {
            return null;
        }
        SourceRange r = l.value();
        if (r.line() != r.endLine()) {
            return null;
        }
        String line = o.source().line(r.line());
        String raw = line.substring(line.offsetByCodePoints(0, r.column() - 1),
                line.offsetByCodePoints(0, r.endColumn() - 1));
        if (PLAIN_NUMBER.matcher(raw).matches()) {
            return "\"" + raw + "\"";
        }
        // octal, hex, underscores, .5: quote the number YAML read, the value the author saw accepted elsewhere
        return v.isIntegralNumber() ? "\"" + v.asText() + "\"" : null;
    }
}
