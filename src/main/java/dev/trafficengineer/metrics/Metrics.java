package dev.trafficengineer.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A small metrics registry rendered in the Prometheus text format (version 0.0.4): counters, gauges and
 * histograms with labels. The HTTP server counts requests with it; the LLM layer counts model calls and tokens
 * through {@link LlmMetrics}. Thread-safe; metrics and their label values render in a stable order.
 */
public final class Metrics {

    private final Map<String, Family> families = new ConcurrentSkipListMap<>();

    private abstract static class Family {
        final String name;
        final String help;
        final List<String> labels;

        Family(String name, String help, String... labels) {
            if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new IllegalArgumentException("not a metric name: " + name);
            }
            this.name = name;
            this.help = help;
            this.labels = List.of(labels);
        }

        abstract String type();

        abstract void render(StringBuilder out);

        String key(String... values) {
            if (values.length != labels.size()) {
                throw new IllegalArgumentException(name + " takes labels " + labels + ", got " + values.length
                        + " values");
            }
            return String.join("\u0000", values);
        }

        String labelText(String key, String extraName, String extraValue) {
            List<String> parts = new ArrayList<>();
            String[] values = key.isEmpty() && labels.isEmpty() ? new String[0] : key.split("\u0000", -1);
            for (int i = 0; i < labels.size(); i++) {
                parts.add(labels.get(i) + "=\"" + escape(values[i]) + "\"");
            }
            if (extraName != null) {
                parts.add(extraName + "=\"" + extraValue + "\"");
            }
            return parts.isEmpty() ? "" : "{" + String.join(",", parts) + "}";
        }
    }

    /** A value that only goes up. */
    public static final class Counter extends Family {
        private final Map<String, DoubleAdder> values = new ConcurrentSkipListMap<>();

        Counter(String name, String help, String... labels) {
            super(name, help, labels);
        }

        public void inc(String... labelValues) {
            add(1, labelValues);
        }

        public void add(double amount, String... labelValues) {
            if (amount < 0) {
                throw new IllegalArgumentException("a counter cannot go down");
            }
            values.computeIfAbsent(key(labelValues), k -> new DoubleAdder()).add(amount);
        }

        /** The current value (0 when never counted). */
        public double get(String... labelValues) {
            DoubleAdder a = values.get(key(labelValues));
            return a == null ? 0 : a.sum();
        }

        @Override
        String type() {
            return "counter";
        }

        @Override
        void render(StringBuilder out) {
            values.forEach((k, v) -> out.append(name).append(labelText(k, null, null)).append(' ')
                    .append(number(v.sum())).append('\n'));
        }
    }

    /** A value that goes up and down. */
    public static final class Gauge extends Family {
        private final Map<String, DoubleAdder> values = new ConcurrentSkipListMap<>();

        Gauge(String name, String help, String... labels) {
            super(name, help, labels);
        }

        public void add(double amount, String... labelValues) {
            values.computeIfAbsent(key(labelValues), k -> new DoubleAdder()).add(amount);
        }

        public double get(String... labelValues) {
            DoubleAdder a = values.get(key(labelValues));
            return a == null ? 0 : a.sum();
        }

        @Override
        String type() {
            return "gauge";
        }

        @Override
        void render(StringBuilder out) {
            values.forEach((k, v) -> out.append(name).append(labelText(k, null, null)).append(' ')
                    .append(number(v.sum())).append('\n'));
        }
    }

    /** Observations counted into cumulative buckets, with their sum and count. */
    public static final class Histogram extends Family {
        private final double[] bounds;
        private final Map<String, Series> series = new ConcurrentSkipListMap<>();

        private final class Series {
            final LongAdder[] buckets = new LongAdder[bounds.length];
            final DoubleAdder sum = new DoubleAdder();
            final LongAdder count = new LongAdder();

            Series() {
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] = new LongAdder();
                }
            }
        }

        Histogram(String name, String help, double[] bounds, String... labels) {
            super(name, help, labels);
            this.bounds = bounds.clone();
            Arrays.sort(this.bounds);
        }

        public void observe(double value, String... labelValues) {
            Series s = series.computeIfAbsent(key(labelValues), k -> new Series());
            for (int i = 0; i < bounds.length; i++) {
                if (value <= bounds[i]) {
                    s.buckets[i].increment();
                }
            }
            s.sum.add(value);
            s.count.increment();
        }

        /** How many observations were made (for tests and checks). */
        public long count(String... labelValues) {
            Series s = series.get(key(labelValues));
            return s == null ? 0 : s.count.sum();
        }

        @Override
        String type() {
            return "histogram";
        }

        @Override
        void render(StringBuilder out) {
            series.forEach((k, s) -> {
                for (int i = 0; i < bounds.length; i++) {
                    out.append(name).append("_bucket").append(labelText(k, "le", number(bounds[i]))).append(' ')
                            .append(s.buckets[i].sum()).append('\n');
                }
                out.append(name).append("_bucket").append(labelText(k, "le", "+Inf")).append(' ')
                        .append(s.count.sum()).append('\n');
                out.append(name).append("_sum").append(labelText(k, null, null)).append(' ')
                        .append(number(s.sum.sum())).append('\n');
                out.append(name).append("_count").append(labelText(k, null, null)).append(' ')
                        .append(s.count.sum()).append('\n');
            });
        }
    }

    public Counter counter(String name, String help, String... labels) {
        return register(name, () -> new Counter(name, help, labels), Counter.class);
    }

    public Gauge gauge(String name, String help, String... labels) {
        return register(name, () -> new Gauge(name, help, labels), Gauge.class);
    }

    public Histogram histogram(String name, String help, double[] buckets, String... labels) {
        return register(name, () -> new Histogram(name, help, buckets, labels), Histogram.class);
    }

    /** Registering a name twice returns the first metric, when it is of the same type. */
    private synchronized <T extends Family> T register(String name, java.util.function.Supplier<T> make,
            Class<T> type) {
        Family f = families.computeIfAbsent(name, n -> make.get());
        if (!type.isInstance(f)) {
            throw new IllegalArgumentException(name + " is registered as a " + f.type());
        }
        return type.cast(f);
    }

    /** Every metric in the text format Prometheus scrapes. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Family f : families.values()) {
            out.append("# HELP ").append(f.name).append(' ').append(f.help.replace("\\", "\\\\").replace("\n", "\\n"))
                    .append('\n');
            out.append("# TYPE ").append(f.name).append(' ').append(f.type()).append('\n');
            f.render(out);
        }
        return out.toString();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf((long) d);
        }
        return String.format(Locale.ROOT, "%s", d);
    }
}
