package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.rules.KubernetesVersion;
import dev.trafficengineer.rules.behavior.Settings;
import dev.trafficengineer.rules.hpa.validation.Quantity;

/** The scale-up tolerance an HPA runs with: its own when written and kept by the API server, else the cluster's. */
final class Tolerances {

    private Tolerances() {}

    static double scaleUp(HpaView hpa, KubernetesVersion v) {
        Settings s = Settings.forKubernetes(v);
        JsonNode t = hpa.behavior().path("scaleUp").path("tolerance");
        if (s.toleranceHonoured() && t.isValueNode() && !t.isNull()) {
            try {
                double d = Quantity.parse(t.asText()).value().doubleValue();
                if (d >= 0) {
                    return d;
                }
            } catch (Quantity.ParseException e) {
                // not a quantity: the validation rules report it, and the cluster default applies meanwhile
            }
        }
        return s.clusterTolerance();
    }
}
