package dev.trafficengineer.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The registry renders the Prometheus text format exactly. */
class MetricsTest {

    @Test
    void rendersCountersGaugesAndHistograms() {
        Metrics m = new Metrics();
        Metrics.Counter c = m.counter("app_requests_total", "Requests.", "route", "status");
        c.inc("/a", "200");
        c.inc("/a", "200");
        c.add(0.5, "/b \"x\"", "500");
        m.gauge("app_in_flight", "In flight.").add(3);
        Metrics.Histogram h = m.histogram("app_seconds", "Latency.", new double[] {1, 0.1}, "route");
        h.observe(0.05, "/a");
        h.observe(0.5, "/a");
        h.observe(5, "/a");
        assertThat(m.render()).isEqualTo("""
                # HELP app_in_flight In flight.
                # TYPE app_in_flight gauge
                app_in_flight 3
                # HELP app_requests_total Requests.
                # TYPE app_requests_total counter
                app_requests_total{route="/a",status="200"} 2
                app_requests_total{route="/b \\"x\\"",status="500"} 0.5
                # HELP app_seconds Latency.
                # TYPE app_seconds histogram
                app_seconds_bucket{route="/a",le="0.1"} 1
                app_seconds_bucket{route="/a",le="1"} 2
                app_seconds_bucket{route="/a",le="+Inf"} 3
                app_seconds_sum{route="/a"} 5.55
                app_seconds_count{route="/a"} 3
                """);
        assertThat(c.get("/a", "200")).isEqualTo(2);
        assertThat(h.count("/a")).isEqualTo(3);
    }

    @Test
    void misuseIsRefused() {
        Metrics m = new Metrics();
        Metrics.Counter c = m.counter("x_total", "X.", "kind");
        assertThat(m.counter("x_total", "X.", "kind")).isSameAs(c);
        assertThatThrownBy(() -> m.gauge("x_total", "X.")).hasMessageContaining("registered as a counter");
        assertThatThrownBy(() -> c.inc()).hasMessageContaining("takes labels [kind]");
        assertThatThrownBy(() -> c.add(-1, "a")).hasMessageContaining("cannot go down");
        assertThatThrownBy(() -> m.counter("bad name", "X.")).hasMessageContaining("not a metric name");
    }

    @Test
    void llmMetricsCountCallsAndTokens() {
        Metrics m = new Metrics();
        LlmMetrics llm = LlmMetrics.in(m);
        llm.call("ok");
        llm.call("timeout");
        llm.tokens(120, 40);
        LlmMetrics.NONE.call("ok");
        assertThat(m.render()).contains("traffic_engineer_llm_calls_total{outcome=\"ok\"} 1",
                "traffic_engineer_llm_calls_total{outcome=\"timeout\"} 1",
                "traffic_engineer_llm_calls_total{outcome=\"error\"} 0",
                "traffic_engineer_llm_tokens_total{kind=\"input\"} 120",
                "traffic_engineer_llm_tokens_total{kind=\"output\"} 40");
    }
}
