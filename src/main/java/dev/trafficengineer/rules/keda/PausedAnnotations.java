package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** KEDA's pause annotations: noted when they pause, an error when paused-replicas is not a number. */
public final class PausedAnnotations implements Rule {

    private static final String PAUSED = "autoscaling.keda.sh/paused";
    private static final String PAUSED_REPLICAS = "autoscaling.keda.sh/paused-replicas";
    private static final String PAUSED_IN = "autoscaling.keda.sh/paused-scale-in";
    private static final String PAUSED_OUT = "autoscaling.keda.sh/paused-scale-out";

    private static final RuleInfo INFO = RuleInfo.builder("keda/paused", Severity.INFO)
            .summary("Autoscaling is paused by an annotation")
            .rationale("""
                    `autoscaling.keda.sh/paused` stops scaling and deletes the HPA; any value that is not a Go \
                    boolean, such as `"yes"`, also pauses, and `"false"` does not. `paused-replicas` pauses and \
                    pins the replica count; `paused-scale-in` and `paused-scale-out` stop one direction. A paused \
                    object checked into Git is easy to forget.""")
            .example("""
                    metadata:
                      annotations:
                        autoscaling.keda.sh/paused: "true\"""")
            .remedy("Remove the annotation when the pause is over; write `\"true\"` or `\"false\"`, not other words.")
            .source("""
                    [K] apis/keda/v1alpha1/scaledobject_types.go (HasPausedAnnotation, getBoolAnnotation), \
                    controllers/keda/scaledobject_controller.go; research/keda.md §13.""")
            .build();

    private static final RuleInfo BAD_REPLICAS = RuleInfo.builder("keda/runtime-paused-replicas-invalid",
                    Severity.ERROR)
            .summary("The paused-replicas annotation is not a replica count")
            .rationale("""
                    `autoscaling.keda.sh/paused-replicas` pauses scaling and sets the target to that many \
                    replicas; KEDA parses it as a 32-bit integer and, when that fails, the reconcile fails with \
                    `failed to parse paused replica count` while the object stays paused.""")
            .example("""
                    metadata:
                      annotations:
                        autoscaling.keda.sh/paused-replicas: "two\"""")
            .remedy("Write a whole number of replicas, such as `\"2\"`, or remove the annotation.")
            .source("[K] controllers/keda/scaledobject_controller.go; research/keda.md §6 and §13.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(BAD_REPLICAS);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        Map<String, String> a = o.annotations();
        List<Finding> out = new ArrayList<>();
        if (a.containsKey(PAUSED_REPLICAS)) {
            String v = a.get(PAUSED_REPLICAS).strip();
            if (!v.matches("[+-]?[0-9]{1,10}") || Math.abs(Long.parseLong(v.replace("+", ""))) > Integer.MAX_VALUE) {
                out.add(o.finding(BAD_REPLICAS, at(PAUSED_REPLICAS), false, "KEDA cannot apply `" + PAUSED_REPLICAS
                        + "`: `failed to parse paused replica count: strconv.ParseInt: parsing \"" + a.get(
                        PAUSED_REPLICAS) + "\": invalid syntax`; write a whole number of replicas.", null));
            } else {
                out.add(o.finding(INFO, at(PAUSED_REPLICAS), true, "Autoscaling is paused at " + v + " replicas by `"
                        + PAUSED_REPLICAS + "`; remove the annotation to resume.", null));
            }
            return out; // paused-replicas takes precedence over paused
        }
        if (a.containsKey(PAUSED)) {
            Boolean b = GoValues.parseBool(a.get(PAUSED));
            if (b == null) {
                out.add(o.finding(INFO, at(PAUSED), true, "`" + PAUSED + ": " + a.get(PAUSED) + "` pauses"
                        + " autoscaling because KEDA treats any value that is not a boolean as true; write `\"true\"`"
                        + " to say so, or remove it.", null));
            } else if (b) {
                out.add(o.finding(INFO, at(PAUSED), true, "Autoscaling is paused by `" + PAUSED + "` and the HPA is"
                        + " deleted; remove the annotation to resume.", null));
            }
        }
        for (String one : List.of(PAUSED_IN, PAUSED_OUT)) {
            if (a.containsKey(one) && !Boolean.FALSE.equals(GoValues.parseBool(a.get(one)))) {
                out.add(o.finding(INFO, at(one), true, "Scaling " + (one.equals(PAUSED_IN) ? "in" : "out")
                        + " is paused by `" + one + "`; remove the annotation to resume.", null));
            }
        }
        return out;
    }

    private static JsonPointer at(String annotation) {
        return JsonPointer.of("metadata", "annotations", annotation);
    }
}
