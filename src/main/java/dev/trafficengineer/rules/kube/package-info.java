/** Kubernetes facts several rule packs share: resource quantities, pod templates, who scales a workload on what. */
package dev.trafficengineer.rules.kube;
