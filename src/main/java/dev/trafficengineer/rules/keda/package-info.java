/**
 * The KEDA rule pack: ScaledObject, ScaledJob, TriggerAuthentication and ClusterTriggerAuthentication.
 *
 * <p>Rule ids say at which gate a manifest fails, so that a verdict can be read off the ids:
 * <ul>
 *   <li>{@code keda/admission-*} (error): rejected when applied, by the CRD schema and its CEL rule or by KEDA's
 *       validating webhooks; the message quotes KEDA's own error text.</li>
 *   <li>{@code keda/runtime-*} (error): admitted, then fails in the controller (target lookup, reconcile), when
 *       the scaler is built from its metadata, or at every poll.</li>
 *   <li>{@code keda/credentials-*} (error): works, but a credential sits in clear text.</li>
 *   <li>every other id is a warning or advice: admitted and working, but risky, wasteful or surprising.</li>
 * </ul>
 *
 * <p>Views ({@link dev.trafficengineer.rules.keda.ScaledObjectView}, {@link dev.trafficengineer.rules.keda.Trigger},
 * {@link dev.trafficengineer.rules.keda.TriggerAuthView}) read the JSON once per rule; the scaler table
 * ({@link dev.trafficengineer.rules.keda.Scalers}) describes trigger metadata as KEDA's typed config declares it,
 * and {@link dev.trafficengineer.rules.keda.TriggerAnalysis} runs it. Work of other packs used here: the PromQL
 * parser and lint on every prometheus trigger's query ({@link dev.trafficengineer.rules.keda.PrometheusQuery}, which
 * reports {@code promql/*} ids at the query's characters), and the shared HPA behavior analysis on
 * {@code ScaledObjectView.BEHAVIOR} ({@link dev.trafficengineer.rules.keda.BehaviorCheck}, {@code keda/<kind>}).
 */
package dev.trafficengineer.rules.keda;
