package dev.trafficengineer.cli;

import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.rules.RuleRegistry;

/**
 * What every reviewing command works with, built once from {@link Settings}: the rules, the config file in effect,
 * the reviewer they make, and a loader that puts objects without a namespace in the configured one.
 */
record ReviewSetup(RuleRegistry registry, Config config, Reviewer reviewer, ManifestLoader loader) {
}
