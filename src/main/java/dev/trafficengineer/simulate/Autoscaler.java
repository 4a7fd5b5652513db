package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.List;

/** What scales the workload in a simulation: an HPA, a KEDA ScaledObject, or nothing (a fixed count). */
public sealed interface Autoscaler {

    /** The name shown in reports, e.g. "hpa/web" or "3 replicas". */
    String label();

    /**
     * An HPA. {@code signals} says what each metric measures, in metric order; null or shorter lists fall back to
     * {@link Signal#defaultFor}.
     */
    record Hpa(String label, HpaSpec spec, List<Signal> signals) implements Autoscaler {
        public Hpa {
            signals = completeSignals(spec.metrics(), signals);
        }
    }

    /**
     * A ScaledObject. {@code signals} says what each trigger measures, in trigger order (cpu/memory triggers read
     * resource usage whatever is given); {@code outages} are periods in which a trigger's scaler fails.
     */
    record Keda(String label, ScaledObjectSpec spec, List<Signal> signals, List<ScalerOutage> outages)
            implements Autoscaler {
        public Keda {
            signals = completeSignals(Keda.generatedHpaMetrics(spec), signals);
            outages = outages == null ? List.of() : List.copyOf(outages);
        }

        private static List<MetricSpec> generatedHpaMetrics(ScaledObjectSpec spec) {
            return dev.trafficengineer.simulate.Keda.generatedHpa(spec).metrics();
        }
    }

    /** No autoscaler: a baseline such as "3 replicas". */
    record Fixed(String label, int replicas) implements Autoscaler {
        public static Fixed of(int replicas) {
            return new Fixed(replicas + (replicas == 1 ? " replica" : " replicas"), replicas);
        }
    }

    /** The scaler of trigger {@code triggerIndex} fails from {@code fromSeconds} until {@code toSeconds}. */
    record ScalerOutage(int triggerIndex, long fromSeconds, long toSeconds) {
        boolean covers(int trigger, long seconds) {
            return trigger == triggerIndex && seconds >= fromSeconds && seconds < toSeconds;
        }
    }

    private static List<Signal> completeSignals(List<MetricSpec> metrics, List<Signal> given) {
        List<Signal> out = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec m = metrics.get(i);
            boolean resource = m.source() == MetricSourceType.RESOURCE
                    || m.source() == MetricSourceType.CONTAINER_RESOURCE;
            Signal s = given != null && i < given.size() ? given.get(i) : null;
            out.add(s == null || resource ? Signal.defaultFor(m) : s);
        }
        return List.copyOf(out);
    }
}
