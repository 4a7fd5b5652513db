/**
 * The VerticalPodAutoscaler rule pack ({@code autoscaling.k8s.io/v1}). As in the KEDA pack, {@code vpa/admission-*}
 * ids are what the VPA admission controller rejects (with its field-error text), {@code vpa/runtime-*} what it admits
 * but cannot act on, {@code vpa/conflicts-*} a VPA that fights a horizontal autoscaler, and every other id a warning
 * or advice.
 */
package dev.trafficengineer.rules.vpa;
