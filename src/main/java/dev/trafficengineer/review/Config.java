package dev.trafficengineer.review;

import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of a {@code .traffic-engineer.yaml} file. Command-line flags win over it.
 *
 * @param rules    per rule id: empty to disable the rule, or the severity to report it at
 * @param llm      settings of the LLM drafter, kept as written for the drafting layer to read
 */
public record Config(
        String path,
        Map<String, Optional<Severity>> rules,
        Optional<KubernetesVersion> kubernetesVersion,
        Optional<Boolean> requireTargets,
        Optional<Duration> scrapeInterval,
        Optional<String> namespace,
        Optional<Boolean> promqlExperimental,
        Map<String, String> llm) {

    public static final Config EMPTY = new Config(null, Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public Config {
        rules = Map.copyOf(rules);
        llm = Map.copyOf(llm);
    }

    /** True when the config turns this rule off. */
    public boolean disables(String ruleId) {
        Optional<Severity> s = rules.get(ruleId);
        return s != null && s.isEmpty();
    }

    /** The severity the config gives this rule, if it changes it. */
    public Optional<Severity> severityOf(String ruleId) {
        Optional<Severity> s = rules.get(ruleId);
        return s == null ? Optional.empty() : s;
    }
}
