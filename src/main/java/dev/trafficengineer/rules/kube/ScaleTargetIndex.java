package dev.trafficengineer.rules.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import java.util.List;
import java.util.Set;

/**
 * The autoscalers of a workload found by hash lookup: HPAs and ScaledObjects by the namespace and name of their
 * {@code scaleTargetRef}, VPAs by their {@code targetRef}. Rules still compare kinds and groups themselves; the
 * index only narrows every comparison to the few objects that name the same workload, so cross-object rules stay
 * linear in the number of objects.
 */
public final class ScaleTargetIndex {

    private static final Set<String> HORIZONTAL = Set.of("HorizontalPodAutoscaler", "ScaledObject");

    private ScaleTargetIndex() {}

    /** The HPAs and ScaledObjects in {@code namespace} whose scale target is named {@code name}. */
    public static List<KubeObject> horizontal(ObjectIndex index, String namespace, String name) {
        return index.lookup("horizontal-scalers-by-target", o -> HORIZONTAL.contains(o.kind())
                ? List.of(String.valueOf(o.namespace()), text(o.tree().path("spec").path("scaleTargetRef")))
                : null, List.of(String.valueOf(namespace), name));
    }

    /** The VPAs in {@code namespace} whose target is named {@code name}. */
    public static List<KubeObject> vertical(ObjectIndex index, String namespace, String name) {
        return index.lookup("vpas-by-target", o -> o.kind().equals("VerticalPodAutoscaler")
                ? List.of(String.valueOf(o.namespace()), text(o.tree().path("spec").path("targetRef")))
                : null, List.of(String.valueOf(namespace), name));
    }

    private static String text(JsonNode ref) {
        JsonNode n = ref.path("name");
        return n.isTextual() ? n.asText() : "";
    }
}
