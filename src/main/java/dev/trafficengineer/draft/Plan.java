package dev.trafficengineer.draft;

import dev.trafficengineer.draft.Resolved.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers of a draft, each derived from the requirements by a documented rule and carrying its reason. Pure
 * arithmetic; the drafter turns the plan into manifests.
 *
 * <ul>
 *   <li><b>Target ratio</b> r: the share of a pod's capacity it should run at. Tighter latency objectives need more
 *       room for bursts: r = 0.5 at 100 ms or less, 0.6 to 250 ms, 0.7 to 1 s, 0.75 beyond; consumers run at 0.8
 *       (their objective is delay, which the lag threshold guards). p99 takes 0.05 off, a conservative start 0.1.
 *       A stated {@code preferences.targetUtilization} replaces the rule.
 *   <li><b>Pods needed</b> at a rate x: ceil(x / (perPod × r)).
 *   <li><b>Minimum</b>: the pods the baseline needs, and at least 2 for an HTTP API (one can restart while the other
 *       serves) or 1 for a consumer; one more when conservative; 0 to scale to zero.
 *   <li><b>Maximum</b>: the pods the peak needs, with 25% headroom (50% conservative) for bursts above the stated
 *       peak; capped by the Kafka partitions and the cost ceiling.
 *   <li><b>Scale-up</b>: no stabilization (with a latency trigger, a pod's start-up plus 30 s, at least 60 s:
 *       latency answers new pods only once they serve, and readings taken meanwhile would add pods again and
 *       again), and per 15 s the larger of doubling and k pods, with k sized so the pods the peak needs arrive
 *       while the traffic climbs (rampSeconds) less the pod start-up time; a policy that never decides within the
 *       replica range is left out.
 *   <li><b>Scale-down</b>: a 300 s stabilization window (600 s for spiky traffic or a conservative start) and at
 *       most 20% of the pods (10% conservative) removed per minute; {@code preferences.scaleDownWindowSeconds} and
 *       {@code scaleDownPercent}, when stated, replace them (feedback such as "scale-down is too aggressive" sets
 *       them).
 *   <li><b>Pre-warm</b>: scaling to zero without cold starts keeps pods warm from a quarter of an hour before
 *       traffic is expected (the end of the idle window, or 07:45 on weekdays) until it stops (the idle window,
 *       or 19:00): as many as the baseline, or the traffic when it returns, needs.
 *   <li><b>Cron replicas</b>: the pods the peak needs, held through the scheduled window (a schedule is chosen
 *       for hours known to be busy), at most the maximum; a stated {@code source.cron.replicas} replaces it.
 * </ul>
 */
public record Plan(
        SourceType source,
        Reasoned<Double> targetRatio,
        Reasoned<Integer> cpuUtilization,
        Reasoned<Integer> memoryUtilization,
        Reasoned<Integer> minReplicas,
        Reasoned<Integer> maxReplicas,
        Reasoned<Integer> scaleUpWindow,
        Reasoned<Integer> scaleUpPods,
        Reasoned<Integer> scaleDownWindow,
        Reasoned<Integer> scaleDownPercent,
        Reasoned<String> rateThreshold,
        Reasoned<String> latencyThreshold,
        Reasoned<String> lagThreshold,
        Reasoned<Integer> cooldownPeriod,
        Reasoned<Integer> pollingInterval,
        Reasoned<Integer> cronReplicas,
        Prewarm prewarm,
        List<String> notes) {

    /**
     * A cron trigger that keeps pods warm while traffic is expected, for a workload that scales to zero but must
     * not make requests wait for a cold start: from {@code start} until {@code end} (cron) run {@code replicas}.
     */
    public record Prewarm(String start, String end, Reasoned<Integer> replicas) {}

    static final int PERIOD = 15;
    /** Roughly how long the autoscaler takes to see a change: a metrics window and an HPA sync. */
    private static final int REACTION_SECONDS = 30;
    /**
     * At least the metrics' age plus a new pod's readiness, so a latency reading taken before new pods served is
     * not acted on twice; slow pods lengthen it (see {@link #latencyUpWindow}).
     */
    private static final int LATENCY_UP_WINDOW = 60;

    public static Plan of(Resolved r) {
        List<String> notes = new ArrayList<>();
        Resolved.Traffic t = r.traffic();
        double perPod = r.capacity().perPod();
        boolean conservative = r.preferences().conservative();
        boolean consumer = r.workload().type().consumer();
        SourceType source = effectiveSource(r, notes);

        Reasoned<Double> ratio = ratio(r);
        double perPodAtTarget = perPod * ratio.value();
        String unit = t.unitWords();

        int baselinePods = pods(t.baseline(), perPodAtTarget);
        int peakPods = Math.max(1, pods(t.peak(), perPodAtTarget));

        Reasoned<Integer> min;
        if (r.bounds().min() != null) {
            min = Reasoned.of(r.bounds().min(), "as stated");
        } else if (r.bounds().scaleToZero()) {
            min = Reasoned.of(0, "scale to zero was asked for: no pods while there is no work");
        } else {
            int floor = (consumer ? 1 : 2) + (conservative ? 1 : 0);
            int m = Math.max(floor, baselinePods);
            String why = "the baseline of " + num(t.baseline()) + " " + unit + " needs " + baselinePods + " pod"
                    + (baselinePods == 1 ? "" : "s") + " at " + pct(ratio.value()) + " of " + num(perPod) + " "
                    + unit;
            if (m > baselinePods) {
                why += "; " + floor + (floor == 1 ? " keeps" : " keep") + (consumer ? " the backlog moving"
                        : " the service up while one pod restarts or its node drains")
                        + (conservative ? ", one more for a cautious start" : "");
            }
            min = Reasoned.of(m, why);
        }

        Reasoned<Integer> max = max(r, peakPods, min.value(), perPodAtTarget, notes);
        if (min.value() >= max.value() && r.bounds().min() == null && max.value() > 1) {
            // a derived minimum at or above the cap leaves the autoscaler nothing to do (hpa/min-equals-max); the
            // resolver rejects stated bounds that do the same
            int lowered = max.value() - 1;
            notes.add("At most " + max.value() + " pods may run, so the minimum is lowered from " + min.value()
                    + " to " + lowered + ", leaving the autoscaler room to act.");
            min = Reasoned.of(lowered, min.why() + "; lowered to " + lowered + ", below the maximum of "
                    + max.value());
        }

        Prewarm prewarm = min.value() == 0 && !r.slo().coldStartTolerable() && source != SourceType.CRON
                ? prewarm(r, max.value(), perPodAtTarget) : null;
        if (max.value() >= peakPods) {  // below, the maximum's own note explains the shortfall
            int floor = prewarm != null ? prewarm.replicas().value() : min.value();
            notes.addAll(outpaced(r, source, floor, perPod, perPodAtTarget));
        }

        int rampRoom = Math.max(PERIOD, t.rampSeconds() - r.capacity().startupSeconds());
        int k = Math.max(4, (int) Math.ceil((double) (peakPods - min.value()) * PERIOD / rampRoom));
        int seconds = secondsToReach(Math.max(1, min.value()), max.value(), k);
        String upRate = switch (scaleUpPolicies(Math.max(1, min.value()), max.value(), k)) {
            case BOTH -> "add the larger of 100% or " + k + " pods";
            case PODS -> "add up to " + k + " pods";
            case DOUBLING -> "double the pods";
        };
        int latencyWindow = latencyUpWindow(r.capacity().startupSeconds());
        Reasoned<Integer> upWindow = source == SourceType.PROMETHEUS_LATENCY
                ? Reasoned.of(latencyWindow, "latency answers new pods only once they serve and the metric catches"
                        + " up: wait " + latencyWindow + " s, so readings taken while they start do not add pods"
                        + " again and again")
                : Reasoned.of(0, "react to rising load at once");
        Reasoned<Integer> up = Reasoned.of(k, upRate + " every " + PERIOD
                + " s: from " + Math.max(1, min.value()) + " to " + max.value() + " pods in about " + seconds
                + " s plus " + r.capacity().startupSeconds() + " s start-up, while traffic takes "
                + t.rampSeconds() + " s to climb to its peak");

        boolean spiky = t.pattern().equals("spike");
        Resolved.Preferences prefs = r.preferences();
        Reasoned<Integer> downWindow;
        if (prefs.scaleDownWindowSeconds() != null) {
            int w = prefs.scaleDownWindowSeconds();
            downWindow = Reasoned.of(w, "as stated: scale down only after " + duration(w) + " of lower load");
        } else {
            int window = spiky || conservative ? 600 : 300;
            downWindow = Reasoned.of(window, "scale down only after " + (window / 60)
                    + " minutes of lower load" + (spiky ? ", since spikes come back" : conservative
                            ? " for a cautious start" : "")
                    + ", so a short dip does not remove pods the next minute needs");
        }
        Reasoned<Integer> downPercent;
        if (prefs.scaleDownPercent() != null) {
            downPercent = Reasoned.of(prefs.scaleDownPercent(), "as stated: remove at most "
                    + prefs.scaleDownPercent() + "% of the pods per minute");
        } else {
            int percent = conservative ? 10 : 20;
            downPercent = Reasoned.of(percent, "remove at most " + percent
                    + "% of the pods per minute, so capacity drains gradually");
        }

        Reasoned<Integer> cpu = Reasoned.of((int) Math.round(ratio.value() * 100),
                "run pods at " + pct(ratio.value()) + " of their CPU request, assuming a pod reaches its "
                        + num(perPod) + " " + unit + " capacity near its full request");
        Reasoned<Integer> memory = Reasoned.of(80, "memory does not fall when load does: 80% only guards against"
                + " running out, CPU does the scaling");
        Reasoned<String> rate = Reasoned.of(num(round(perPodAtTarget)), num(perPod) + " " + unit
                + " per pod at " + pct(ratio.value()) + " of capacity: the HPA keeps the average per pod at this rate");
        double latencySeconds = r.slo().latencyMs() * 0.8 / 1000;
        Reasoned<String> latency = Reasoned.of(num(round(latencySeconds)), "80% of the " + r.slo().percentile()
                + " objective of " + r.slo().latencyMs() + " ms, in seconds as the histogram measures: scale before"
                + " the objective is breached");
        Reasoned<String> lag = null;
        if (r.source().kafka() != null) {
            int delay = r.source().kafka().maxDelaySeconds();
            long threshold = Math.max(1, Math.round(perPod * delay * ratio.value()));
            lag = Reasoned.of(String.valueOf(threshold), "a pod clears " + num(perPod) + " msgs/s: at "
                    + pct(ratio.value()) + " of that it works off " + threshold + " messages of backlog within the "
                    + delay + " s a message may wait");
        }
        int cooldown = r.bounds().scaleToZero() && !r.slo().coldStartTolerable() ? 900 : conservative ? 600 : 300;
        Reasoned<Integer> cooldownPeriod = Reasoned.of(cooldown, "wait " + (cooldown / 60)
                + " minutes without work before scaling to zero" + (cooldown == 900
                        ? ", so short lulls do not cause cold starts" : ""));
        Reasoned<Integer> polling = Reasoned.of(r.bounds().scaleToZero() && !consumer ? 15 : 30,
                r.bounds().scaleToZero() && !consumer ? "check for traffic every 15 s, so the first requests after"
                        + " an idle period wait as little as possible" : "check the source every 30 s (KEDA's"
                        + " default); the HPA itself reads the metric every 15 s");
        Reasoned<Integer> cronReplicas = source == SourceType.CRON ? cronReplicas(r, peakPods, max.value(), notes)
                : null;
        return new Plan(source, ratio, cpu, memory, min, max, upWindow, up, downWindow, downPercent, rate, latency,
                lag, cooldownPeriod, polling, cronReplicas, prewarm, notes);
    }

    private static Prewarm prewarm(Resolved r, int max, double perPodAtTarget) {
        Resolved.Traffic t = r.traffic();
        String start;
        String end;
        String hours;
        int opens;
        if (t.idleWindows().isEmpty()) {
            start = "45 7 * * 1-5";
            end = "0 19 * * 1-5";
            hours = "from 07:45 until 19:00 on weekdays";
            opens = 8 * 3600;
        } else {
            Resolved.Window w = t.idleWindows().get(0);
            start = w.wakeCron();
            end = w.sleepCron();
            hours = "from " + w.to().minusMinutes(15) + " until " + w.from() + " every day";
            opens = w.to().toSecondOfDay();
        }
        double returning = DayTraffic.shape(t).rateAt(opens);
        int baseline = pods(t.baseline(), perPodAtTarget);
        int opening = pods(returning, perPodAtTarget);
        int needed = Math.max(1, Math.max(baseline, opening));
        // a cron trigger asking for more than maxReplicaCount gets the maximum anyway (keda/cron-desired-above-max)
        int warm = Math.min(needed, max);
        String why = "pre-warm: keep " + warm + " pod" + (warm == 1 ? "" : "s") + " running " + hours
                + (opening > baseline ? ", as the " + num(round(returning)) + " " + t.unitWords() + " then need"
                        : "")
                + (warm < needed ? " (" + needed + " are needed; the maximum allows " + warm + ")" : "")
                + ", so requests then never wait for a cold start; outside it the workload may scale to zero";
        return new Prewarm(start, end, Reasoned.of(warm, why));
    }

    /**
     * The HPA discounts pods that are not ready for CPU, but not for an external latency metric, which keeps rising
     * while new pods start: the scale-up window covers a start-up and the metrics' age.
     */
    static int latencyUpWindow(int startupSeconds) {
        return Math.max(LATENCY_UP_WINDOW, startupSeconds + REACTION_SECONDS);
    }

    /**
     * Notes for climbs that outrun pods started reactively: the first pods are asked for once the pods running
     * before the climb reach their target, and arrive a reaction time later; if demand by then is above what those
     * pods serve at full capacity, the climb leaves a shortfall that only pods added ahead of it prevent. Two
     * climbs are checked: the pattern's own (spike, ramp) and the return of traffic at the end of an idle window,
     * which is immediate (there, pods above their target already deserve a note).
     */
    private static List<String> outpaced(Resolved r, SourceType source, int min, double perPod,
            double perPodAtTarget) {
        Resolved.Traffic t = r.traffic();
        List<String> notes = new ArrayList<>();
        int notice = REACTION_SECONDS
                + (source == SourceType.PROMETHEUS_LATENCY ? latencyUpWindow(r.capacity().startupSeconds()) : 0);
        int reaction = r.capacity().startupSeconds() + notice;
        String arrival = "new pods take " + r.capacity().startupSeconds() + " s to start and the autoscaler about "
                + notice + " s to notice";
        boolean climbs = t.pattern().equals("spike") || t.pattern().equals("ramp");  // a diurnal day climbs for hours
        int before = Math.max(min, pods(t.baseline(), perPodAtTarget));  // the autoscaler holds what the baseline needs
        if (climbs && before > 0
                && shortfall(t.baseline(), t.peak(), t.rampSeconds(), before, perPod, perPodAtTarget, reaction)) {
            notes.add("Traffic climbs from " + num(t.baseline()) + " to " + num(t.peak()) + " " + t.unitWords()
                    + " in " + t.rampSeconds() + " s, faster than pods arrive (" + arrival + "): expect a shortfall"
                    + " on each climb unless pods are added ahead of it, with a higher minimum or a cron trigger"
                    + " before the known peak.");
        }
        // from zero, the return is a cold start, which the requirements accept
        if (!t.idleWindows().isEmpty() && source != SourceType.CRON && min > 0) {
            Resolved.Window w = t.idleWindows().get(0);
            double back = DayTraffic.shape(t).rateAt(w.to().toSecondOfDay());
            // a step: the pods run hot at once, and beyond their capacity it is a shortfall
            if (back > min * perPodAtTarget) {
                String effect = back > min * perPod ? "a shortfall" : "pods above their target, and slower answers,";
                notes.add("Traffic returns at " + w.to() + " at once, " + num(round(back)) + " " + t.unitWords()
                        + " for " + min + " pods that serve " + num(round(min * perPodAtTarget)) + " at their target ("
                        + num(round(min * perPod)) + " at most), and " + arrival + ": expect " + effect
                        + " each time unless pods are added before " + w.to() + ", with a cron trigger or a higher"
                        + " minimum.");
            }
        }
        return notes;
    }

    /** Whether demand climbing from {@code from} to {@code to} over {@code seconds} outruns reactive scaling. */
    private static boolean shortfall(double from, double to, int seconds, int min, double perPod,
            double perPodAtTarget, int reaction) {
        if (to <= from || to <= min * perPod) {
            return false;
        }
        double slope = (to - from) / Math.max(1, seconds);
        double asked = Math.max(0, (min * perPodAtTarget - from) / slope);
        return Math.min(to, from + slope * (asked + reaction)) > min * perPod;
    }

    private static Reasoned<Integer> cronReplicas(Resolved r, int peakPods, int max, List<String> notes) {
        Resolved.Cron cron = r.source().cron();
        if (r.bounds().scaleToZero() && r.traffic().idleWindows().isEmpty()) {
            notes.add("Outside the schedule (" + cron.start() + " until " + cron.end() + ") the workload runs no"
                    + " pods and CPU cannot wake it, so requests then go unanswered; state traffic.idleWindows when"
                    + " there are none, or scale on request rate instead.");
        }
        if (cron.replicas() != null) {
            return Reasoned.of(cron.replicas(), "as stated");
        }
        int pods = Math.min(peakPods, max);
        return Reasoned.of(pods, "the peak of " + num(r.traffic().peak()) + " " + r.traffic().unitWords() + " needs "
                + peakPods + " pod" + (peakPods == 1 ? "" : "s") + (pods < peakPods ? ", and at most " + max
                        + " may run" : "") + ": hold " + (pods == 1 ? "it" : "them") + " through the scheduled"
                + " hours; CPU adds more if load exceeds the peak");
    }

    /** Scale to zero needs an event source to wake on; cpu and memory cannot do it (KEDA rejects it). */
    private static SourceType effectiveSource(Resolved r, List<String> notes) {
        SourceType s = r.source().type();
        if (r.bounds().scaleToZero() && !s.needsKeda()) {
            SourceType wake = r.workload().type().consumer() ? SourceType.KAFKA : SourceType.PROMETHEUS_RATE;
            notes.add("Scaling to zero needs an event source to wake on; CPU and memory read nothing from pods that"
                    + " do not run, so the draft scales on " + wake.label() + " instead of " + s.label() + ".");
            return wake;
        }
        return s;
    }

    private static Reasoned<Double> ratio(Resolved r) {
        Integer stated = r.preferences().targetUtilization();
        if (stated != null) {
            return Reasoned.of(stated / 100.0, "as stated: run pods at " + stated + "% of their capacity");
        }
        double base;
        String why;
        int ms = r.slo().latencyMs();
        if (r.workload().type().consumer()) {
            base = 0.8;
            why = "consumers run at 80% of capacity: their objective is delay, which the lag threshold guards";
        } else if (ms <= 100) {
            base = 0.5;
            why = "a " + r.slo().percentile() + " objective of " + ms + " ms leaves little room for queueing: run"
                    + " pods at half their capacity";
        } else if (ms <= 250) {
            base = 0.6;
            why = "a " + r.slo().percentile() + " objective of " + ms + " ms needs room for bursts: run pods at 60%";
        } else if (ms <= 1000) {
            base = 0.7;
            why = "a " + r.slo().percentile() + " objective of " + ms + " ms tolerates moderate queueing: run pods at"
                    + " 70%";
        } else {
            base = 0.75;
            why = "a " + r.slo().percentile() + " objective of " + ms + " ms is lenient: run pods at 75%";
        }
        if (r.slo().percentile().equals("p99")) {
            base -= 0.05;
            why += ", less 5 points for p99, whose tail grows fastest near saturation";
        }
        if (r.preferences().conservative()) {
            base -= 0.1;
            why += ", less 10 points for a cautious start";
        }
        double clamped = Math.max(0.4, Math.min(0.85, base));
        return Reasoned.of(round(clamped), why);
    }

    private static Reasoned<Integer> max(Resolved r, int peakPods, int min, double perPodAtTarget,
            List<String> notes) {
        if (r.bounds().max() != null) {
            int stated = r.bounds().max();
            if (stated < peakPods) {
                notes.add("The peak needs " + peakPods + " pods but at most " + stated + " may run: traffic above "
                        + num(round(stated * perPodAtTarget)) + " " + r.traffic().unitWords()
                        + " will queue or fail.");
            }
            return Reasoned.of(stated, "as stated");
        }
        boolean conservative = r.preferences().conservative();
        double headroom = conservative ? 1.5 : 1.25;
        int m = Math.max(Math.max(2, min + 1), (int) Math.ceil(peakPods * headroom));
        String why = "the peak of " + num(r.traffic().peak()) + " " + r.traffic().unitWords() + " needs " + peakPods
                + (peakPods == 1 ? " pod" : " pods") + " at " + num(round(perPodAtTarget)) + " "
                + r.traffic().unitWords() + " each; "
                + Math.round((headroom - 1) * 100) + "% headroom for bursts above it";
        Resolved.Kafka kafka = r.source().kafka();
        if (kafka != null && r.source().type() == SourceType.KAFKA && m > kafka.partitions()) {
            if (peakPods > kafka.partitions()) {
                notes.add("The peak needs " + peakPods + " consumers but the topic has " + kafka.partitions()
                        + " partitions: consumers beyond that sit idle, so add partitions to go faster.");
            }
            m = kafka.partitions();
            why += "; capped at the " + kafka.partitions() + " partitions of `" + kafka.topic()
                    + "`, since consumers beyond them sit idle";
        }
        if (r.bounds().maxCostPerHour() != null) {
            int affordable = (int) Math.floor(r.bounds().maxCostPerHour() / r.bounds().costPerPodHour());
            if (affordable < m) {
                notes.add("The cost ceiling of " + num(r.bounds().maxCostPerHour()) + " per hour affords "
                        + affordable + " pods, fewer than the " + m + " the peak would use: traffic above "
                        + num(round(affordable * perPodAtTarget)) + " " + r.traffic().unitWords()
                        + " will queue or fail.");
                m = Math.max(affordable, Math.max(1, min));
                why += "; capped at " + m + " pods by the cost ceiling";
            }
        }
        return Reasoned.of(m, why);
    }

    /** How long doubling-or-k-pods per period takes from {@code from} to {@code to} pods. */
    /** Which scale-up policies to write: those that decide the step at some replica count. */
    enum ScaleUpPolicies {
        BOTH,
        PODS,
        DOUBLING
    }

    /**
     * The policies that take effect between {@code low} and {@code max} replicas with selectPolicy Max: doubling
     * adds more than k pods at some count s when k < s < max - k (below, k pods add more; above, both reach max),
     * and k pods add more when s < k and 2s < max. A policy that never decides is left out, as
     * {@code hpa/policy-never-binds} and {@code keda/policy-never-binds} would report it; of two that always agree,
     * doubling stays. With no room to scale up (low >= max) both are written.
     */
    static ScaleUpPolicies scaleUpPolicies(int low, int max, int k) {
        if (low >= max) {
            return ScaleUpPolicies.BOTH;
        }
        boolean doubling = Math.max(low, k + 1) < max - k;
        boolean pods = low < k && 2 * low < max;
        return pods ? (doubling ? ScaleUpPolicies.BOTH : ScaleUpPolicies.PODS) : ScaleUpPolicies.DOUBLING;
    }

    static int secondsToReach(int from, int to, int k) {
        int n = from;
        int seconds = 0;
        while (n < to) {
            n = Math.min(to, Math.max(n + k, 2 * n));
            seconds += PERIOD;
        }
        return seconds;
    }

    static int pods(double rate, double perPodAtTarget) {
        return (int) Math.ceil(rate / perPodAtTarget - 1e-9);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(round(d));
    }

    /** 90 s, 5 minutes, 1 minute 30 s. */
    static String duration(int seconds) {
        if (seconds < 60 || seconds % 60 != 0 && seconds < 120) {
            return seconds + " s";
        }
        int m = seconds / 60;
        int s = seconds % 60;
        return m + (m == 1 ? " minute" : " minutes") + (s == 0 ? "" : " " + s + " s");
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%d%%", Math.round(ratio * 100));
    }
}
