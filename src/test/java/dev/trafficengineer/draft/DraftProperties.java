package dev.trafficengineer.draft;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.review.Config;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the requirements, the deterministic drafter writes manifests the review accepts without an error or a
 * warning, and when the simulation leaves demand unserved or flaps beyond working off a backlog, the draft says why
 * in a note. The generator covers the
 * combinations that once went wrong: a stated maximum below the baseline's pods, scale to zero with a schedule,
 * a cron window that never opened in the simulated day.
 */
class DraftProperties {

    private static final DraftService DRAFTS = new DraftService(
            new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, Config.EMPTY), new ManifestLoader("default"));

    @Property(tries = 150, edgeCases = EdgeCasesMode.MIXIN)
    void draftsAreSound(@ForAll("requirements") Requirements requirements) {
        DraftResult result = draft(requirements);
        Assume.that(result != null);

        assertThat(result.review().findings())
                .as("findings of the draft for %s%n%s", requirements, result.yaml())
                .noneMatch(f -> f.severity().atLeast(Severity.WARNING));

        DraftSimulation sim = result.simulation();
        assertThat(sim.run()).as("a simulation: %s", sim).isNotNull();
        // a wake from zero under load saturates the first pods, so the triggers overshoot and settle (up to two
        // reversals each); a step the notes announce may do the same: that is catching up, not instability.
        // Latency triggers are left out: latency rises steeply near saturation, and where CPU's 10% tolerance
        // reaches that knee the simulated pair can overshoot by a pod and return (see the closing notes).
        boolean latency = "prometheus-latency".equals(requirements.source().type());
        if (!latency && sim.run().summary().flaps() > 2 * sim.run().summary().coldStarts()) {
            assertThat(result.draft().plan().notes())
                    .as("%d flaps in the draft for %s%n%s", sim.run().summary().flaps(), requirements, result.yaml())
                    .isNotEmpty();
        }
        double unserved = DraftReport.unservedAfterFirstRamp(sim.run().timeline());
        boolean acceptedColdStarts = sim.run().summary().coldStarts() > 0 && requirements.slo().coldStartTolerable();
        if (unserved > 0 && !acceptedColdStarts) {
            assertThat(result.draft().plan().notes())
                    .as("%.0f unserved after the first ramp for %s%n%s", unserved, requirements, result.yaml())
                    .isNotEmpty();
        }
    }

    /** The draft, or null for requirements the resolver rejects. */
    private static DraftResult draft(Requirements requirements) {
        try {
            return DRAFTS.draft(requirements, null);
        } catch (RequirementsException e) {
            // the one contradiction the generator makes: a maximum of 1 without scaling to zero
            assertThat(e.getMessage()).contains("bounds.max of 1");
            return null;
        }
    }

    @Provide
    Arbitrary<Requirements> requirements() {
        Arbitrary<String> type = Arbitraries.of("http", "queue", "stream", "batch");
        Arbitrary<String> source = Arbitraries.of("cpu", "memory", "cpu-memory", "prometheus-rate",
                "prometheus-latency", "kafka", "cron");
        Arbitrary<Double> rate = Arbitraries.of(0.0, 1.0, 5.0, 40.0, 160.0, 600.0, 2500.0);
        return Builders.withBuilder(Gen::new)
                .use(type).in((g, v) -> g.with(() -> g.type = v))
                .use(source).in((g, v) -> g.with(() -> g.source = v))
                .use(rate).in((g, v) -> g.with(() -> g.baseline = v))
                .use(rate).in((g, v) -> g.with(() -> g.peakExtra = v))
                .use(Arbitraries.of("steady", "diurnal", "spike", "ramp")).in((g, v) -> g.with(() -> g.pattern = v))
                .use(Arbitraries.of(30, 300, 900, 7200)).in((g, v) -> g.with(() -> g.ramp = v))
                .use(Arbitraries.of(10.0, 20.0, 80.0, 150.0, 600.0)).in((g, v) -> g.with(() -> g.perPod = v))
                .use(Arbitraries.of(5, 30, 120, 300)).in((g, v) -> g.with(() -> g.startup = v))
                .use(Arbitraries.of(50, 200, 500, 3000)).in((g, v) -> g.with(() -> g.latency = v))
                .use(Arbitraries.of("p95", "p99")).in((g, v) -> g.with(() -> g.percentile = v))
                .use(Arbitraries.of(true, false)).in((g, v) -> g.with(() -> g.coldStart = v))
                .use(Arbitraries.of(true, false)).in((g, v) -> g.with(() -> g.zero = v))
                .use(Arbitraries.integers().between(1, 60).injectNull(0.6)).in((g, v) -> g.with(() -> g.max = v))
                .use(Arbitraries.of(true, false)).in((g, v) -> g.with(() -> g.conservative = v))
                .use(Arbitraries.of(true, false)).in((g, v) -> g.with(() -> g.idle = v))
                .use(Arbitraries.of(true, false)).in((g, v) -> g.with(() -> g.containers = v))
                .build(Gen::requirements);
    }

    /** The generated choices, assembled into requirements as a user would state them. */
    private static final class Gen {
        String type;
        String source;
        double baseline;
        double peakExtra;
        String pattern;
        int ramp;
        double perPod;
        int startup;
        int latency;
        String percentile;
        boolean coldStart;
        boolean zero;
        Integer max;
        boolean conservative;
        boolean idle;
        boolean containers;

        Gen with(Runnable set) {
            set.run();
            return this;
        }

        Requirements requirements() {
            List<Requirements.Container> requests = containers
                    ? List.of(new Requirements.Container("app", "250m", "512Mi")) : null;
            return new Requirements(
                    new Requirements.Workload("app", "shop", null, type, requests),
                    new Requirements.Traffic(baseline, Math.max(1, baseline + peakExtra), null, pattern, ramp, null,
                            idle ? List.of("22:00-06:00") : null, null),
                    new Requirements.Capacity(perPod, startup),
                    new Requirements.Slo(percentile, latency, coldStart),
                    new Requirements.Source(source, null, null, null),
                    new Requirements.Bounds(null, max, zero, null, null),
                    new Requirements.Preferences(conservative, false, null, null, null, null));
        }
    }
}
