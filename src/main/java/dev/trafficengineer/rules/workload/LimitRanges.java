package dev.trafficengineer.rules.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;

/** LimitRanges among the reviewed objects, which give containers default requests at admission. */
public final class LimitRanges {

    private LimitRanges() {}

    /**
     * Whether a LimitRange in the namespace gives containers a request for the resource: a {@code Container} item with
     * {@code defaultRequest}, or with {@code default} (a default limit, which becomes the request when none is
     * given).
     */
    public static boolean defaultsRequest(ObjectIndex index, String namespace, String resource) {
        for (KubeObject lr : index.ofKind("LimitRange", namespace)) {
            for (JsonNode item : lr.tree().path("spec").path("limits")) {
                if (item.path("type").asText("").equals("Container")
                        && (item.path("defaultRequest").has(resource) || item.path("default").has(resource))) {
                    return true;
                }
            }
        }
        return false;
    }
}
