package dev.trafficengineer.simulate;

import java.util.List;
import java.util.OptionalInt;

/**
 * The replica proposal of one metric, as the HPA controller's replica calculator makes it (replica_calculator.go,
 * research §4.4). Pure: the pods, their samples and "now" are arguments.
 *
 * <p>Per-pod metrics (Resource, ContainerResource, Pods) go through these steps:
 * <ol>
 *   <li>{@link #groupPods}: each pod is ignored (terminating or Failed), unready (Pending; for CPU also the
 *       readiness rules of the initialization period), missing (no sample) or ready;</li>
 *   <li>the usage ratio over the ready pods: utilization percent truncated to an integer and divided by the target
 *       ({@link #resourceUtilization}), or the integer-divided average divided by the target ({@link #rawResource},
 *       {@link #podsMetric});</li>
 *   <li>with no unready pods on a scale-up and no missing pods: the current count within tolerance, else
 *       {@code ceil(ratio × ready)};</li>
 *   <li>otherwise missing pods are assumed at 100% of request (or of the target) on a scale-down and 0% on a
 *       scale-up, unready pods at 0% on a scale-up, and the ratio is recomputed; a recomputed ratio within tolerance
 *       or pointing the other way keeps the current count; else {@code ceil(newRatio × pods counted)}, unless that
 *       count itself moves the wrong way.</li>
 * </ol>
 * Object and External metrics use {@link #objectValue}/{@link #externalValue} (ratio × ready pods) or
 * {@link #objectPerPod}/{@link #externalPerPod} (total ÷ per-pod target), and {@link #propose} picks among all of
 * them the way horizontal.go computeReplicasForMetric does.
 */
public final class ReplicaCalculator {

    static final String NO_PODS = "no pods returned by selector while calculating replica count";
    static final String NO_READY_METRICS = "did not receive metrics for targeted pods (pods might be unready)";

    private static final int IGNORED = 0;
    private static final int UNREADY = 1;
    private static final int MISSING = 2;
    private static final int READY = 3;

    private ReplicaCalculator() {
    }

    /** What a metric is computed from: per-pod samples, or the values of an Object/External metric. */
    public sealed interface MetricData {
        /** Samples of a per-pod metric (Resource, ContainerResource, Pods). */
        record PodMetrics(List<PodSample> pods) implements MetricData {
            public PodMetrics {
                pods = List.copyOf(pods);
            }
        }

        /**
         * The series of an Object (exactly one) or External metric, in milli-units, and the pods matched by the
         * selector: how many, and how many are Running and Ready (getReadyPodsCount).
         */
        record Values(long[] valuesMilli, int podCount, int readyPodCount) implements MetricData {
            public Values {
                valuesMilli = valuesMilli.clone();
            }
        }
    }

    /**
     * The proposal for one metric spec (horizontal.go computeReplicasForMetric and computeStatusFor*Metric): picks
     * the calculation from the source type and which target fields are set.
     *
     * @param specReplicas {@code scale.spec.replicas}, the current count for ratio-based targets
     * @param statusReplicas {@code scale.status.replicas}, the pod count per-pod Object/External targets divide by
     */
    public static MetricOutcome propose(MetricSpec spec, int specReplicas, int statusReplicas, MetricData data,
            Tolerances tolerances, long nowMillis, ControllerConfig config) {
        MetricTarget target = spec.target();
        switch (spec.source()) {
            case RESOURCE, CONTAINER_RESOURCE -> {
                List<PodSample> pods = podsOf(data);
                if (target.averageValue() != null) {
                    return rawResource(specReplicas, target.averageValue().milliValue(), spec.name(), pods,
                            tolerances, nowMillis, config);
                }
                if (target.averageUtilization() == null) {
                    return new MetricOutcome.Failure("invalid resource metric source: neither an average"
                            + " utilization target nor an average value (usage) target was set");
                }
                return resourceUtilization(specReplicas, target.averageUtilization(), spec.name(), pods,
                        tolerances, nowMillis, config);
            }
            case PODS -> {
                if (target.averageValue() == null) {
                    return new MetricOutcome.Failure("invalid pods metric source: no averageValue target was set");
                }
                return podsMetric(specReplicas, target.averageValue().milliValue(), spec.name(), podsOf(data),
                        tolerances, nowMillis, config);
            }
            case OBJECT -> {
                MetricData.Values values = valuesOf(data);
                if (values.valuesMilli().length != 1) {
                    return new MetricOutcome.Failure("unable to get metric " + spec.name()
                            + ": an object metric has exactly one value, got " + values.valuesMilli().length);
                }
                long usage = values.valuesMilli()[0];
                if (target.type() == MetricTargetType.VALUE && target.value() != null) {
                    return objectValue(specReplicas, usage, target.value().milliValue(), values.podCount(),
                            values.readyPodCount(), tolerances);
                }
                if (target.type() == MetricTargetType.AVERAGE_VALUE && target.averageValue() != null) {
                    return objectPerPod(statusReplicas, usage, target.averageValue().milliValue(), tolerances);
                }
                return new MetricOutcome.Failure(
                        "invalid object metric source: neither a value target nor an average value target was set");
            }
            case EXTERNAL -> {
                MetricData.Values values = valuesOf(data);
                if (target.averageValue() != null) {
                    return externalPerPod(statusReplicas, values.valuesMilli(), target.averageValue().milliValue(),
                            tolerances);
                }
                if (target.value() != null) {
                    return externalValue(specReplicas, values.valuesMilli(), target.value().milliValue(),
                            values.podCount(), values.readyPodCount(), tolerances);
                }
                return new MetricOutcome.Failure("invalid external metric source: neither a value target nor an"
                        + " average value target was set");
            }
            default -> throw new IllegalStateException("unknown metric source " + spec.source());
        }
    }

    private static List<PodSample> podsOf(MetricData data) {
        if (data instanceof MetricData.PodMetrics p) {
            return p.pods();
        }
        throw new IllegalArgumentException("a per-pod metric needs pod samples");
    }

    private static MetricData.Values valuesOf(MetricData data) {
        if (data instanceof MetricData.Values v) {
            return v;
        }
        throw new IllegalArgumentException("an Object or External metric needs metric values");
    }

    /** The buckets of groupPods: one category per pod, and how many pods are ready. */
    record PodGroups(int[] category, int ready, int unready, int missing) {
    }

    /**
     * Sorts pods into ignored, unready, missing and ready (replica_calculator.go groupPods). For CPU, a pod inside
     * its initialization period counts only when Ready and when its sample was taken a full metric window after the
     * Ready transition, because startup CPU would inflate the average; after the period, only a pod that has never
     * been ready is left out. Time comparisons are strict, as Go's {@code Before}/{@code After}.
     */
    static PodGroups groupPods(List<PodSample> pods, boolean cpu, long nowMillis, ControllerConfig config) {
        int[] category = new int[pods.size()];
        int ready = 0;
        int unready = 0;
        int missing = 0;
        for (int i = 0; i < pods.size(); i++) {
            PodSample pod = pods.get(i);
            int c;
            if (pod.terminating() || pod.phase() == PodPhase.FAILED) {
                c = IGNORED;
            } else if (pod.phase() == PodPhase.PENDING) {
                c = UNREADY;
            } else if (pod.metricMilli() == null) {
                c = MISSING;
            } else if (cpu && cpuSampleUnready(pod, nowMillis, config)) {
                c = UNREADY;
            } else {
                c = READY;
            }
            category[i] = c;
            switch (c) {
                case READY -> ready++;
                case UNREADY -> unready++;
                case MISSING -> missing++;
                default -> {
                }
            }
        }
        return new PodGroups(category, ready, unready, missing);
    }

    private static boolean cpuSampleUnready(PodSample pod, long nowMillis, ControllerConfig config) {
        if (pod.ready() == null || pod.startMillis() == null) {
            return true;
        }
        boolean readyFalse = !pod.ready();
        if (pod.startMillis() + config.cpuInitializationPeriodMillis() > nowMillis) {
            return readyFalse || pod.metricTimestampMillis() < pod.readyTransitionMillis() + pod.metricWindowMillis();
        }
        return readyFalse && pod.startMillis() + config.initialReadinessDelayMillis() > pod.readyTransitionMillis();
    }

    /**
     * A Resource or ContainerResource metric with an averageUtilization target (GetResourceReplicas and
     * metrics.GetResourceUtilizationRatio). Reports the utilization of the ready pods, before any assumption about
     * missing or unready pods.
     */
    public static MetricOutcome resourceUtilization(int currentReplicas, int targetUtilization, String resource,
            List<PodSample> pods, Tolerances tolerances, long nowMillis, ControllerConfig config) {
        MetricOutcome early = checkPodMetrics(pods, "unable to get metrics for resource " + resource
                + ": no metrics returned from resource metrics API");
        if (early != null) {
            return early;
        }
        PodGroups groups = groupPods(pods, "cpu".equals(resource), nowMillis, config);
        if (groups.ready() == 0) {
            return new MetricOutcome.Failure(NO_READY_METRICS);
        }
        for (PodSample pod : pods) {
            if (pod.requestMilli() == null) {
                return new MetricOutcome.Failure(pod.requestProblem() != null ? pod.requestProblem()
                        : "missing request for " + resource + " in Pod " + pod.name());
            }
        }
        long usageTotal = 0;
        long requestTotal = 0;
        for (int i = 0; i < pods.size(); i++) {
            if (groups.category()[i] == READY) {
                usageTotal += pods.get(i).metricMilli();
                requestTotal += pods.get(i).requestMilli();
            }
        }
        if (requestTotal == 0) {
            return new MetricOutcome.Failure("no metrics returned matched known pods");
        }
        // utilization is truncated to an integer percent before the ratio is taken (int32 conversion in Go)
        int utilization = (int) (usageTotal * 100 / requestTotal);
        double ratio = (double) utilization / targetUtilization;
        long rawAverage = usageTotal / groups.ready();
        OptionalInt reported = OptionalInt.of(utilization);

        boolean scaleUpWithUnready = groups.unready() > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing() == 0) {
            int replicas = tolerances.isWithin(ratio) ? currentReplicas : GoMath.ceilToInt(ratio * groups.ready());
            return new MetricOutcome.Proposal(replicas, reported, rawAverage);
        }

        int counted = groups.ready();
        for (int i = 0; i < pods.size(); i++) {
            int c = groups.category()[i];
            long request = pods.get(i).requestMilli();
            if (c == MISSING && ratio < 1.0) {
                // on a scale-down a missing pod is assumed at 100% of its request, or at the target if above 100%
                usageTotal += request * Math.max(100, targetUtilization) / 100;
                requestTotal += request;
                counted++;
            } else if ((c == MISSING && ratio > 1.0) || (c == UNREADY && scaleUpWithUnready)) {
                // on a scale-up a missing or unready pod is assumed idle, which damps the scale-up
                requestTotal += request;
                counted++;
            }
        }
        if (requestTotal == 0) {
            return new MetricOutcome.Failure("no metrics returned matched known pods");
        }
        double newRatio = (double) ((int) (usageTotal * 100 / requestTotal)) / targetUtilization;
        return new MetricOutcome.Proposal(
                afterAssumptions(currentReplicas, ratio, newRatio, counted, tolerances), reported, rawAverage);
    }

    /** A Resource metric with an averageValue target (GetRawResourceReplicas): the plain path, CPU readiness on. */
    public static MetricOutcome rawResource(int currentReplicas, long targetMilli, String resource,
            List<PodSample> pods, Tolerances tolerances, long nowMillis, ControllerConfig config) {
        MetricOutcome early = checkPodMetrics(pods, "unable to get metrics for resource " + resource
                + ": no metrics returned from resource metrics API");
        return early != null ? early
                : plainMetric(currentReplicas, targetMilli, "cpu".equals(resource), pods, tolerances, nowMillis,
                        config);
    }

    /** A Pods metric (GetMetricReplicas): the plain path without the CPU readiness rules. */
    public static MetricOutcome podsMetric(int currentReplicas, long targetMilli, String metric,
            List<PodSample> pods, Tolerances tolerances, long nowMillis, ControllerConfig config) {
        MetricOutcome early = checkPodMetrics(pods,
                "unable to get metric " + metric + ": no metrics returned from custom metrics API");
        return early != null ? early
                : plainMetric(currentReplicas, targetMilli, false, pods, tolerances, nowMillis, config);
    }

    private static MetricOutcome checkPodMetrics(List<PodSample> pods, String noMetricsMessage) {
        boolean anyMetric = false;
        for (PodSample pod : pods) {
            anyMetric |= pod.metricMilli() != null;
        }
        if (!anyMetric) {
            return new MetricOutcome.Failure(noMetricsMessage);
        }
        return pods.isEmpty() ? new MetricOutcome.Failure(NO_PODS) : null;
    }

    /** calcPlainMetricReplicas: the average is an integer division; missing pods are assumed at the target. */
    private static MetricOutcome plainMetric(int currentReplicas, long targetMilli, boolean cpu, List<PodSample> pods,
            Tolerances tolerances, long nowMillis, ControllerConfig config) {
        PodGroups groups = groupPods(pods, cpu, nowMillis, config);
        if (groups.ready() == 0) {
            return new MetricOutcome.Failure(NO_READY_METRICS);
        }
        long total = 0;
        for (int i = 0; i < pods.size(); i++) {
            if (groups.category()[i] == READY) {
                total += pods.get(i).metricMilli();
            }
        }
        long usage = total / groups.ready();
        double ratio = (double) usage / targetMilli;
        boolean scaleUpWithUnready = groups.unready() > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && groups.missing() == 0) {
            int replicas = tolerances.isWithin(ratio) ? currentReplicas : GoMath.ceilToInt(ratio * groups.ready());
            return new MetricOutcome.Proposal(replicas, OptionalInt.empty(), usage);
        }
        int counted = groups.ready();
        for (int i = 0; i < pods.size(); i++) {
            int c = groups.category()[i];
            if (c == MISSING && ratio < 1.0) {
                total += targetMilli;
                counted++;
            } else if ((c == MISSING && ratio > 1.0) || (c == UNREADY && scaleUpWithUnready)) {
                counted++;
            }
        }
        double newRatio = (double) (total / counted) / targetMilli;
        return new MetricOutcome.Proposal(
                afterAssumptions(currentReplicas, ratio, newRatio, counted, tolerances), OptionalInt.empty(), usage);
    }

    /**
     * The last step of both per-pod paths: with the assumptions filled in, keep the current count if the new ratio
     * is within tolerance or would reverse the direction of the first one, or if the resulting count does.
     */
    private static int afterAssumptions(int currentReplicas, double ratio, double newRatio, int counted,
            Tolerances tolerances) {
        if (tolerances.isWithin(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
            return currentReplicas;
        }
        int replicas = GoMath.ceilToInt(newRatio * counted);
        if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)) {
            return currentReplicas;
        }
        return replicas;
    }

    /** An Object metric with a Value target (GetObjectMetricReplicas). Reports the object's value. */
    public static MetricOutcome objectValue(int currentReplicas, long usageMilli, long targetMilli, int podCount,
            int readyPodCount, Tolerances tolerances) {
        double ratio = (double) usageMilli / targetMilli;
        return usageRatioReplicas(currentReplicas, ratio, podCount, readyPodCount, tolerances, usageMilli);
    }

    /** An External metric with a Value target (GetExternalMetricReplicas): the series are summed first. */
    public static MetricOutcome externalValue(int currentReplicas, long[] valuesMilli, long targetMilli, int podCount,
            int readyPodCount, Tolerances tolerances) {
        long usage = sumCapped(valuesMilli);
        double ratio = (double) usage / targetMilli;
        return usageRatioReplicas(currentReplicas, ratio, podCount, readyPodCount, tolerances, usage);
    }

    /**
     * getUsageRatioReplicaCount: ratio times the Running-and-Ready pods. From zero replicas (HPAScaleToZero) there
     * is no tolerance and no pod count: {@code ceil(ratio)}.
     */
    private static MetricOutcome usageRatioReplicas(int currentReplicas, double ratio, int podCount,
            int readyPodCount, Tolerances tolerances, long usage) {
        if (currentReplicas == 0) {
            return new MetricOutcome.Proposal(GoMath.ceilToInt(ratio), OptionalInt.empty(), usage);
        }
        if (tolerances.isWithin(ratio)) {
            return new MetricOutcome.Proposal(currentReplicas, OptionalInt.empty(), usage);
        }
        if (podCount == 0) {
            return new MetricOutcome.Failure("unable to calculate ready pods: " + NO_PODS);
        }
        double replicas = ratio * readyPodCount;
        int proposal = replicas > Integer.MAX_VALUE ? Integer.MAX_VALUE : GoMath.ceilToInt(replicas);
        return new MetricOutcome.Proposal(proposal, OptionalInt.empty(), usage);
    }

    /**
     * An Object metric with an AverageValue target (GetObjectPerPodMetricReplicas): total ÷ per-pod target,
     * readiness ignored. Reports the per-pod average, rounded up.
     */
    public static MetricOutcome objectPerPod(int statusReplicas, long usageMilli, long targetMilli,
            Tolerances tolerances) {
        return perPod(statusReplicas, usageMilli, targetMilli, tolerances);
    }

    /** An External metric with an AverageValue target (GetExternalPerPodMetricReplicas). */
    public static MetricOutcome externalPerPod(int statusReplicas, long[] valuesMilli, long targetMilli,
            Tolerances tolerances) {
        return perPod(statusReplicas, sumCapped(valuesMilli), targetMilli, tolerances);
    }

    private static MetricOutcome perPod(int statusReplicas, long usage, long targetMilli, Tolerances tolerances) {
        int replicas = statusReplicas;
        double ratio = (double) usage / ((double) targetMilli * statusReplicas);
        if (!tolerances.isWithin(ratio)) {
            double wanted = Math.ceil((double) usage / targetMilli);
            replicas = wanted > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) wanted;
        }
        // upstream divides by statusReplicas unguarded; at zero pods the average is reported as the total instead
        long average = statusReplicas == 0 ? usage : (long) Math.ceil((double) usage / statusReplicas);
        return new MetricOutcome.Proposal(replicas, OptionalInt.empty(), average);
    }

    /** Sums series, capping at Long.MAX_VALUE on overflow as the external-metric paths do. */
    private static long sumCapped(long[] values) {
        long sum = 0;
        for (long v : values) {
            if (v > 0 && sum > Long.MAX_VALUE - v) {
                return Long.MAX_VALUE;
            }
            sum += v;
        }
        return sum;
    }
}
