package dev.trafficengineer.rules.behavior;

import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.source.JsonPointer;
import java.util.Optional;

/**
 * One thing wrong with a behavior, found by {@link BehaviorAnalysis}.
 *
 * @param pointer where, relative to the behavior object: {@code /scaleDown/stabilizationWindowSeconds}; it may
 *                name a field the author left out (then it is the field whose default causes the problem)
 * @param message one sentence with the numbers, saying what is wrong and what to do
 * @param fix     a change that resolves it, when the change is unique
 */
public record BehaviorProblem(Kind kind, JsonPointer pointer, String message, Optional<FixHint> fix) {

    /**
     * The kinds of problem, each documented once here so that every object with a behavior (an HPA, KEDA's
     * {@code advanced.horizontalPodAutoscalerConfig.behavior}) reports it under its own area with the same words:
     * {@link #ruleInfo(String, String)}.
     */
    public enum Kind {
        SCALE_DOWN_UNSTABILIZED("scale-down-unstabilized", Severity.WARNING, FixAvailability.UNSAFE,
                "Scale-down has no stabilization and can drop most replicas at once",
                """
                The controller scales down to the highest recommendation of the stabilization window. With a \
                window of a few seconds, one quiet metric sample (a lull between bursts, a scrape gap) becomes a \
                scale-down, and when the policies allow removing most pods in one step the next burst meets a \
                fraction of the capacity it needs while new pods start. The pods come back a minute later: the \
                replica count flaps. The rule fires when the window is under 60 s and the policies let one \
                reconcile remove more than half of `maxReplicas`.""",
                """
                Keep a scale-down window (the default is 300 s), or limit scale-down to a small step per period, \
                e.g. `{type: Percent, value: 10, periodSeconds: 60}`. The fix sets the window to 300 s; it is \
                unsafe because it changes how fast replicas go.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go "
                        + "(stabilizeRecommendationWithBehaviors, calculateScaleDownLimitWithBehaviors); "
                        + "pkg/apis/autoscaling/v2/defaults.go; research/k8s-hpa.md §3.1, §4.6."),
        SCALE_UP_SLOW("scale-up-slow", Severity.WARNING, FixAvailability.NONE,
                "Scale-up is so slow that maxReplicas is out of reach in a sensible time",
                """
                A scale-up stabilization window delays every increase by its length, and each scale-up policy \
                caps how many pods one period may add. The analysis replays the controller (a 15 s sync period, \
                the load jumping to need `maxReplicas` at once, every policy and past scale event as \
                horizontal.go counts them) and reports when reaching `maxReplicas` from `minReplicas` takes \
                more than 10 minutes of controller time alone, before any pod has even started. Load spikes are \
                usually over by then, served short of capacity throughout.""",
                """
                Shorten the scale-up window (the default is 0 s) or allow more per period: the default policies \
                add 4 pods or 100% every 15 s, whichever is more.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go "
                        + "(normalizeDesiredReplicasWithBehaviors, calculateScaleUpLimitWithScalingRules, "
                        + "storeScaleEvent, getReplicasChangePerPeriod); research/k8s-hpa.md §4.6, §4.9."),
        SCALE_UP_DISABLED("scale-up-disabled", Severity.WARNING, FixAvailability.NONE,
                "Scale-up is disabled, so the autoscaler never adds replicas",
                """
                With `selectPolicy: Disabled` on `scaleUp` the controller's scale-up limit is the current replica \
                count: it never adds a pod for load, only to lift the count to `minReplicas`. An autoscaler that \
                cannot scale up leaves a traffic spike to whatever capacity happens to be running.""",
                """
                Remove `selectPolicy: Disabled` (the default is `Max`), or use policies that limit the rate \
                instead. If scale-up is paused on purpose, say so with a suppression annotation.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go "
                        + "(calculateScaleUpLimitWithScalingRules); Kubernetes docs, Horizontal Pod Autoscaling, "
                        + "\"Disable scale up\"; research/k8s-hpa.md §4.6."),
        SCALE_DOWN_DISABLED("scale-down-disabled", Severity.WARNING, FixAvailability.NONE,
                "Scale-down is disabled, so replicas only ever grow",
                """
                With `selectPolicy: Disabled` on `scaleDown` the controller never removes a pod: after the first \
                spike the workload stays at its peak, up to `maxReplicas`, and pays for it until someone scales it \
                down by hand.""",
                """
                Remove `selectPolicy: Disabled` and slow scale-down with a long stabilization window and a small \
                Percent policy instead, e.g. a 600 s window and 10% every 60 s.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go "
                        + "(calculateScaleDownLimitWithBehaviors); Kubernetes docs, Horizontal Pod Autoscaling, "
                        + "\"Disable scale down\"; research/k8s-hpa.md §4.6."),
        POLICY_NEVER_BINDS("policy-never-binds", Severity.WARNING, FixAvailability.SOMETIMES,
                "A scaling policy never takes effect",
                """
                The controller combines policies with `selectPolicy`: `Max` takes the one that allows the biggest \
                change, `Min` the smallest. A policy that another policy with the same period beats at every \
                replica count between `minReplicas` and `maxReplicas` never decides anything, so the limit its \
                author meant is not there; a pod cap under `Max` next to a 100% policy is the usual case.""",
                """
                Delete the policy (the safe fix, which changes nothing the controller does), or, if it was meant \
                as a cap, use `selectPolicy: Min`.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go "
                        + "(calculateScaleUpLimitWithScalingRules, calculateScaleDownLimitWithBehaviors); "
                        + "research/k8s-hpa.md §4.6."),
        TOLERANCE_INSENSITIVE("tolerance-insensitive", Severity.WARNING, FixAvailability.NONE,
                "A tolerance so wide that the autoscaler hardly reacts",
                """
                The controller leaves the replica count alone while the metric stays within `tolerance` of its \
                target (the cluster default is 10%). A tolerance of 0.5 or more waits for the metric to be half \
                again above, or half below, its target before acting, and a scale-down tolerance of 1 or more \
                never scales down at all, since no metric falls 100% below its target.""",
                """
                Leave `tolerance` out (10%) or keep it small; to slow scaling down use a stabilization window, \
                which waits for the load to stay low rather than for it to fall far.""",
                "kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator.go (Tolerances.isWithin); "
                        + "KEP-4951 configurable HPA tolerance; research/k8s-hpa.md §4.4."),
        TOLERANCE_IGNORED("tolerance-ignored", Severity.WARNING, FixAvailability.NONE,
                "The tolerance is dropped by the API server of the target release",
                """
                `tolerance` needs the HPAConfigurableTolerance feature gate (alpha in 1.33, on by default from \
                1.35). Where it is off, the API server silently drops the field on create, `kubectl apply` \
                succeeds, and the cluster-wide tolerance (10%) applies instead of the one written.""",
                """
                Enable HPAConfigurableTolerance on the API server and the controller manager, target 1.35 or \
                later, or remove the field and accept 10%.""",
                "kubernetes/kubernetes pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go "
                        + "(dropDisabledFields); pkg/features/kube_features.go; research/k8s-hpa.md §2.1, §2.5.");

        private final String slug;
        private final Severity severity;
        private final FixAvailability fix;
        private final String summary;
        private final String rationale;
        private final String remedy;
        private final String source;

        Kind(String slug, Severity severity, FixAvailability fix, String summary, String rationale, String remedy,
                String source) {
            this.slug = slug;
            this.severity = severity;
            this.fix = fix;
            this.summary = summary;
            this.rationale = rationale;
            this.remedy = remedy;
            this.source = source;
        }

        /** The kebab name that follows the area in a rule id: {@code hpa/scale-down-unstabilized}. */
        public String slug() {
            return slug;
        }

        public Severity severity() {
            return severity;
        }

        /**
         * The catalogue entry for this kind under an area ({@code hpa}, {@code keda}), with an example written the
         * way that area's objects hold a behavior.
         */
        public RuleInfo ruleInfo(String area, String example) {
            return RuleInfo.builder(area + "/" + slug, severity)
                    .summary(summary)
                    .rationale(rationale)
                    .example(example)
                    .remedy(remedy)
                    .source(source)
                    .fix(fix)
                    .build();
        }
    }
}
