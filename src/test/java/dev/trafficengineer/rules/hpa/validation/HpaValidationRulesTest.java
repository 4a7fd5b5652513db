package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.Manifests.hpa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.kube.KubernetesVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per rule that fires and at least one near-miss that must pass, each as the complete list of messages the
 * API server would print. Every case changes the valid base HPA of {@link Manifests#BASE} with a merge patch.
 */
class HpaValidationRulesTest {

    static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
            + "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
            + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    static final String LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
            + "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
            + "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    static final String KEY_NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
            + "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    static final String LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric characters, "
            + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
            + "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
    static final String METRIC_TYPES =
            "supported values: \"ContainerResource\", \"External\", \"Object\", \"Pods\", \"Resource\"";
    static final String DECODE = "HorizontalPodAutoscaler in version \"v2\" cannot be handled as a "
            + "HorizontalPodAutoscaler: ";
    static final String QUANTITY_FORMAT =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    static final ValidationOptions V135 = ValidationOptions.forVersion(KubernetesVersion.parse("1.35"));
    static final ValidationOptions V134 = ValidationOptions.forVersion(KubernetesVersion.parse("1.34"));
    static final ValidationOptions V133 = ValidationOptions.forVersion(KubernetesVersion.parse("1.33"));
    static final ValidationOptions V132 = ValidationOptions.forVersion(KubernetesVersion.parse("1.32"));
    static final ValidationOptions SCALE_TO_ZERO = V135.withFeatureGate(FeatureGate.HPA_SCALE_TO_ZERO, true);

    record Case(String name, ValidationOptions options, String patch, List<String> expected) {
        @Override
        public String toString() {
            return name + " @" + options.kubernetesVersion();
        }
    }

    static Case ok(String name, String patch) {
        return new Case(name, V135, patch, List.of());
    }

    static Case ok(String name, ValidationOptions options, String patch) {
        return new Case(name, options, patch, List.of());
    }

    static Case bad(String name, String patch, String... expected) {
        return new Case(name, V135, patch, List.of(expected));
    }

    static Case bad(String name, ValidationOptions options, String patch, String... expected) {
        return new Case(name, options, patch, List.of(expected));
    }

    /** A spec patch whose metrics list is the given YAML flow sequence items. */
    static String metrics(String... items) {
        StringBuilder s = new StringBuilder("spec:\n  metrics:\n");
        for (String item : items) {
            s.append("  - ").append(item).append('\n');
        }
        return s.toString();
    }

    static final String CPU_50 = "{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}";
    static final String EXTERNAL = "{type: External, external: {metric: {name: queue_depth}, target: {type: AverageValue, averageValue: 30}}}";

    static Stream<Case> metadataCases() {
        return Stream.of(
                ok("the base HPA is valid", ""),
                bad("name required", "metadata: {name: null}",
                        "metadata.name: Required value: name or generateName is required"),
                bad("name must be a DNS subdomain", "metadata: {name: Web_1}",
                        "metadata.name: Invalid value: \"Web_1\": " + SUBDOMAIN),
                ok("name with dots and dashes", "metadata: {name: web-1.shop}"),
                ok("name of 253 bytes", "metadata: {name: " + "a".repeat(253) + "}"),
                bad("name of 254 bytes", "metadata: {name: " + "a".repeat(254) + "}",
                        "metadata.name: Invalid value: \"" + "a".repeat(254) + "\": must be no more than 253 bytes"),
                ok("generateName with a trailing dash", "metadata: {name: null, generateName: web-}"),
                bad("generateName and the generated name both invalid", "metadata: {name: null, generateName: Web-}",
                        "metadata.generateName: Invalid value: \"Web-\": " + SUBDOMAIN,
                        "metadata.name: Invalid value: \"Web-xxxxx\": " + SUBDOMAIN),
                bad("namespace must be a DNS label", "metadata: {namespace: Shop}",
                        "metadata.namespace: Invalid value: \"Shop\": " + LABEL),
                bad("namespace may not contain dots", "metadata: {namespace: a.b}",
                        "metadata.namespace: Invalid value: \"a.b\": must not contain dots"),
                ok("namespace omitted: the request supplies it", "metadata: {namespace: null}"),
                bad("negative generation: create keeps it before HPAGeneration, and ValidateObjectMeta rejects it",
                        "metadata: {generation: -1}",
                        "metadata.generation: Invalid value: -1: must be greater than or equal to 0"),
                bad("generation is checked after the namespace and before the labels",
                        "metadata: {namespace: Shop, generation: -2, labels: {version: \"1.0+build\"}}",
                        "metadata.namespace: Invalid value: \"Shop\": " + LABEL,
                        "metadata.generation: Invalid value: -2: must be greater than or equal to 0",
                        "metadata.labels: Invalid value: \"1.0+build\": " + LABEL_VALUE),
                ok("generation zero or positive", "metadata: {generation: 7}"),
                bad("label key", "metadata:\n  labels:\n    \"-bad\": x",
                        "metadata.labels: Invalid value: \"-bad\": " + KEY_NAME_PART),
                bad("label value", "metadata: {labels: {version: \"1.0+build\"}}",
                        "metadata.labels: Invalid value: \"1.0+build\": " + LABEL_VALUE),
                ok("prefixed label key and empty value",
                        "metadata: {labels: {app.kubernetes.io/name: web, empty: \"\"}}"),
                ok("annotation keys are checked in lower case", "metadata: {annotations: {Example.com/Note: x}}"),
                bad("annotation key with two slashes", "metadata: {annotations: {a/b/c: x}}",
                        "metadata.annotations: Invalid value: \"a/b/c\": a valid label key must consist of "
                                + "alphanumeric characters, '-', '_' or '.', and must start and end with an "
                                + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used "
                                + "for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional "
                                + "DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"),
                ok("annotations of exactly 256 KiB", "metadata: {annotations: {big: " + "x".repeat(262141) + "}}"),
                bad("annotations over 256 KiB", "metadata: {annotations: {big: " + "x".repeat(262142) + "}}",
                        "metadata.annotations: Too long: may not be more than 262144 bytes"),
                ok("the v2 conversion drops the round-trip annotations before they are validated",
                        "metadata: {annotations: {autoscaling.alpha.kubernetes.io/metrics: " + "x".repeat(262200) + "}}"),
                ok("the dropped round-trip annotations do not count towards the size limit",
                        "metadata:\n  annotations:\n    big: " + "x".repeat(262141) + "\n"
                                + "    autoscaling.alpha.kubernetes.io/behavior: \"{}\"\n"
                                + "    autoscaling.alpha.kubernetes.io/conditions: \"[]\"\n"
                                + "    autoscaling.alpha.kubernetes.io/current-metrics: \"[]\""),
                bad("other autoscaling.alpha annotations are kept and counted",
                        "metadata:\n  annotations:\n    big: " + "x".repeat(262141) + "\n"
                                + "    autoscaling.alpha.kubernetes.io/constraints: \"{}\"",
                        "metadata.annotations: Too long: may not be more than 262144 bytes"),
                bad("finalizer neither standard nor qualified", "metadata: {finalizers: [foo]}",
                        "metadata.finalizers[0]: Invalid value: \"foo\": name is neither a standard finalizer name "
                                + "nor is it fully qualified"),
                ok("standard and qualified finalizers", "metadata: {finalizers: [kubernetes, example.com/cleanup]}"),
                bad("owner reference incomplete", "metadata: {ownerReferences: [{kind: Deployment}]}",
                        "metadata.ownerReferences.apiVersion: Invalid value: \"\": version must not be empty",
                        "metadata.ownerReferences.name: Invalid value: \"\": must not be empty",
                        "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty"),
                ok("complete owner reference",
                        "metadata: {ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: u1}]}"));
    }

    static Stream<Case> replicaCases() {
        return Stream.of(
                bad("minReplicas 0 with HPAScaleToZero off", "spec: {minReplicas: 0}",
                        "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
                        "spec.metrics: Forbidden: must specify at least one Object or External metric to support "
                                + "scaling to zero replicas"),
                bad("minReplicas 0 with the gate on still needs an Object or External metric", SCALE_TO_ZERO,
                        "spec: {minReplicas: 0}",
                        "spec.metrics: Forbidden: must specify at least one Object or External metric to support "
                                + "scaling to zero replicas"),
                ok("minReplicas 0 with the gate on and an External metric", SCALE_TO_ZERO,
                        "spec:\n  minReplicas: 0\n" + metrics(EXTERNAL).substring("spec:\n".length())),
                ok("minReplicas 1", "spec: {minReplicas: 1}"),
                ok("minReplicas omitted is defaulted to 1", "spec: {minReplicas: null, maxReplicas: 1}"),
                bad("minReplicas negative", "spec: {minReplicas: -1}",
                        "spec.minReplicas: Invalid value: -1: must be greater than or equal to 1"),
                bad("maxReplicas omitted", "spec: {maxReplicas: null}",
                        "spec.maxReplicas: Required value: must be set and greater than 0",
                        "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`"),
                bad("maxReplicas omitted before 1.35", V134, "spec: {maxReplicas: null}",
                        "spec.maxReplicas: Invalid value: 0: must be greater than 0",
                        "spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`"),
                bad("maxReplicas negative", "spec: {maxReplicas: -1}",
                        "spec.maxReplicas: Invalid value: -1: must be greater than or equal to 1",
                        "spec.maxReplicas: Invalid value: -1: must be greater than or equal to `minReplicas`"),
                bad("maxReplicas below minReplicas", "spec: {maxReplicas: 1}",
                        "spec.maxReplicas: Invalid value: 1: must be greater than or equal to `minReplicas`"),
                ok("maxReplicas equal to minReplicas", "spec: {maxReplicas: 2}"),
                ok("maxReplicas has no upper bound", "spec: {maxReplicas: 2147483647}"));
    }

    static Stream<Case> scaleTargetCases() {
        return Stream.of(
                bad("kind required", "spec: {scaleTargetRef: {kind: null}}", "spec.scaleTargetRef.kind: Required value"),
                bad("kind '.'", "spec: {scaleTargetRef: {kind: .}}",
                        "spec.scaleTargetRef.kind: Invalid value: \".\": may not be '.'"),
                bad("name '..'", "spec: {scaleTargetRef: {name: ..}}",
                        "spec.scaleTargetRef.name: Invalid value: \"..\": may not be '..'"),
                bad("name with '/' and '%': one error each", "spec: {scaleTargetRef: {name: \"a/b%c\"}}",
                        "spec.scaleTargetRef.name: Invalid value: \"a/b%c\": may not contain '/'",
                        "spec.scaleTargetRef.name: Invalid value: \"a/b%c\": may not contain '%'"),
                bad("name required", "spec: {scaleTargetRef: {name: null}}", "spec.scaleTargetRef.name: Required value"),
                ok("name is not a DNS name check", "spec: {scaleTargetRef: {name: Web_App.v2}}"),
                bad("apiVersion missing", "spec: {scaleTargetRef: {apiVersion: null}}",
                        "spec.scaleTargetRef.apiVersion: Invalid value: \"\": apiVersion must specify API group"),
                bad("core apiVersion for a Deployment", "spec: {scaleTargetRef: {apiVersion: v1}}",
                        "spec.scaleTargetRef.apiVersion: Invalid value: \"v1\": apiVersion must specify API group"),
                ok("core apiVersion for a ReplicationController",
                        "spec: {scaleTargetRef: {apiVersion: v1, kind: ReplicationController}}"),
                ok("no apiVersion for a ReplicationController",
                        "spec: {scaleTargetRef: {apiVersion: null, kind: ReplicationController}}"),
                bad("apiVersion with two slashes", "spec: {scaleTargetRef: {apiVersion: apps/v1/x}}",
                        "spec.scaleTargetRef.apiVersion: Invalid value: \"apps/v1/x\": unexpected GroupVersion "
                                + "string: apps/v1/x"),
                ok("group with an empty version parses", "spec: {scaleTargetRef: {apiVersion: apps/}}"),
                ok("apiVersion not checked before the rule existed", V133, "spec: {scaleTargetRef: {apiVersion: null}}"),
                ok("kind is not looked up", "spec: {scaleTargetRef: {apiVersion: argoproj.io/v1alpha1, kind: Rollout}}"));
    }

    static Stream<Case> metricCases() {
        return Stream.of(
                bad("metric type required",
                        metrics("{resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}"),
                        "spec.metrics[0].type: Required value: must specify a metric source type",
                        "spec.metrics[0].type: Unsupported value: \"\": " + METRIC_TYPES,
                        "spec.metrics[0].type: Unsupported value: \"\": " + METRIC_TYPES),
                bad("metric type is case-sensitive",
                        metrics("{type: resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}"),
                        "spec.metrics[0].type: Unsupported value: \"resource\": " + METRIC_TYPES,
                        "spec.metrics[0].type: Unsupported value: \"resource\": " + METRIC_TYPES),
                bad("type names a source that is absent",
                        metrics("{type: Pods, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}"),
                        "spec.metrics[0].pods: Required value: must populate information for the given metric source"),
                bad("no source at all", metrics("{type: Resource}"),
                        "spec.metrics[0].resource: Required value: must populate information for the given metric source"),
                bad("two sources: only the first is validated, the other is forbidden",
                        metrics("{type: Resource, pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: 10}},"
                                + " resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}}"),
                        "spec.metrics[0].pods: Forbidden: must populate the given metric source only"),
                bad("resource name required", metrics("{type: Resource, resource: {target: {type: Utilization, averageUtilization: 50}}}"),
                        "spec.metrics[0].resource.name: Required value: must specify a resource name"),
                ok("resource name is not checked",
                        metrics("{type: Resource, resource: {name: gpu-memory, target: {type: Utilization, averageUtilization: 50}}}")),
                bad("target type required", metrics("{type: Resource, resource: {name: cpu, target: {averageUtilization: 50}}}"),
                        "spec.metrics[0].resource.target.type: Required value: must specify a metric target type",
                        "spec.metrics[0].resource.target.type: Invalid value: \"\": must be either Utilization, Value, "
                                + "or AverageValue"),
                bad("target type unknown",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Percent, averageUtilization: 50}}}"),
                        "spec.metrics[0].resource.target.type: Invalid value: \"Percent\": must be either "
                                + "Utilization, Value, or AverageValue"),
                bad("averageUtilization 0",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}}"),
                        "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0"),
                ok("averageUtilization 1, and 500 (no upper bound)",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 1}}}",
                                "{type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 500}}}")),
                bad("resource needs a utilization or an average value",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Utilization}}}"),
                        "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target "
                                + "raw value or a target utilization"),
                bad("resource with both a utilization and an average value",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50, averageValue: 100m}}}"),
                        "spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a target raw value "
                                + "and a target utilization"),
                bad("averageValue zero", metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: \"0\"}}}"),
                        "spec.metrics[0].resource.target.averageValue: Invalid value: \"0\": must be positive"),
                bad("averageValue negative", metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: -100m}}}"),
                        "spec.metrics[0].resource.target.averageValue: Invalid value: \"-100m\": must be positive"),
                ok("averageValue below a nano rounds up to 1n, which is positive",
                        metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 1e-12}}}")),
                ok("target type is not matched against the value set",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Value, averageUtilization: 50}}}")),
                ok("duplicate metrics are not rejected", metrics(CPU_50, CPU_50)),
                ok("an explicit empty metrics list is defaulted", "spec: {metrics: []}"));
    }

    static Stream<Case> containerResourceCases() {
        String target = "target: {type: Utilization, averageUtilization: 60}";
        return Stream.of(
                bad("name neither standard nor qualified",
                        metrics("{type: ContainerResource, containerResource: {name: foo, container: app, " + target + "}}"),
                        "spec.metrics[0].containerResource.name: Invalid value: \"foo\": must be a standard resource "
                                + "type or fully qualified",
                        "spec.metrics[0].containerResource.name: Invalid value: \"foo\": must be a standard resource "
                                + "for containers"),
                bad("a standard resource containers cannot request",
                        metrics("{type: ContainerResource, containerResource: {name: pods, container: app, " + target + "}}"),
                        "spec.metrics[0].containerResource.name: Invalid value: \"pods\": must be a standard resource "
                                + "for containers"),
                ok("extended, native and hugepages names",
                        metrics("{type: ContainerResource, containerResource: {name: example.com/gpu, container: app, " + target + "}}",
                                "{type: ContainerResource, containerResource: {name: kubernetes.io/foo, container: app, " + target + "}}",
                                "{type: ContainerResource, containerResource: {name: hugepages-2Mi, container: app, " + target + "}}")),
                bad("a requests.-prefixed extended name",
                        metrics("{type: ContainerResource, containerResource: {name: requests.example.com/gpu, container: app, " + target + "}}"),
                        "spec.metrics[0].containerResource.name: Invalid value: \"requests.example.com/gpu\": doesn't "
                                + "follow extended resource name standard"),
                bad("name required", metrics("{type: ContainerResource, containerResource: {container: app, " + target + "}}"),
                        "spec.metrics[0].containerResource.name: Required value: must specify a resource name"),
                bad("container required", metrics("{type: ContainerResource, containerResource: {name: cpu, " + target + "}}"),
                        "spec.metrics[0].containerResource.container: Required value: must specify a container"),
                bad("container must be a DNS label",
                        metrics("{type: ContainerResource, containerResource: {name: cpu, container: App, " + target + "}}"),
                        "spec.metrics[0].containerResource.container: Invalid value: \"App\": " + LABEL),
                bad("container needs a utilization or an average value",
                        metrics("{type: ContainerResource, containerResource: {name: cpu, container: app, target: {type: Utilization}}}"),
                        "spec.metrics[0].containerResource.target.averageUtilization: Required value: must set either "
                                + "a target raw value or a target utilization"));
    }

    static Stream<Case> objectExternalPodsCases() {
        String ingress = "describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}";
        return Stream.of(
                bad("object needs a value or an average value",
                        metrics("{type: Object, object: {" + ingress + ", metric: {name: requests}, target: {type: Value}}}"),
                        "spec.metrics[0].object.target.averageValue: Required value: must set either a target value or "
                                + "averageValue"),
                ok("object with both a value and an average value",
                        metrics("{type: Object, object: {" + ingress + ", metric: {name: requests}, target: {type: Value, value: 10, averageValue: 1}}}")),
                bad("describedObject kind required",
                        metrics("{type: Object, object: {describedObject: {apiVersion: v1, name: main}, metric: {name: requests}, target: {type: Value, value: 10}}}"),
                        "spec.metrics[0].object.describedObject.kind: Required value"),
                ok("describedObject in the core group, or without apiVersion",
                        metrics("{type: Object, object: {describedObject: {apiVersion: v1, kind: Service, name: main}, metric: {name: requests}, target: {type: Value, value: 10}}}",
                                "{type: Object, object: {describedObject: {kind: Service, name: main}, metric: {name: requests}, target: {type: Value, value: 10}}}")),
                bad("describedObject apiVersion must parse",
                        metrics("{type: Object, object: {describedObject: {apiVersion: a/b/c, kind: Service, name: main}, metric: {name: requests}, target: {type: Value, value: 10}}}"),
                        "spec.metrics[0].object.describedObject.apiVersion: Invalid value: \"a/b/c\": unexpected "
                                + "GroupVersion string: a/b/c"),
                bad("metric name required",
                        metrics("{type: Object, object: {" + ingress + ", metric: {}, target: {type: Value, value: 10}}}"),
                        "spec.metrics[0].object.metric.name: Required value: must specify a metric name"),
                bad("metric name may not contain '/'",
                        metrics("{type: Pods, pods: {metric: {name: a/b}, target: {type: AverageValue, averageValue: 1}}}"),
                        "spec.metrics[0].pods.metric.name: Invalid value: \"a/b\": may not contain '/'"),
                ok("metric name with colons and dots", metrics("{type: Pods, pods: {metric: {name: \"http:requests.rate\"}, target: {type: AverageValue, averageValue: 1}}}")),
                bad("external needs a value or an average value",
                        metrics("{type: External, external: {metric: {name: q}, target: {type: Value}}}"),
                        "spec.metrics[0].external.target.averageValue: Required value: must set either a target value "
                                + "for metric or a per-pod target"),
                bad("external may not set both",
                        metrics("{type: External, external: {metric: {name: q}, target: {type: Value, value: 1, averageValue: 1}}}"),
                        "spec.metrics[0].external.target.value: Forbidden: may not set both a target value for metric "
                                + "and a per-pod target"),
                bad("external value zero", metrics("{type: External, external: {metric: {name: q}, target: {type: Value, value: 0}}}"),
                        "spec.metrics[0].external.target.value: Invalid value: \"0\": must be positive"),
                ok("metric selectors are not validated",
                        metrics("{type: External, external: {metric: {name: q, selector: {matchExpressions: [{key: \"!\", operator: Bogus}]}}, target: {type: Value, value: 1}}}")),
                bad("pods needs an average value",
                        metrics("{type: Pods, pods: {metric: {name: rps}, target: {type: Value, value: 10}}}"),
                        "spec.metrics[0].pods.target.averageValue: Required value: must specify a positive target "
                                + "averageValue"),
                ok("scale to zero on an Object metric", SCALE_TO_ZERO,
                        "spec:\n  minReplicas: 0\n" + metrics("{type: Object, object: {" + ingress
                                + ", metric: {name: requests}, target: {type: Value, value: 10}}}").substring("spec:\n".length())));
    }

    static Stream<Case> behaviorCases() {
        String pol = "spec: {behavior: {scaleUp: {policies: [%s]}}}";
        return Stream.of(
                ok("empty behavior is filled in by defaulting", "spec: {behavior: {}}"),
                bad("stabilization window negative", "spec: {behavior: {scaleUp: {stabilizationWindowSeconds: -1}}}",
                        "spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be greater than or "
                                + "equal to zero"),
                bad("stabilization window over an hour", "spec: {behavior: {scaleDown: {stabilizationWindowSeconds: 3601}}}",
                        "spec.behavior.scaleDown.stabilizationWindowSeconds: Invalid value: 3601: must be less than or "
                                + "equal to 3600"),
                ok("stabilization windows 0 and 3600",
                        "spec: {behavior: {scaleUp: {stabilizationWindowSeconds: 0}, scaleDown: {stabilizationWindowSeconds: 3600}}}"),
                bad("selectPolicy is case-sensitive", "spec: {behavior: {scaleDown: {selectPolicy: max}}}",
                        "spec.behavior.scaleDown.selectPolicy: Unsupported value: \"max\": supported values: "
                                + "\"Disabled\", \"Max\", \"Min\""),
                ok("selectPolicy Disabled and Min", "spec: {behavior: {scaleUp: {selectPolicy: Disabled}, scaleDown: {selectPolicy: Min}}}"),
                bad("explicit empty policies", "spec: {behavior: {scaleUp: {policies: []}}}",
                        "spec.behavior.scaleUp.policies: Required value: must specify at least one Policy"),
                ok("omitted policies are defaulted", "spec: {behavior: {scaleUp: {selectPolicy: Min}}}"),
                bad("policy type", String.format(pol, "{type: Foo, value: 1, periodSeconds: 15}"),
                        "spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Foo\": supported values: "
                                + "\"Percent\", \"Pods\""),
                bad("policy value zero", String.format(pol, "{type: Pods, value: 0, periodSeconds: 15}"),
                        "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero"),
                bad("policy period zero", String.format(pol, "{type: Pods, value: 1, periodSeconds: 0}"),
                        "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be greater than zero"),
                bad("policy period over 30 minutes", String.format(pol, "{type: Percent, value: 10, periodSeconds: 1801}"),
                        "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or "
                                + "equal to 1800"),
                ok("policy period 1800 and a Percent above 100",
                        String.format(pol, "{type: Percent, value: 1000, periodSeconds: 1800}")),
                bad("policy with only a type", "spec: {behavior: {scaleDown: {policies: [{type: Pods, value: 1, periodSeconds: 60}, {type: Pods}]}}}",
                        "spec.behavior.scaleDown.policies[1].value: Invalid value: 0: must be greater than zero",
                        "spec.behavior.scaleDown.policies[1].periodSeconds: Invalid value: 0: must be greater than zero"),
                bad("tolerance negative", "spec: {behavior: {scaleDown: {tolerance: -0.05}}}",
                        "spec.behavior.scaleDown.tolerance: Invalid value: \"-50m\": must be greater than or equal to 0"),
                ok("tolerance zero, and large", "spec: {behavior: {scaleUp: {tolerance: 0}, scaleDown: {tolerance: 5}}}"),
                ok("tolerance dropped while HPAConfigurableTolerance is alpha", V134,
                        "spec: {behavior: {scaleDown: {tolerance: -0.05}}}"),
                bad("tolerance kept when the alpha gate is turned on",
                        V134.withFeatureGate(FeatureGate.HPA_CONFIGURABLE_TOLERANCE, true),
                        "spec: {behavior: {scaleDown: {tolerance: -0.05}}}",
                        "spec.behavior.scaleDown.tolerance: Invalid value: \"-50m\": must be greater than or equal to 0"),
                ok("tolerance dropped when the beta gate is turned off",
                        V135.withFeatureGate(FeatureGate.HPA_CONFIGURABLE_TOLERANCE, false),
                        "spec: {behavior: {scaleDown: {tolerance: -0.05}}}"),
                bad("tolerance is an unknown field before 1.33", V132, "spec: {behavior: {scaleDown: {tolerance: 0.05}}}",
                        DECODE + "strict decoding error: unknown field \"spec.behavior.scaleDown.tolerance\""),
                ok("tolerance before 1.33 without strict field validation", V132.withStrictFieldValidation(false),
                        "spec: {behavior: {scaleDown: {tolerance: 0.05}}}"));
    }

    static Stream<Case> decodeCases() {
        return Stream.of(
                bad("string where an int32 is expected",
                        metrics("{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: \"80\"}}}"),
                        DECODE + "json: cannot unmarshal string into Go struct field MetricTarget.spec.metrics.resource."
                                + "target.averageUtilization of type int32"),
                bad("fraction where an int32 is expected", "spec: {maxReplicas: 10.5}",
                        DECODE + "json: cannot unmarshal number 10.5 into Go struct field HorizontalPodAutoscalerSpec."
                                + "spec.maxReplicas of type int32"),
                ok("an integral float arrives as an integer", "spec: {maxReplicas: 10.0}"),
                bad("int32 overflow", "spec: {maxReplicas: 3000000000}",
                        DECODE + "json: cannot unmarshal number 3000000000 into Go struct field "
                                + "HorizontalPodAutoscalerSpec.spec.maxReplicas of type int32"),
                bad("float beyond 1e21 prints in exponent form", "spec: {maxReplicas: 1.0e+22}",
                        DECODE + "json: cannot unmarshal number 1e+22 into Go struct field "
                                + "HorizontalPodAutoscalerSpec.spec.maxReplicas of type int32"),
                bad("quantity that is not a number",
                        metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 1.5.5}}}"),
                        DECODE + QUANTITY_FORMAT),
                bad("quantity with an unknown suffix",
                        metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 1kk}}}"),
                        DECODE + "unable to parse quantity's suffix"),
                bad("boolean quantity",
                        metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: true}}}"),
                        DECODE + QUANTITY_FORMAT),
                ok("quantity given as a JSON number",
                        metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 0.5}}}")),
                ok("quantity with surrounding spaces", metrics("{type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: \" 1Gi \"}}}")),
                bad("string where a struct is expected", "spec: {scaleTargetRef: web}",
                        DECODE + "json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec."
                                + "scaleTargetRef of type v2.CrossVersionObjectReference"),
                bad("object where a list is expected", "spec: {metrics: {type: Resource}}",
                        DECODE + "json: cannot unmarshal object into Go struct field HorizontalPodAutoscalerSpec.spec."
                                + "metrics of type []v2.MetricSpec"),
                bad("string list element where a struct is expected", "spec: {metrics: [cpu]}",
                        DECODE + "json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec."
                                + "metrics of type v2.MetricSpec"),
                bad("number for a named string type", metrics("{type: 5}"),
                        DECODE + "json: cannot unmarshal number into Go struct field MetricSpec.spec.metrics.type of "
                                + "type v2.MetricSourceType"),
                bad("YAML 1.1 'on' is a bool",
                        metrics("{type: ContainerResource, containerResource: {name: cpu, container: on, target: {type: Utilization, averageUtilization: 60}}}"),
                        DECODE + "json: cannot unmarshal bool into Go struct field ContainerResourceMetricSource.spec."
                                + "metrics.containerResource.container of type string"),
                bad("label value that is a number", "metadata: {labels: {version: 1}}",
                        DECODE + "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type "
                                + "string"),
                bad("the first type mismatch in key order wins", "spec: {minReplicas: \"1\", maxReplicas: x}",
                        DECODE + "json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec."
                                + "maxReplicas of type int32"),
                bad("an unparsable quantity beats an earlier type mismatch",
                        "spec:\n  maxReplicas: \"10\"\n" + metrics("{type: Resource, resource: {name: memory, target: "
                                + "{type: AverageValue, averageValue: abc}}}").substring("spec:\n".length()),
                        DECODE + QUANTITY_FORMAT),
                bad("a v2beta2 field is unknown in v2",
                        metrics("{type: Resource, resource: {name: cpu, targetAverageUtilization: 50}}"),
                        DECODE + "strict decoding error: unknown field \"spec.metrics[0].resource.targetAverageUtilization\""),
                bad("without strict field validation the unknown field is dropped, and the target is missing",
                        V135.withStrictFieldValidation(false),
                        metrics("{type: Resource, resource: {name: cpu, targetAverageUtilization: 50}}"),
                        "spec.metrics[0].resource.target.type: Required value: must specify a metric target type",
                        "spec.metrics[0].resource.target.type: Invalid value: \"\": must be either Utilization, Value, "
                                + "or AverageValue",
                        "spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target "
                                + "raw value or a target utilization"),
                bad("field names are case-sensitive", "spec: {MaxReplicas: 5}",
                        DECODE + "strict decoding error: unknown field \"spec.MaxReplicas\""),
                ok("RFC 3339 timestamp", "metadata: {creationTimestamp: \"2024-02-29T10:00:00.5+01:00\"}"),
                bad("timestamp that does not parse", "metadata: {creationTimestamp: yesterday}",
                        DECODE + "parsing time \"yesterday\" as \"2006-01-02T15:04:05Z07:00\": cannot parse "
                                + "\"yesterday\" as \"2006\""),
                bad("timestamp with a day out of range", "metadata: {creationTimestamp: \"2023-02-29T10:00:00Z\"}",
                        DECODE + "parsing time \"2023-02-29T10:00:00Z\": day out of range"),
                bad("status is decoded before it is cleared", "status: {currentReplicas: \"3\"}",
                        DECODE + "json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerStatus."
                                + "status.currentReplicas of type int32"),
                ok("a well-typed status is cleared, not validated", "status: {currentReplicas: -3, desiredReplicas: -1}"));
    }

    static Stream<Case> allCases() {
        return Stream.of(metadataCases(), replicaCases(), scaleTargetCases(), metricCases(), containerResourceCases(),
                objectExternalPodsCases(), behaviorCases(), decodeCases()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void serverAnswer(Case c) {
        List<String> rendered = new ArrayList<>();
        for (FieldError e : HpaValidation.validate(hpa(c.patch()), c.options())) {
            rendered.add(e.render());
        }
        assertThat(rendered).containsExactlyElementsOf(c.expected());
    }
}
