/**
 * The Kubernetes API server's answer to creating an autoscaling/v2 HorizontalPodAutoscaler, reproduced without a
 * server: {@link dev.trafficengineer.rules.hpa.validation.HpaValidation#validate} returns the errors the server would
 * report, in its order, each rendering exactly as the server words it ({@link
 * dev.trafficengineer.rules.hpa.validation.FieldError#render}).
 *
 * <p>The pipeline is the server's (research k8s-hpa.md §2.1):
 * <ol>
 *   <li>decode into the v2 Go types ({@code HpaDecoder}; sigs.k8s.io/json semantics: type mismatches, int32
 *       overflow, quantity and timestamp parsing, unknown fields under strict field validation);</li>
 *   <li>v2 defaulting ({@link dev.trafficengineer.rules.hpa.validation.HpaDefaulting}; v2 defaults.go);</li>
 *   <li>conversion to the internal type ({@code HpaModel});</li>
 *   <li>create preparation ({@code CreatePreparation}; rest.BeforeCreate name generation, strategy.go
 *       PrepareForCreate/dropDisabledFields);</li>
 *   <li>validation in emission order: {@code MetadataValidation} (core ValidateObjectMeta),
 *       {@code SpecValidation} (validation.go validateHorizontalPodAutoscalerSpec) which runs
 *       {@code CrossVersionReferenceValidation}, {@code MetricsValidation} (with
 *       {@code ResourceNameValidation}) and {@code BehaviorValidation}.</li>
 * </ol>
 *
 * <p>Release-dependent behaviour follows {@link dev.trafficengineer.rules.hpa.validation.ValidationOptions}: feature
 * gate defaults ({@link dev.trafficengineer.rules.hpa.validation.FeatureGate}), the fields a release has, and the
 * rules that changed (apiVersion checks on references from 1.34, the Required form of maxReplicas from 1.35).
 *
 * <p>Pure: no I/O, no clock, no shared mutable state.
 */
package dev.trafficengineer.rules.hpa.validation;
