package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** KEDA's webhook compiles the scalingModifiers formula and parses its target. */
public final class AdmissionScalingModifiersInvalid implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-scaling-modifiers-invalid", Severity.ERROR)
            .summary("A ScaledObject's scalingModifiers formula or target is invalid")
            .rationale("""
                    When `advanced.scalingModifiers` is set, KEDA's webhook requires a `formula` and a `target`, \
                    compiles the formula with expr-lang against the named triggers that are not cpu or memory, and \
                    parses the target as a number above 0. A formula that refers to an unnamed trigger, a cpu or \
                    memory trigger, or a misspelt name is rejected (`unknown name`).""")
            .example("""
                    advanced:
                      scalingModifiers:
                        formula: "queue + lag"     # no trigger is named lag
                        target: "10"
                    triggers:
                      - type: rabbitmq
                        name: queue""")
            .remedy("""
                    Name every trigger the formula uses (`triggers[].name`), refer to those names exactly, and \
                    set `target` to a number above 0 such as `"10"`.""")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_webhook.go (ValidateAndCompileScalingModifiers, \
                    validateScalingModifiersFormula, validateScalingModifiersTarget); research/keda.md §3.9.""")
            .build();

    /** What Go's strconv.ParseFloat accepts (hex floats are left alone: they parse too). */
    private static final Pattern GO_FLOAT = Pattern.compile(
            "[+-]?(([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9_]+)([eE][+-]?[0-9]+)?|(?i:inf|infinity|nan)|0[xX].*)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        if (!so.usesModifiers()) {
            return List.of();
        }
        String formula = so.modifier("formula");
        String target = so.modifier("target");
        if (formula.isEmpty()) {
            return reject(o, "formula", "error ScalingModifiers.Formula is mandatory",
                    "write a `formula` over the named triggers");
        }
        if (target.isEmpty()) {
            return reject(o, "formula", "error validating formula in ScalingModifiers\nformula is given but target is"
                    + " empty", "set `target` to the value the formula should be held at");
        }
        Set<String> names = new LinkedHashSet<>();
        for (Trigger t : so.triggers()) {
            if (!t.isCpuMemory() && !t.name().isEmpty()) {
                names.add(t.name());
            }
        }
        for (String ref : ExprFormula.references(formula)) {
            if (!names.contains(ref)) {
                return reject(o, "formula", "error validating formula in ScalingModifiers\nunknown name " + ref,
                        names.isEmpty() ? "name the triggers the formula uses (cpu and memory triggers cannot be"
                                + " used)" : "use one of the trigger names " + TriggerAnalysis.backticked(
                                List.copyOf(names)) + " (cpu and memory triggers cannot be used)");
            }
        }
        String t = target.strip().equals(target) ? target : "";
        if (!GO_FLOAT.matcher(t).matches()) {
            return reject(o, "target", "error validating target in ScalingModifiers\nerror converting target for"
                    + " scalingModifiers (string->float) to valid target: strconv.ParseFloat: parsing \"" + target
                    + "\": invalid syntax", "write `target` as a plain number such as `\"10\"`");
        }
        if (goFloat(t) <= 0) {
            return reject(o, "target", "error validating target in ScalingModifiers\nerror converting target for"
                    + " scalingModifiers (string->float) to valid target: %!w(<nil>)", "use a target above 0");
        }
        return List.of();
    }

    /** The value of a string Go's ParseFloat accepts; hex floats count as positive (not worth a parser here). */
    private static double goFloat(String t) {
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        String unsigned = lower.replaceFirst("^[+-]", "");
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN; // NaN <= 0 is false in Go too: KEDA accepts it
        }
        if (unsigned.startsWith("0x")) {
            return sign;
        }
        return Double.parseDouble(t.replace("_", ""));
    }

    private List<Finding> reject(KubeObject o, String field, String error, String remedy) {
        return List.of(o.finding(INFO, ScaledObjectView.MODIFIERS.child(field), false, "KEDA's webhook rejects this"
                + " ScaledObject: `" + error.replace("\n", ": ") + "`; " + remedy + ".", null));
    }
}
