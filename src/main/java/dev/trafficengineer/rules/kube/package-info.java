/** Kubernetes facts several rule packs share: pod templates, who scales a workload on what. */
package dev.trafficengineer.rules.kube;
