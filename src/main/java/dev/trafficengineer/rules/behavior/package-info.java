/**
 * What a HorizontalPodAutoscaler {@code behavior} does at run time, and what is wrong with it, for every object that
 * carries one: an HPA's {@code spec.behavior}, and KEDA's {@code spec.advanced.horizontalPodAutoscalerConfig.behavior},
 * which KEDA copies verbatim into the HPA it creates.
 *
 * <h2>API</h2>
 * <pre>{@code
 * List<BehaviorProblem> problems = BehaviorAnalysis.analyse(behavior, minReplicas, maxReplicas,
 *         Settings.forKubernetes(ctx.options().kubernetesVersion()));
 * // one rule per kind, each reporting under its own area:
 * RuleInfo info = BehaviorProblem.Kind.SCALE_DOWN_UNSTABILIZED.ruleInfo("keda", exampleYaml);
 * List<Finding> findings = BehaviorFindings.of(scaledObject,
 *         JsonPointer.of("spec", "advanced", "horizontalPodAutoscalerConfig", "behavior"),
 *         problems, BehaviorProblem.Kind.SCALE_DOWN_UNSTABILIZED, info);
 * }</pre>
 * <ul>
 *   <li>{@link dev.trafficengineer.rules.behavior.BehaviorAnalysis#analyse} takes the behavior <em>as written</em>
 *       (a Jackson node; anything but an object gives no problems), applies the API server's defaults to omitted
 *       fields (the same {@code HpaDefaulting} the validation uses, so omitted policies and selectPolicy are the
 *       server's), and the replica bounds the autoscaler keeps. For KEDA those are the HPA's: {@code minReplicas}
 *       is {@code minReplicaCount} when above 0, else 1; {@code maxReplicas} is {@code maxReplicaCount}, default
 *       100. Directions whose values the API server would reject are skipped (validation reports them), as are
 *       the replica checks when the bounds are invalid.</li>
 *   <li>Each {@link dev.trafficengineer.rules.behavior.BehaviorProblem} has a kind, a JSON pointer
 *       <em>relative to the behavior object</em> ({@code /scaleDown/stabilizationWindowSeconds}; it may name an
 *       omitted field whose default is the problem), a one-sentence message with the numbers, and optionally a
 *       {@link dev.trafficengineer.rules.behavior.FixHint}: data, not edits, so any caller can apply it to its own
 *       file. {@link dev.trafficengineer.rules.behavior.BehaviorFindings} does that for any
 *       {@code KubeObject}, given where the behavior sits.</li>
 *   <li>{@link dev.trafficengineer.rules.behavior.BehaviorProblem.Kind} carries the documentation of each kind
 *       (summary, rationale, remedy, upstream source, severity, fix availability), so the HPA and KEDA rules
 *       document it with the same words; {@code ruleInfo(area, example)} builds the catalogue entry
 *       {@code area/slug}.</li>
 *   <li>{@link dev.trafficengineer.rules.behavior.Settings} holds the cluster facts the analysis depends on: the
 *       controller's flags (sync period 15 s, downscale stabilization 300 s, tolerance 0.1) and whether the API
 *       server keeps {@code tolerance} (HPAConfigurableTolerance, by release).</li>
 * </ul>
 *
 * <h2>Semantics</h2>
 * The arithmetic is horizontal.go's (research k8s-hpa.md §4.6): scale-up stabilization takes the minimum
 * recommendation of its window, scale-down the maximum; each policy limits the change against the replica count at
 * the start of its period, counting scale events strictly within it; Percent rounds up when scaling up and
 * truncates when scaling down; {@code Max} takes the most permissive policy and {@code Min} the least;
 * {@code Disabled} freezes the direction. {@code ScaleUpReplay} replays one reconcile per sync period to say how
 * long reaching {@code maxReplicas} takes.
 *
 * <p>Pure: no I/O, no clock, no shared mutable state.
 */
package dev.trafficengineer.rules.behavior;
