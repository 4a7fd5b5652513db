package dev.trafficengineer.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pod template of a workload ({@code spec.template}), as far as autoscaling rules read it. */
public record PodTemplate(KubeObject owner, JsonPointer at, JsonNode node) {

    static final JsonPointer TEMPLATE = JsonPointer.of("spec", "template");

    /** The template of a Deployment, StatefulSet, ReplicaSet, ReplicationController or any kind that has one there. */
    public static Optional<PodTemplate> of(KubeObject workload) {
        JsonNode t = workload.at(TEMPLATE);
        return t.isObject() ? Optional.of(new PodTemplate(workload, TEMPLATE, t)) : Optional.empty();
    }

    public Map<String, String> labels() {
        Map<String, String> out = new LinkedHashMap<>();
        node.path("metadata").path("labels").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Whether the template lists any container at all (a kustomize patch may not). */
    public boolean hasContainers() {
        return node.path("spec").path("containers").isArray() && !node.path("spec").path("containers").isEmpty();
    }

    /** Every container: app containers, then init containers. */
    public List<Container> all() {
        List<Container> out = new ArrayList<>(list("containers", false));
        out.addAll(list("initContainers", true));
        return out;
    }

    /**
     * The containers the HPA controller adds up for resource utilization (replica_calculator.go calculateRequests):
     * the app containers and the init containers with {@code restartPolicy: Always} (sidecars).
     */
    public List<Container> counted() {
        return all().stream().filter(c -> !c.init() || c.sidecar()).toList();
    }

    public Optional<Container> container(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The pod-level request for a resource ({@code spec.resources.requests}, PodLevelResources). */
    public Optional<BigDecimal> podLevelRequest(String resource) {
        return Container.quantity(node.path("spec").path("resources").path("requests").path(resource));
    }

    private List<Container> list(String field, boolean init) {
        JsonNode cs = node.path("spec").path(field);
        List<Container> out = new ArrayList<>();
        if (!cs.isArray()) {
            return out;
        }
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            if (!c.isObject()) {
                continue;
            }
            boolean sidecar = init && c.path("restartPolicy").asText("").equals("Always");
            out.add(new Container(c.path("name").asText(""), at.child("spec").child(field).child(i), init, sidecar, c));
        }
        return out;
    }
}
