package dev.trafficengineer.rules;

import dev.trafficengineer.kube.KubernetesVersion;
import java.time.Duration;

/**
 * The settings that change what rules report.
 *
 * @param kubernetesVersion  the cluster release: removed API versions and feature gates follow it
 * @param requireTargets     a scale target missing from the reviewed files is an error, not advice
 * @param scrapeInterval     Prometheus scrape interval, for range-window checks
 * @param promqlExperimental accept Prometheus's experimental PromQL functions
 */
public record ReviewOptions(
        KubernetesVersion kubernetesVersion,
        boolean requireTargets,
        Duration scrapeInterval,
        boolean promqlExperimental) {

    public static final ReviewOptions DEFAULT =
            new ReviewOptions(KubernetesVersion.DEFAULT, false, Duration.ofSeconds(15), false);

    public ReviewOptions withKubernetesVersion(KubernetesVersion v) {
        return new ReviewOptions(v, requireTargets, scrapeInterval, promqlExperimental);
    }

    public ReviewOptions withRequireTargets(boolean b) {
        return new ReviewOptions(kubernetesVersion, b, scrapeInterval, promqlExperimental);
    }

    public ReviewOptions withScrapeInterval(Duration d) {
        return new ReviewOptions(kubernetesVersion, requireTargets, d, promqlExperimental);
    }

    public ReviewOptions withPromqlExperimental(boolean b) {
        return new ReviewOptions(kubernetesVersion, requireTargets, scrapeInterval, b);
    }
}
