package dev.trafficengineer.rules.behavior;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.rules.behavior.BehaviorProblem.Kind;
import dev.trafficengineer.rules.behavior.ScalingRules.SelectPolicy;
import dev.trafficengineer.rules.hpa.validation.HpaDefaulting;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a HorizontalPodAutoscaler behavior does at run time, and what is wrong with it. Pure: the behavior as
 * written goes in, problems come out; see the package documentation for the API.
 */
public final class BehaviorAnalysis {

    /** Under this window a scale-down follows a single quiet sample (four sync periods). */
    static final int SHORT_WINDOW_SECONDS = 60;
    /** The analysis of scale-up speed stops here: anything slower is "more than 6 h". */
    static final long HORIZON_SECONDS = 6 * 3600;
    /** Replica ranges wider than this are not compared policy by policy (no real HPA has them). */
    static final long MAX_RANGE = 100_000;
    static final BigDecimal WIDE_TOLERANCE = new BigDecimal("0.5");

    private BehaviorAnalysis() {}

    /** {@link #analyse(JsonNode, int, int, Settings)} with the newest release's defaults. */
    public static List<BehaviorProblem> analyse(JsonNode behavior, int minReplicas, int maxReplicas) {
        return analyse(behavior, minReplicas, maxReplicas, Settings.DEFAULT);
    }

    /**
     * The problems of a behavior, scale-up first.
     *
     * @param behavior    the behavior object as written (omitted fields get the API server's defaults); anything
     *                    but an object yields no problems
     * @param minReplicas the lower bound the autoscaler keeps (an HPA's {@code minReplicas}, 1 when omitted)
     * @param maxReplicas the upper bound; with bounds the API server rejects, only bound-free checks run
     */
    public static List<BehaviorProblem> analyse(JsonNode behavior, int minReplicas, int maxReplicas,
            Settings settings) {
        if (behavior == null || !behavior.isObject()) {
            return List.of();
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        wrapper.putObject("spec").set("behavior", behavior.deepCopy());
        JsonNode defaulted = HpaDefaulting.apply(wrapper).object().path("spec").path("behavior");
        boolean bounded = maxReplicas >= 1 && minReplicas >= 0 && minReplicas <= maxReplicas;
        Bounds bounds = new Bounds(Math.max(minReplicas, 0), maxReplicas);
        List<BehaviorProblem> out = new ArrayList<>();
        for (Direction d : Direction.values()) {
            Optional<ScalingRules> rules = ScalingRules.read(d, defaulted.get(d.field()), behavior.get(d.field()),
                    settings.downscaleWindowSeconds());
            if (rules.isEmpty()) {
                continue;
            }
            ScalingRules r = rules.get();
            JsonPointer at = JsonPointer.of(d.field());
            disabled(r, at, bounds).ifPresent(out::add);
            if (bounded && r.selectPolicy() != SelectPolicy.DISABLED) {
                if (d == Direction.UP) {
                    slowScaleUp(r, at, bounds, settings).ifPresent(out::add);
                } else {
                    unstabilizedScaleDown(r, at, bounds).ifPresent(out::add);
                }
                out.addAll(policiesThatNeverBind(r, at, bounds));
            }
            tolerance(r, at, settings).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The replica range the autoscaler keeps. */
    record Bounds(int min, int max) {
        /** The lowest count scaling starts from: the controller does not scale up from zero with policies. */
        int low() {
            return Math.max(min, 1);
        }
    }

    private static Optional<BehaviorProblem> disabled(ScalingRules r, JsonPointer at, Bounds b) {
        if (r.selectPolicy() != SelectPolicy.DISABLED) {
            return Optional.empty();
        }
        String message = r.direction() == Direction.UP
                ? "`selectPolicy: Disabled` on scale-up means this autoscaler never adds replicas for load (it only"
                        + " lifts the count to `minReplicas` " + b.min() + "); remove it, or limit the rate with"
                        + " policies instead."
                : "`selectPolicy: Disabled` on scale-down means replicas never come down once a spike has raised"
                        + " them (up to `maxReplicas` " + b.max() + "); remove it, and slow scale-down with a"
                        + " stabilization window instead.";
        Kind kind = r.direction() == Direction.UP ? Kind.SCALE_UP_DISABLED : Kind.SCALE_DOWN_DISABLED;
        return Optional.of(new BehaviorProblem(kind, at.child("selectPolicy"), message, Optional.empty()));
    }

    private static Optional<BehaviorProblem> slowScaleUp(ScalingRules r, JsonPointer at, Bounds b, Settings s) {
        if (b.low() >= b.max()) {
            return Optional.empty();
        }
        ScaleUpReplay.Result result = ScaleUpReplay.timeToReach(b.low(), b.max(), r, s.syncPeriodSeconds(),
                HORIZON_SECONDS);
        if (result.reached() && result.seconds() <= s.slowScaleUpSeconds()) {
            return Optional.empty();
        }
        String took = result.reached() ? "needs " + duration(result.seconds()) : "needs more than "
                + duration(result.seconds());
        StringBuilder why = new StringBuilder();
        if (r.windowSeconds() > 0) {
            why.append("a ").append(r.windowSeconds()).append(" s stabilization window, then ");
        }
        why.append("at most ").append(ratesOf(r));
        boolean windowDominates = r.windowSeconds() >= s.slowScaleUpSeconds();
        JsonPointer where = windowDominates ? at.child("stabilizationWindowSeconds")
                : r.policiesWritten() ? at.child("policies") : at;
        String advice = windowDominates ? "shorten the window (the default is 0 s)"
                : "allow more per period (the default is 4 pods or 100% every 15 s, whichever is more)"
                        + (r.windowSeconds() > 0 ? " or shorten the window" : "");
        String message = "Scale-up " + took + " to go from " + b.low() + " to " + b.max() + " replicas (" + why
                + "), so a load spike is served short of capacity for that long; " + advice + ".";
        return Optional.of(new BehaviorProblem(Kind.SCALE_UP_SLOW, where, message, Optional.empty()));
    }

    /** "1 pod every 60 s", or "the larger of 4 pods every 15 s and 100% of pods every 15 s". */
    private static String ratesOf(ScalingRules r) {
        List<Policy> ps = r.policies();
        if (ps.size() == 1) {
            return ps.get(0).describe();
        }
        StringBuilder out = new StringBuilder(r.selectPolicy() == SelectPolicy.MAX ? "the larger of " : "the smaller of ");
        for (int i = 0; i < ps.size(); i++) {
            if (i > 0) {
                out.append(i == ps.size() - 1 ? " and " : ", ");
            }
            out.append(ps.get(i).describe());
        }
        return out.toString();
    }

    private static Optional<BehaviorProblem> unstabilizedScaleDown(ScalingRules r, JsonPointer at, Bounds b) {
        if (r.windowSeconds() >= SHORT_WINDOW_SECONDS) {
            return Optional.empty();
        }
        long limit = Math.min(r.limit(b.max(), p -> 0, p -> 0), b.max());
        long floor = Math.max(limit, b.min());
        long removed = b.max() - floor;
        if (removed * 2 <= b.max()) {
            return Optional.empty();
        }
        Policy binding = r.policies().get(0);
        for (Policy p : r.policies()) {
            if (p.proposal(Direction.DOWN, b.max()) == limit) {
                binding = p;
            }
        }
        String message = "Scale-down has a " + r.windowSeconds() + " s stabilization window and can remove "
                + removed + " of " + b.max() + " pods in one step (" + binding.describe() + "), so one quiet"
                + " metric sample drops the capacity the next burst needs; keep a window such as the default 300 s.";
        FixHint fix = new FixHint.SetValue(at.child("stabilizationWindowSeconds"), "300",
                "Set the scale-down stabilization window to 300 s (the default)", false);
        return Optional.of(new BehaviorProblem(Kind.SCALE_DOWN_UNSTABILIZED, at.child("stabilizationWindowSeconds"),
                message, Optional.of(fix)));
    }

    /**
     * Policies that never decide the limit. Policies with equal periods see the same replica count at the start of
     * their period, so comparing their proposals at every count in range is exact; policies are dropped one at a
     * time from the last, so that of two equal policies only the later one is reported.
     */
    private static List<BehaviorProblem> policiesThatNeverBind(ScalingRules r, JsonPointer at, Bounds b) {
        List<Policy> ps = r.policies();
        if (!r.policiesWritten() || ps.size() < 2 || b.low() >= b.max() || (long) b.max() - b.low() > MAX_RANGE) {
            return List.of(); // the defaults are the server's, and a fixed count leaves nothing to limit
        }
        boolean up = r.direction() == Direction.UP;
        boolean takeHighest = up == (r.selectPolicy() == SelectPolicy.MAX);
        List<Policy> kept = new ArrayList<>(ps);
        List<BehaviorProblem> out = new ArrayList<>();
        for (int i = ps.size() - 1; i >= 0; i--) {
            Policy candidate = ps.get(i);
            List<Policy> rivals = kept.stream()
                    .filter(p -> p != candidate && p.periodSeconds() == candidate.periodSeconds()).toList();
            if (rivals.isEmpty() || !covered(candidate, rivals, r.direction(), takeHighest, b)) {
                continue;
            }
            kept.remove(candidate);
            String select = r.selectPolicy() == SelectPolicy.MAX ? "Max" : "Min";
            String rival = rivals.size() == 1 ? rivals.get(0).written() + " (policies[" + rivals.get(0).index()
                    + "])" : "the other policies with a " + candidate.periodSeconds() + " s period";
            String verb = r.selectPolicy() == SelectPolicy.MAX ? "always allows at least as much"
                    : "is always at least as strict";
            String message = candidate.written() + " (policies[" + candidate.index() + "]) never takes effect: with"
                    + " `selectPolicy: " + select + "`, " + rival + " " + (rivals.size() == 1 ? verb
                    : verb.replace("allows", "allow").replace("is always", "are always"))
                    + " at every count from " + b.low() + " to " + b.max() + " replicas; delete it"
                    + (r.selectPolicy() == SelectPolicy.MAX ? ", or use `selectPolicy: Min` if it was meant as a cap."
                            : ".");
            JsonPointer item = at.child("policies").child(candidate.index());
            FixHint fix = new FixHint.RemoveItem(item, "Delete the " + r.direction().words() + " policy "
                    + candidate.written().replace("`", "") + ", which never takes effect", true);
            out.add(new BehaviorProblem(Kind.POLICY_NEVER_BINDS, item, message, Optional.of(fix)));
        }
        out.sort(java.util.Comparator.comparing(BehaviorProblem::pointer));
        return out;
    }

    /** Whether, at every replica count in range, some rival's proposal makes the candidate's irrelevant. */
    private static boolean covered(Policy candidate, List<Policy> rivals, Direction d, boolean takeHighest, Bounds b) {
        for (long s = b.low(); s <= b.max(); s++) {
            long mine = clamp(candidate.proposal(d, s), d, b);
            long best = takeHighest ? Long.MIN_VALUE : Long.MAX_VALUE;
            for (Policy p : rivals) {
                long v = clamp(p.proposal(d, s), d, b);
                best = takeHighest ? Math.max(best, v) : Math.min(best, v);
            }
            if (takeHighest ? best < mine : best > mine) {
                return false;
            }
        }
        return true;
    }

    /** The bounds cut every limit: a proposal beyond maxReplicas (or below minReplicas) changes nothing. */
    private static long clamp(long proposal, Direction d, Bounds b) {
        return d == Direction.UP ? Math.min(proposal, b.max()) : Math.max(proposal, b.min());
    }

    private static Optional<BehaviorProblem> tolerance(ScalingRules r, JsonPointer at, Settings s) {
        if (r.tolerance() == null) {
            return Optional.empty();
        }
        JsonPointer where = at.child("tolerance");
        String written = "`tolerance: " + r.toleranceText() + "`";
        String clusterDefault = percent(BigDecimal.valueOf(s.clusterTolerance()));
        if (!s.toleranceHonoured()) {
            return Optional.of(new BehaviorProblem(Kind.TOLERANCE_IGNORED, where, "The API server drops " + written
                    + " on " + r.direction().words() + " because the HPAConfigurableTolerance feature gate is off"
                    + " in the target release, so the cluster-wide " + clusterDefault + " applies; enable the gate"
                    + " (on by default from Kubernetes 1.35) or remove the field.", Optional.empty()));
        }
        BigDecimal t = r.tolerance();
        if (t.compareTo(WIDE_TOLERANCE) < 0) {
            return Optional.empty();
        }
        String message;
        if (r.direction() == Direction.DOWN && t.compareTo(BigDecimal.ONE) >= 0) {
            message = "Scale-down " + written + " means the autoscaler never scales down, because no metric falls "
                    + percent(t) + " below its target; remove it (the default is " + clusterDefault
                    + ") and slow scale-down with a stabilization window instead.";
        } else {
            String side = r.direction() == Direction.UP ? "above" : "below";
            String act = r.direction() == Direction.UP ? "adding" : "removing";
            message = capitalize(r.direction().words()) + " " + written + " makes the autoscaler wait until the"
                    + " metric is " + percent(t) + " " + side + " its target before " + act + " pods (the default is "
                    + clusterDefault + "); keep it small, and use a stabilization window to damp changes instead.";
        }
        return Optional.of(new BehaviorProblem(Kind.TOLERANCE_INSENSITIVE, where, message, Optional.empty()));
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static String capitalize(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** "95 s", "7 min", "2.5 h". */
    static String duration(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 2 * 3600) {
            return Math.round(seconds / 60.0) + " min";
        }
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + " h";
    }
}
