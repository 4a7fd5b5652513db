package dev.trafficengineer.promql.lint;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a query is used, as far as the lint checks care.
 *
 * @param kedaTrigger    the query drives a KEDA {@code prometheus} trigger (its result must be one sample)
 * @param scrapeInterval how often the metrics are scraped (Prometheus's default is 1m, but 15s is the common
 *                       setting of kube-prometheus and Helm charts, and the default here)
 * @param threshold      the trigger's {@code threshold}, when known
 */
public record QueryContext(boolean kedaTrigger, Duration scrapeInterval, OptionalDouble threshold) {

    public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);

    /** A query used anywhere: no trigger, 15s scrapes. */
    public static final QueryContext DEFAULT =
            new QueryContext(false, DEFAULT_SCRAPE_INTERVAL, OptionalDouble.empty());

    public QueryContext {
        Objects.requireNonNull(scrapeInterval, "scrapeInterval");
        Objects.requireNonNull(threshold, "threshold");
        if (scrapeInterval.isNegative() || scrapeInterval.isZero()) {
            throw new IllegalArgumentException("scrape interval must be positive: " + scrapeInterval);
        }
    }

    /** A KEDA prometheus trigger's query, with the trigger's threshold. */
    public static QueryContext kedaTrigger(double threshold) {
        return new QueryContext(true, DEFAULT_SCRAPE_INTERVAL, OptionalDouble.of(threshold));
    }

    public QueryContext withScrapeInterval(Duration interval) {
        return new QueryContext(kedaTrigger, interval, threshold);
    }

    public QueryContext withThreshold(double value) {
        return new QueryContext(kedaTrigger, scrapeInterval, OptionalDouble.of(value));
    }
}
