package dev.trafficengineer.draft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the workload part of the requirements from the workload's own manifest (--workload FILE): name, namespace,
 * kind and each container's requests. What the requirements state wins; the manifest fills what they leave out.
 */
public final class WorkloadManifest {

    private WorkloadManifest() {}

    /** The requirements filled from the workload's loaded manifest file; as they are when none was given (null). */
    public static Requirements fill(Requirements r, LoadedFile workload) throws RequirementsException {
        return workload == null ? r : merge(r, pick(workload.objects(), r));
    }

    /** The Deployment or StatefulSet among the objects: the one named in the requirements, or the only one. */
    public static KubeObject pick(List<KubeObject> objects, Requirements r) throws RequirementsException {
        String wanted = r.workload() == null ? null : r.workload().name();
        List<KubeObject> workloads = objects.stream()
                .filter(o -> o.kind().equals("Deployment") || o.kind().equals("StatefulSet"))
                .filter(o -> wanted == null || o.name().equals(wanted))
                .toList();
        if (workloads.size() == 1) {
            return workloads.get(0);
        }
        throw new RequirementsException(List.of(workloads.isEmpty()
                ? "the workload file holds no Deployment or StatefulSet" + (wanted == null ? "" : " named " + wanted)
                : "the workload file holds " + workloads.size() + " workloads; name the one to scale in"
                        + " workload.name"));
    }

    public static Requirements merge(Requirements r, KubeObject workload) {
        Requirements.Workload w = r.workload() == null ? new Requirements.Workload(null, null, null, null, null)
                : r.workload();
        List<Requirements.Container> containers = w.containers();
        if (containers == null) {
            containers = new ArrayList<>();
            for (JsonNode c : workload.tree().path("spec").path("template").path("spec").path("containers")) {
                JsonNode req = c.path("resources").path("requests");
                containers.add(new Requirements.Container(c.path("name").asText(),
                        req.hasNonNull("cpu") ? req.get("cpu").asText() : null,
                        req.hasNonNull("memory") ? req.get("memory").asText() : null));
            }
        }
        Requirements.Workload merged = new Requirements.Workload(
                w.name() != null ? w.name() : workload.name(),
                w.namespace() != null ? w.namespace() : workload.namespace(),
                w.kind() != null ? w.kind() : workload.kind(),
                w.type(), containers);
        return new Requirements(merged, r.traffic(), r.capacity(), r.slo(), r.source(), r.bounds(),
                r.preferences());
    }
}
