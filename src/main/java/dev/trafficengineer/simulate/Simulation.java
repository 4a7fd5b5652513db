package dev.trafficengineer.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Runs an autoscaler against a traffic profile, step by step (deterministic: the same input gives the same run).
 * Each step of {@code gcd(sync period, KEDA polling interval)} seconds:
 * <ol>
 *   <li>pods advance through their lifecycle: Pending for {@code startupSeconds}, Running and unready for
 *       {@code readinessSeconds}, then Ready;</li>
 *   <li>at each KEDA polling interval: activation and the scale loop ({@link Keda#scaleLoop});</li>
 *   <li>at each HPA sync: every metric's proposal from what the metrics pipeline shows (samples
 *       {@code metricsDelaySeconds} old; a new pod has no resource sample until it has run one metric window),
 *       then {@link HorizontalController#reconcile}; a rescale creates pods or deletes the least useful ones
 *       (not ready first, then the newest), as a ReplicaSet does;</li>
 *   <li>the ready pods serve the step's arrivals: the excess is dropped (requests) or queued (messages).</li>
 * </ol>
 */
public final class Simulation {

    private static final double EPSILON = 1e-9;

    private final Autoscaler autoscaler;
    private final TrafficProfile traffic;
    private final PodModel model;
    private final SimulationSettings settings;
    private final ControllerConfig config;
    private final int step;

    // the workload
    private final List<Pod> pods = new ArrayList<>();
    private int replicas;
    private int nextPodId;

    // what the metrics pipeline recorded for each finished step
    private final double[] obsDemand;
    private final double[] obsServedPerPod;
    private final double[] obsReceivedPerPod;
    private final double[] obsBacklog;
    private final double[] cumulativeArrivals;
    private final double[] cumulativeServed;

    // controller memory
    private ScalerHistory history = ScalerHistory.EMPTY;
    private Keda.State kedaState = Keda.State.createdAt(0);
    private int[] failures;

    private Simulation(Autoscaler autoscaler, TrafficProfile traffic, PodModel model, SimulationSettings settings) {
        this.autoscaler = autoscaler;
        this.traffic = traffic;
        this.model = model;
        this.settings = settings;
        this.config = settings.controller();
        int sync = config.syncPeriodSeconds();
        this.step = autoscaler instanceof Autoscaler.Keda k ? gcd(sync, k.spec().pollingIntervalSeconds()) : sync;
        int steps = (int) Math.max(1, (traffic.durationSeconds() + step - 1) / step);
        this.obsDemand = new double[steps];
        this.obsServedPerPod = new double[steps];
        this.obsReceivedPerPod = new double[steps];
        this.obsBacklog = new double[steps];
        this.cumulativeArrivals = new double[steps + 1];
        this.cumulativeServed = new double[steps + 1];
        HpaSpec hpa = hpaSpec();
        if (hpa != null) {
            for (MetricSpec m : hpa.metrics()) {
                boolean resource = m.source() == MetricSourceType.RESOURCE
                        || m.source() == MetricSourceType.CONTAINER_RESOURCE;
                if (resource && !model.resources().containsKey(m.name())) {
                    throw new SimulationInputException("the pod model has no `" + m.name() + "` resource, which the "
                            + m.describe() + " metric reads; give its request and usage");
                }
            }
        }
    }

    /** A pod's lifecycle times, in seconds on the simulation clock. */
    private record Pod(String name, long created, long running, long ready) {
        boolean isRunning(long t) {
            return t >= running;
        }

        boolean isReady(long t) {
            return t >= ready;
        }
    }

    /** Simulates {@code autoscaler} over {@code traffic} with pods that behave like {@code model}. */
    public static SimulationRun run(Autoscaler autoscaler, TrafficProfile traffic, PodModel model,
            SimulationSettings settings) {
        return new Simulation(autoscaler, traffic, model, settings).simulate();
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private HpaSpec hpaSpec() {
        if (autoscaler instanceof Autoscaler.Hpa h) {
            return h.spec();
        }
        if (autoscaler instanceof Autoscaler.Keda k) {
            return Keda.generatedHpa(k.spec());
        }
        return null;
    }

    private List<Signal> signals() {
        if (autoscaler instanceof Autoscaler.Hpa h) {
            return h.signals();
        }
        if (autoscaler instanceof Autoscaler.Keda k) {
            return k.signals();
        }
        return List.of();
    }

    private int initialReplicas() {
        if (settings.initialReplicas() != null) {
            return settings.initialReplicas();
        }
        if (autoscaler instanceof Autoscaler.Hpa h) {
            return h.spec().effectiveMinReplicas();
        }
        if (autoscaler instanceof Autoscaler.Keda k) {
            return k.spec().minReplicas();
        }
        return ((Autoscaler.Fixed) autoscaler).replicas();
    }

    private SimulationRun simulate() {
        int n = obsDemand.length;
        HpaSpec hpa = hpaSpec();
        List<Signal> signals = signals();
        int metricCount = hpa == null ? 0 : hpa.metrics().size();
        failures = new int[metricCount];
        Tolerances tolerances = hpa == null ? null : Tolerances.forBehavior(Behavior.defaulted(hpa.behavior()),
                config.tolerance());

        long[] tSeconds = new long[n];
        double[] demand = new double[n];
        int[] replicaCol = new int[n];
        int[] readyCol = new int[n];
        double[] capacity = new double[n];
        double[] unserved = new double[n];
        double[] queue = new double[n];
        double[] lag = new double[n];
        double[][] metricCols = new double[metricCount][n];
        double[] lastMetric = new double[metricCount];
        Arrays.fill(lastMetric, Double.NaN);
        String[] reasons = new String[n];
        String[] events = new String[n];
        EventCounter counter = new EventCounter(settings.flapWindowSeconds());

        // warm start: the initial pods have run for a day, and the step before 0 saw steady traffic
        replicas = initialReplicas();
        for (int i = 0; i < replicas; i++) {
            pods.add(new Pod("pod-" + nextPodId++, -86_400, -86_400, -86_400));
        }
        double backlog = 0;
        String reason = autoscaler instanceof Autoscaler.Fixed ? "Fixed" : "";
        double arrivalsTotal = 0;
        double unservedTotal = 0;
        double podSeconds = 0;
        long underCapacity = 0;
        int peak = replicas;
        int lowest = replicas;
        double replicaSeconds = 0;
        int kedaPoll = autoscaler instanceof Autoscaler.Keda k ? k.spec().pollingIntervalSeconds() : 0;

        for (int k = 0; k < n; k++) {
            long t = (long) k * step;
            String event = null;
            int before = replicas;

            if (autoscaler instanceof Autoscaler.Keda kedaScaler && t % kedaPoll == 0) {
                Keda.Step s = kedaPoll(kedaScaler, signals, t);
                kedaState = s.next();
                reason = s.reason();
                if (s.replicas() >= 0 && s.replicas() != replicas) {
                    setReplicas(s.replicas(), t);
                    event = before + "→" + replicas + " " + s.reason();
                }
            }
            if (hpa != null && t % config.syncPeriodSeconds() == 0) {
                int synced = replicas;
                HorizontalController.Reconciliation r = hpaSync(hpa, signals, tolerances, t, lastMetric);
                history = r.history();
                // with its target at zero KEDA's HPA is disabled; KEDA's own reason says more
                if (!(autoscaler instanceof Autoscaler.Keda && synced == 0)) {
                    reason = r.headline();
                }
                if (r.rescale()) {
                    setReplicas(r.desiredReplicas(), t);
                    event = (event == null ? "" : event + ", ") + synced + "→" + replicas + " " + r.headline();
                }
            }
            if (replicas != before) {
                counter.record(t, before, replicas);
            }

            // serve the step's arrivals with the pods ready now
            double rateNow = traffic.rateAt(t);
            double arrivals = (rateNow + traffic.rateAt(t + step)) / 2 * step;
            int readyNow = 0;
            for (Pod p : pods) {
                readyNow += p.isReady(t) ? 1 : 0;
            }
            double capacityUnits = readyNow * model.capacityPerPod() * step;
            double served;
            double dropped = 0;
            if (model.work() == PodModel.WorkKind.REQUESTS) {
                served = Math.min(arrivals, capacityUnits);
                dropped = arrivals - served;
            } else {
                served = Math.min(backlog + arrivals, capacityUnits);
                backlog = backlog + arrivals - served;
                if (backlog < EPSILON) {
                    backlog = 0;
                }
            }
            arrivalsTotal += arrivals;
            unservedTotal += dropped;
            cumulativeArrivals[k + 1] = cumulativeArrivals[k] + arrivals;
            cumulativeServed[k + 1] = cumulativeServed[k] + served;
            obsDemand[k] = arrivals / step;
            obsBacklog[k] = backlog;
            obsServedPerPod[k] = readyNow == 0 ? 0 : served / step / readyNow;
            obsReceivedPerPod[k] = readyNow == 0 ? 0
                    : (model.work() == PodModel.WorkKind.REQUESTS ? arrivals : served) / step / readyNow;
            if (dropped > EPSILON || backlog > EPSILON) {
                underCapacity += step;
            }

            tSeconds[k] = t;
            demand[k] = rateNow;
            replicaCol[k] = replicas;
            readyCol[k] = readyNow;
            capacity[k] = readyNow * model.capacityPerPod();
            unserved[k] = dropped / step;
            queue[k] = backlog;
            lag[k] = backlog > EPSILON ? lagAt(k + 1) : 0;
            for (int m = 0; m < metricCount; m++) {
                metricCols[m][k] = lastMetric[m];
            }
            reasons[k] = reason;
            events[k] = event;
            podSeconds += (double) pods.size() * step;
            replicaSeconds += (double) replicas * step;
            peak = Math.max(peak, replicas);
            lowest = Math.min(lowest, replicas);
        }
        List<String> names = new ArrayList<>();
        for (int m = 0; m < metricCount; m++) {
            names.add(metricLabel(hpa.metrics().get(m)));
        }
        if (model.work() == PodModel.WorkKind.MESSAGES) {
            unservedTotal = backlog;
        }
        double maxQueue = 0;
        double maxLag = 0;
        for (int k = 0; k < n; k++) {
            maxQueue = Math.max(maxQueue, queue[k]);
            maxLag = Math.max(maxLag, lag[k]);
        }
        long duration = (long) n * step;
        Summary summary = new Summary(duration, podSeconds / 3600, peak, lowest, replicaSeconds / duration,
                underCapacity, unservedTotal, arrivalsTotal == 0 ? 0 : unservedTotal * 100 / arrivalsTotal,
                counter.ups, counter.downs, counter.flaps, maxQueue, maxLag, counter.coldStarts, counter.podStarts);
        Timeline timeline = new Timeline(step, tSeconds, demand, replicaCol, readyCol, capacity, unserved, queue, lag,
                names, metricCols, reasons, events);
        return new SimulationRun(autoscaler.label(), traffic.describe(), model, timeline, summary);
    }

    /** Counts scale events, flaps, cold starts and pod starts. */
    private static final class EventCounter {
        private final int flapWindow;
        private int ups;
        private int downs;
        private int flaps;
        private int coldStarts;
        private int podStarts;
        private long lastAt = Long.MIN_VALUE;
        private int lastDirection;

        EventCounter(int flapWindow) {
            this.flapWindow = flapWindow;
        }

        void record(long t, int from, int to) {
            int direction = Integer.signum(to - from);
            if (direction > 0) {
                ups++;
                podStarts += to - from;
                if (from == 0) {
                    coldStarts++;
                }
            } else {
                downs++;
            }
            if (lastDirection != 0 && direction != lastDirection && t - lastAt <= flapWindow) {
                flaps++;
            }
            lastAt = t;
            lastDirection = direction;
        }
    }

    private static String metricLabel(MetricSpec m) {
        return switch (m.source()) {
            case RESOURCE, CONTAINER_RESOURCE -> m.name() + (m.target().averageValue() == null ? " %" : "");
            default -> m.name();
        };
    }

    /** FIFO age of the oldest waiting unit at the end of step {@code k - 1}: when did arrivals pass what was served. */
    private double lagAt(int k) {
        double served = cumulativeServed[k];
        int lo = 0;
        int hi = k;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeArrivals[mid] <= served) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double a0 = cumulativeArrivals[lo];
        double a1 = cumulativeArrivals[hi];
        double fraction = a1 > a0 ? (served - a0) / (a1 - a0) : 0;
        double oldestArrival = (lo + Math.min(1, Math.max(0, fraction))) * step;
        return (double) k * step - oldestArrival;
    }

    private void setReplicas(int target, long t) {
        while (pods.size() < target) {
            long running = t + model.startupSeconds();
            pods.add(new Pod("pod-" + nextPodId++, t, running, running + model.readinessSeconds()));
        }
        while (pods.size() > target) {
            pods.remove(leastUseful(t));
        }
        replicas = target;
    }

    /** The pod a ReplicaSet deletes first: not running before running, not ready before ready, newer first. */
    private int leastUseful(long t) {
        int best = 0;
        for (int i = 1; i < pods.size(); i++) {
            Pod a = pods.get(i);
            Pod b = pods.get(best);
            int rankA = (a.isRunning(t) ? 1 : 0) + (a.isReady(t) ? 1 : 0);
            int rankB = (b.isRunning(t) ? 1 : 0) + (b.isReady(t) ? 1 : 0);
            if (rankA < rankB || (rankA == rankB && a.created() >= b.created())) {
                best = i;
            }
        }
        return best;
    }

    /** The observation index the metrics pipeline shows at {@code t}: the last step finished before the delay. */
    private int observed(long t) {
        long at = t - model.metricsDelaySeconds();
        return (int) Math.floorDiv(at, step) - 1;
    }

    private double demandSeen(int j) {
        return j < 0 ? traffic.rateAt(0) : obsDemand[j];
    }

    private double backlogSeen(int j) {
        return j < 0 ? 0 : obsBacklog[j];
    }

    /** Per-ready-pod served and received rates seen at index j; before the start, steady state at second 0. */
    private double servedPerPodSeen(int j, boolean received) {
        if (j >= 0) {
            return received ? obsReceivedPerPod[j] : obsServedPerPod[j];
        }
        int readyAtStart = Math.max(1, initialReplicas());
        double perPod = traffic.rateAt(0) / readyAtStart;
        return received && model.work() == PodModel.WorkKind.REQUESTS ? perPod
                : Math.min(perPod, model.capacityPerPod());
    }

    private double signalValue(Signal signal, long t) {
        int j = observed(t);
        if (signal instanceof Signal.Backlog b) {
            return backlogSeen(j) + demandSeen(j) * b.inFlightSeconds();
        }
        if (signal instanceof Signal.Daily d) {
            return d.valueAt(t - model.metricsDelaySeconds());
        }
        if (signal instanceof Signal.Latency l) {
            return latencySeen(l, j);
        }
        return demandSeen(j) * (signal instanceof Signal.Demand d ? d.factor() : 1);
    }

    /**
     * The latency the pods showed at index j. With no request received there is no latency sample: a
     * {@code histogram_quantile} over empty buckets is NaN, which KEDA's prometheus scaler reads as 0.
     */
    private double latencySeen(Signal.Latency l, int j) {
        double received = j < 0 && initialReplicas() == 0 ? 0 : servedPerPodSeen(j, true);
        return received <= 0 ? 0 : l.at(received / model.capacityPerPod());
    }

    private HorizontalController.Reconciliation hpaSync(HpaSpec hpa, List<Signal> signals, Tolerances tolerances,
            long t, double[] lastMetric) {
        long now = t * 1000;
        int readyCount = 0;
        for (Pod p : pods) {
            readyCount += p.isRunning(t) && p.isReady(t) ? 1 : 0;
        }
        List<MetricOutcome> outcomes = new ArrayList<>(hpa.metrics().size());
        for (int m = 0; m < hpa.metrics().size(); m++) {
            MetricSpec spec = hpa.metrics().get(m);
            Signal signal = signals.get(m);
            MetricOutcome outcome;
            switch (spec.source()) {
                case RESOURCE, CONTAINER_RESOURCE, PODS -> outcome = ReplicaCalculator.propose(spec, replicas,
                        pods.size(), new ReplicaCalculator.MetricData.PodMetrics(podSamples(spec, signal, t)),
                        tolerances, now, config);
                default -> {
                    long value = externalValue(m, spec, signal, t, readyCount);
                    outcome = value < 0
                            ? new MetricOutcome.Failure("unable to get external metric " + spec.name()
                                    + ": the scaler is failing")
                            : ReplicaCalculator.propose(spec, replicas, pods.size(),
                                    new ReplicaCalculator.MetricData.Values(new long[] {value}, pods.size(),
                                            readyCount), tolerances, now, config);
                }
            }
            outcomes.add(outcome);
            lastMetric[m] = outcome instanceof MetricOutcome.Proposal p ? reported(p) : Double.NaN;
        }
        return HorizontalController.reconcile(replicas, hpa.minReplicas(), hpa.maxReplicas(), hpa.behavior(),
                hpa.metrics(), outcomes, history, now, config);
    }

    private static double reported(MetricOutcome.Proposal p) {
        OptionalInt u = p.utilization();
        return u.isPresent() ? u.getAsInt() : p.usageMilli() / 1000.0;
    }

    /**
     * The value of an Object/External metric at a sync, in milli-units, or -1 when it fails. For KEDA triggers this
     * is KEDA's metrics server: a failing scaler is an error until it has failed more than failureThreshold times
     * in a row, then the fallback value.
     */
    private long externalValue(int m, MetricSpec spec, Signal signal, long t, int readyCount) {
        if (autoscaler instanceof Autoscaler.Keda k) {
            if (failing(k, m, t)) {
                failures[m]++;
                if (Keda.hasValidFallback(k.spec()) && failures[m] > k.spec().fallback().failureThreshold()) {
                    return Keda.fallbackMetricMilli(spec.target(),
                            Keda.fallbackReplicas(k.spec().fallback(), replicas), readyCount);
                }
                return -1;
            }
            failures[m] = 0;
        }
        return Keda.metricMilli(signalValue(signal, t));
    }

    private static boolean failing(Autoscaler.Keda k, int trigger, long t) {
        for (Autoscaler.ScalerOutage o : k.outages()) {
            if (o.covers(trigger, t)) {
                return true;
            }
        }
        return false;
    }

    private Keda.Step kedaPoll(Autoscaler.Keda k, List<Signal> signals, long t) {
        List<Keda.TriggerReading> readings = new ArrayList<>();
        for (int i = 0; i < k.spec().triggers().size(); i++) {
            KedaTrigger trigger = k.spec().triggers().get(i);
            boolean failed = !trigger.isResource() && failing(k, i, t);
            double value = trigger.isResource() ? 0 : signalValue(signals.get(i), t);
            readings.add(new Keda.TriggerReading(trigger, failed, value));
        }
        return Keda.scaleLoop(k.spec(), kedaState, Keda.activity(readings), replicas, t * 1000);
    }

    /** What the metrics APIs show for each pod at sync time {@code t}. */
    private List<PodSample> podSamples(MetricSpec spec, Signal signal, long t) {
        long sampleAt = t - model.metricsDelaySeconds();
        int j = observed(t);
        PodModel.ResourceModel resource = signal instanceof Signal.ResourceUsage r ? model.resources().get(r.resource())
                : null;
        Long request = resource == null ? null : resource.request().milliValue();
        long servingValue = 0;
        if (resource != null) {
            servingValue = resource.usageMilli(servedPerPodSeen(j, false));
        } else if (signal instanceof Signal.Backlog b) {
            int readyThen = Math.max(1, countReady(sampleAt));
            servingValue = Keda.metricMilli((backlogSeen(j) + demandSeen(j) * b.inFlightSeconds()) / readyThen);
        } else if (signal instanceof Signal.Daily d) {
            servingValue = Keda.metricMilli(d.valueAt(sampleAt));
        } else if (signal instanceof Signal.Latency l) {
            servingValue = Keda.metricMilli(latencySeen(l, j));
        } else {
            servingValue = Keda.metricMilli(servedPerPodSeen(j, true)
                    * (signal instanceof Signal.Demand d ? d.factor() : 1));
        }
        long idleValue = resource == null ? 0 : resource.idle().milliValue();
        List<PodSample> samples = new ArrayList<>(pods.size());
        for (Pod p : pods) {
            boolean running = p.isRunning(t);
            boolean ready = running && p.isReady(t);
            Long metric = null;
            if (resource != null || spec.source() != MetricSourceType.PODS) {
                if (p.running() + model.metricWindowSeconds() <= sampleAt) {
                    metric = p.isReady(sampleAt) ? servingValue : idleValue;
                }
            } else if (p.isReady(sampleAt)) {
                metric = servingValue;
            }
            samples.add(new PodSample(p.name(), running ? PodPhase.RUNNING : PodPhase.PENDING, false,
                    running ? ready : Boolean.FALSE, p.created() * 1000, (ready ? p.ready() : p.running()) * 1000,
                    metric, sampleAt * 1000, model.metricWindowSeconds() * 1000L, request, null));
        }
        return samples;
    }

    private int countReady(long at) {
        int c = 0;
        for (Pod p : pods) {
            c += p.isReady(at) ? 1 : 0;
        }
        return c;
    }
}
