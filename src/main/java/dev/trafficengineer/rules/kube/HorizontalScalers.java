package dev.trafficengineer.rules.kube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * The horizontal autoscalers of a workload that scale on its CPU or memory: HorizontalPodAutoscalers with
 * Resource or ContainerResource metrics, and KEDA ScaledObjects with cpu or memory triggers (KEDA turns those into
 * the same HPA metrics). A vertical autoscaler that changes the same resource's requests fights them.
 */
public final class HorizontalScalers {

    private HorizontalScalers() {}

    /**
     * One resource an autoscaler scales on.
     *
     * @param container the only container it measures, or null for the whole pod
     */
    public record ScaledResource(String resource, String container) {}

    /** An autoscaler of the workload and the resources it scales on (possibly none). */
    public record HorizontalScaler(KubeObject object, List<ScaledResource> resources) {}

    /** Every HPA and ScaledObject in the workload's namespace that targets it. */
    public static List<HorizontalScaler> of(ObjectIndex index, KubeObject workload) {
        return of(index, workload.namespace(), workload.apiVersion(), workload.kind(), workload.name());
    }

    /** Every HPA and ScaledObject in the namespace that targets the named workload, reviewed or not. */
    public static List<HorizontalScaler> of(ObjectIndex index, String namespace, String apiVersion, String kind,
            String name) {
        List<HorizontalScaler> out = new ArrayList<>();
        List<KubeObject> candidates = ScaleTargetIndex.horizontal(index, namespace, name);
        for (KubeObject hpa : candidates) {
            if (!hpa.kind().equals("HorizontalPodAutoscaler")) {
                continue;
            }
            JsonNode ref = hpa.tree().path("spec").path("scaleTargetRef");
            if (same(apiVersion, kind, name, ref.path("apiVersion").asText(""), ref.path("kind").asText(""),
                    ref.path("name").asText(""))) {
                out.add(new HorizontalScaler(hpa, hpaResources(hpa)));
            }
        }
        for (KubeObject so : candidates) {
            if (!so.kind().equals("ScaledObject") || !so.apiVersion().startsWith("keda.sh/")) {
                continue;
            }
            JsonNode ref = so.tree().path("spec").path("scaleTargetRef");
            String soApiVersion = ref.path("apiVersion").asText("");
            String soKind = ref.path("kind").asText("");
            // KEDA's defaults for an empty reference: apps/v1 Deployment
            if (same(apiVersion, kind, name, soApiVersion.isEmpty() ? "apps/v1" : soApiVersion,
                    soKind.isEmpty() ? "Deployment" : soKind, ref.path("name").asText(""))) {
                out.add(new HorizontalScaler(so, kedaResources(so)));
            }
        }
        return out;
    }

    /** Whether two references name one workload; an empty apiVersion on the first side matches any group. */
    private static boolean same(String apiVersion, String kind, String name, String refApiVersion, String refKind,
            String refName) {
        return kind.equals(refKind) && name.equals(refName)
                && (apiVersion.isEmpty() || Workloads.group(apiVersion).equals(Workloads.group(refApiVersion)));
    }

    private static List<ScaledResource> hpaResources(KubeObject hpa) {
        List<ScaledResource> out = new ArrayList<>();
        JsonNode spec = hpa.tree().path("spec");
        if (hpa.apiVersion().equals("autoscaling/v1")) {
            // autoscaling/v1 can only scale on CPU, at 80% when no target is written
            out.add(new ScaledResource("cpu", null));
            return out;
        }
        for (JsonNode m : spec.path("metrics")) {
            String type = m.path("type").asText("");
            if (type.equals("Resource")) {
                out.add(new ScaledResource(m.path("resource").path("name").asText(""), null));
            } else if (type.equals("ContainerResource")) {
                JsonNode c = m.path("containerResource");
                out.add(new ScaledResource(c.path("name").asText(""), c.path("container").asText(null)));
            }
        }
        if (!spec.has("metrics")) {
            // an autoscaling/v2 HPA without metrics defaults to 80% CPU utilization
            out.add(new ScaledResource("cpu", null));
        }
        return out;
    }

    private static List<ScaledResource> kedaResources(KubeObject so) {
        List<ScaledResource> out = new ArrayList<>();
        for (JsonNode t : so.tree().path("spec").path("triggers")) {
            String type = t.path("type").asText("");
            if (type.equals("cpu") || type.equals("memory")) {
                String container = t.path("metadata").path("containerName").asText("");
                out.add(new ScaledResource(type, container.isEmpty() ? null : container));
            }
        }
        return out;
    }
}
