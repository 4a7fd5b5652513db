package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.rules.behavior.Settings;
import java.util.Optional;

/** The scale-up tolerance an HPA runs with: its own when written and kept by the API server, else the cluster's. */
final class Tolerances {

    private Tolerances() {}

    static double scaleUp(HpaView hpa, KubernetesVersion v) {
        Settings s = Settings.forKubernetes(v);
        JsonNode t = hpa.behavior().path("scaleUp").path("tolerance");
        if (s.toleranceHonoured() && t.isValueNode() && !t.isNull()) {
            // not a quantity, or negative: the validation rules report it, and the cluster default applies meanwhile
            Optional<Double> own = Quantity.tryParse(t.asText()).map(q -> q.value().doubleValue()).filter(d -> d >= 0);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return s.clusterTolerance();
    }
}
