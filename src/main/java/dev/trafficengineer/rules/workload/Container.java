package dev.trafficengineer.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A container of a pod template.
 *
 * @param init    whether it is listed under {@code initContainers}
 * @param sidecar an init container with {@code restartPolicy: Always}: it runs beside the app containers
 */
public record Container(String name, JsonPointer at, boolean init, boolean sidecar, JsonNode node) {

    /**
     * The request the container's pods get for a resource: {@code requests}, or else {@code limits}, which the API
     * server copies into a missing request when it creates each pod (pkg/apis/core/v1/defaults.go SetDefaults_Pod).
     */
    public Optional<BigDecimal> request(String resource) {
        Optional<BigDecimal> r = quantity(node.path("resources").path("requests").path(resource));
        return r.isPresent() ? r : limit(resource);
    }

    public Optional<BigDecimal> limit(String resource) {
        return quantity(node.path("resources").path("limits").path(resource));
    }

    public String image() {
        return node.path("image").asText("");
    }

    /** How messages name it: {@code `app`}, or {@code sidecar `istio-proxy`}. */
    public String describe() {
        return (sidecar ? "sidecar `" : init ? "init container `" : "`") + name + "`";
    }

    static Optional<BigDecimal> quantity(JsonNode n) {
        if (!n.isValueNode() || n.isNull()) {
            return Optional.empty();
        }
        return Quantity.tryParse(n.asText()).map(Quantity::value);
    }
}
