package dev.trafficengineer.cli;

import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.ConfigException;
import dev.trafficengineer.review.ConfigReader;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.rules.RuleRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that change what a review reports, shared by every command that reviews. Flags win over the config. */
final class Settings {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: ./.traffic-engineer.yaml when it exists).")
    Path config;

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Namespace of objects that name none (default: default).")
    String namespace;

    @Option(names = "--kubernetes-version", paramLabel = "X.Y",
            description = "Cluster release: decides removed API versions and feature gates (default: "
                    + "1.35).")
    String kubernetesVersion;

    @Option(names = "--require-targets", description = "A scale target missing from the reviewed files is an error.")
    Boolean requireTargets;

    @Option(names = "--scrape-interval", paramLabel = "DURATION",
            description = "Prometheus scrape interval for range-window checks (default: 15s).")
    String scrapeInterval;

    @Option(names = "--promql-experimental", description = "Accept Prometheus's experimental PromQL functions.")
    Boolean promqlExperimental;

    /** The config file in effect, read and checked against the registry. */
    Config config(RuleRegistry registry) {
        ConfigReader reader = new ConfigReader(registry);
        try {
            if (config != null) {
                return reader.read(config);
            }
            Optional<Path> found = reader.discover(Path.of(""));
            return found.isPresent() ? reader.read(found.get()) : Config.EMPTY;
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    ReviewOptions options(Config c) {
        ReviewOptions o = ReviewOptions.DEFAULT;
        try {
            KubernetesVersion v = kubernetesVersion != null ? KubernetesVersion.parse(kubernetesVersion)
                    : c.kubernetesVersion().orElse(KubernetesVersion.DEFAULT);
            Duration scrape = scrapeInterval != null ? ConfigReader.parseDuration(scrapeInterval)
                    : c.scrapeInterval().orElse(o.scrapeInterval());
            return o.withKubernetesVersion(v)
                    .withRequireTargets(requireTargets != null ? requireTargets : c.requireTargets().orElse(false))
                    .withScrapeInterval(scrape)
                    .withPromqlExperimental(promqlExperimental != null ? promqlExperimental
                            : c.promqlExperimental().orElse(false));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    String namespace(Config c) {
        return namespace != null ? namespace : c.namespace().orElse("default");
    }

    /** The standard rules, reviewed as these flags and the config file they find say. */
    ReviewSetup reviewSetup() {
        RuleRegistry registry = RuleCatalog.standard();
        Config c = config(registry);
        Reviewer reviewer = new Reviewer(registry, options(c), c);
        return new ReviewSetup(registry, c, reviewer, new ManifestLoader(namespace(c)));
    }
}
