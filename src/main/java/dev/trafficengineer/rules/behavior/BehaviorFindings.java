package dev.trafficengineer.rules.behavior;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link BehaviorProblem}s into findings on the object that holds the behavior, with the fix hints made into
 * text edits on its file. Shared by every rule that checks a behavior, whatever object it sits in.
 */
public final class BehaviorFindings {

    private BehaviorFindings() {}

    /**
     * The findings of one kind of problem.
     *
     * @param behaviorAt where the behavior sits in the object: {@code /spec/behavior} in an HPA,
     *                   {@code /spec/advanced/horizontalPodAutoscalerConfig/behavior} in a ScaledObject
     * @param rule       the rule the findings belong to; its id should end with {@code kind.slug()}
     */
    public static List<Finding> of(KubeObject o, JsonPointer behaviorAt, List<BehaviorProblem> problems,
            BehaviorProblem.Kind kind, RuleInfo rule) {
        List<Finding> out = new ArrayList<>();
        for (BehaviorProblem p : problems) {
            if (p.kind() != kind) {
                continue;
            }
            Fix fix = p.fix().map(h -> fix(o, behaviorAt, h)).orElse(null);
            out.add(o.finding(rule, p.pointer().under(behaviorAt), false, p.message(), fix));
        }
        return out;
    }

    /** The hint as edits on the object's file; null when the YAML is written in a way the edit cannot keep. */
    static Fix fix(KubeObject o, JsonPointer behaviorAt, FixHint hint) {
        Edit edit;
        if (hint instanceof FixHint.SetValue set) {
            edit = setValue(o, set.field().under(behaviorAt), set.yaml());
        } else if (hint instanceof FixHint.RemoveItem remove) {
            edit = Edits.deleteItem(o, remove.item().under(behaviorAt));
        } else {
            throw new IllegalArgumentException("unknown fix hint " + hint);
        }
        if (edit == null) {
            return null;
        }
        return hint.safe() ? Fix.safe(hint.description(), edit) : Fix.unsafe(hint.description(), edit);
    }

    /** Replaces the scalar when it is there; otherwise adds it under the deepest mapping that is. */
    private static Edit setValue(KubeObject o, JsonPointer field, String yaml) {
        if (!o.at(field).isMissingNode()) {
            return o.at(field).isValueNode() ? Edits.replaceScalar(o, field, yaml) : null;
        }
        List<String> missing = new ArrayList<>();
        JsonPointer p = field;
        while (!p.isRoot() && o.at(p).isMissingNode()) {
            missing.add(0, p.last());
            p = p.parent();
        }
        JsonNode parent = o.at(p);
        if (!parent.isObject()) {
            return null;
        }
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < missing.size(); i++) {
            block.append("  ".repeat(i)).append(missing.get(i)).append(':');
            block.append(i == missing.size() - 1 ? " " + yaml : "").append('\n');
        }
        return Edits.insertEntry(o, p, block.toString());
    }
}
