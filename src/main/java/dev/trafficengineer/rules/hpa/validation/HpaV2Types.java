package dev.trafficengineer.rules.hpa.validation;

import static dev.trafficengineer.rules.hpa.validation.GoType.scalar;
import static dev.trafficengineer.rules.hpa.validation.GoType.struct;

import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.rules.hpa.validation.GoType.Kind;
import dev.trafficengineer.rules.hpa.validation.GoType.Slice;
import dev.trafficengineer.rules.hpa.validation.GoType.StringMap;
import dev.trafficengineer.rules.hpa.validation.GoType.Struct;

/**
 * The Go types an autoscaling/v2 HorizontalPodAutoscaler request body is decoded into (k8s.io/api/autoscaling/v2
 * types.go, metav1 ObjectMeta and LabelSelector), as of a given release: {@code tolerance} exists from 1.33.
 * {@code spec.selectionStrategy} (KEP-5325) is in no release: neither the 1.35 changelog nor kube_features.go of the
 * 1.37 cycle has it, so it is an unknown field.
 */
final class HpaV2Types {

    private static final GoType STRING = scalar(Kind.STRING, "string");
    private static final GoType INT32 = scalar(Kind.INT32, "int32");
    private static final GoType INT64 = scalar(Kind.INT64, "int64");
    private static final GoType BOOL = scalar(Kind.BOOL, "bool");
    private static final GoType QUANTITY = scalar(Kind.QUANTITY, "resource.Quantity");
    private static final GoType TIME = scalar(Kind.TIME, "v1.Time");
    private static final GoType UID = scalar(Kind.STRING, "types.UID");
    private static final GoType RESOURCE_NAME = scalar(Kind.STRING, "v1.ResourceName");
    private static final GoType STRING_MAP = new StringMap(STRING);
    private static final GoType STRING_SLICE = new Slice(STRING);

    private HpaV2Types() {
    }

    /** The HorizontalPodAutoscaler type of that release. */
    static Struct horizontalPodAutoscaler(KubernetesVersion v) {
        Struct target = struct("v2.MetricTarget")
                .field("type", scalar(Kind.STRING, "v2.MetricTargetType"))
                .field("value", QUANTITY)
                .field("averageValue", QUANTITY)
                .field("averageUtilization", INT32)
                .build();
        Struct labelSelector = struct("v1.LabelSelector")
                .field("matchLabels", STRING_MAP)
                .field("matchExpressions", new Slice(struct("v1.LabelSelectorRequirement")
                        .field("key", STRING)
                        .field("operator", scalar(Kind.STRING, "v1.LabelSelectorOperator"))
                        .field("values", STRING_SLICE)
                        .build()))
                .build();
        Struct metricIdentifier = struct("v2.MetricIdentifier")
                .field("name", STRING)
                .field("selector", labelSelector)
                .build();
        Struct crossVersionRef = struct("v2.CrossVersionObjectReference")
                .field("kind", STRING)
                .field("name", STRING)
                .field("apiVersion", STRING)
                .build();
        Struct metricSpec = struct("v2.MetricSpec")
                .field("type", scalar(Kind.STRING, "v2.MetricSourceType"))
                .field("object", struct("v2.ObjectMetricSource")
                        .field("describedObject", crossVersionRef)
                        .field("target", target)
                        .field("metric", metricIdentifier)
                        .build())
                .field("pods", struct("v2.PodsMetricSource")
                        .field("metric", metricIdentifier)
                        .field("target", target)
                        .build())
                .field("resource", struct("v2.ResourceMetricSource")
                        .field("name", RESOURCE_NAME)
                        .field("target", target)
                        .build())
                .field("containerResource", struct("v2.ContainerResourceMetricSource")
                        .field("name", RESOURCE_NAME)
                        .field("target", target)
                        .field("container", STRING)
                        .build())
                .field("external", struct("v2.ExternalMetricSource")
                        .field("metric", metricIdentifier)
                        .field("target", target)
                        .build())
                .build();
        Struct scalingRules = struct("v2.HPAScalingRules")
                .field("stabilizationWindowSeconds", INT32)
                .field("selectPolicy", scalar(Kind.STRING, "v2.ScalingPolicySelect"))
                .field("policies", new Slice(struct("v2.HPAScalingPolicy")
                        .field("type", scalar(Kind.STRING, "v2.HPAScalingPolicyType"))
                        .field("value", INT32)
                        .field("periodSeconds", INT32)
                        .build()))
                .fieldIf(v.atLeast(1, 33), "tolerance", QUANTITY)
                .build();
        Struct spec = struct("v2.HorizontalPodAutoscalerSpec")
                .field("scaleTargetRef", crossVersionRef)
                .field("minReplicas", INT32)
                .field("maxReplicas", INT32)
                .field("metrics", new Slice(metricSpec))
                .field("behavior", struct("v2.HorizontalPodAutoscalerBehavior")
                        .field("scaleUp", scalingRules)
                        .field("scaleDown", scalingRules)
                        .build())
                .build();
        return struct("v2.HorizontalPodAutoscaler")
                .field("kind", STRING)
                .field("apiVersion", STRING)
                .field("metadata", objectMeta())
                .field("spec", spec)
                .field("status", status(metricIdentifier, crossVersionRef))
                .build();
    }

    private static Struct objectMeta() {
        return struct("v1.ObjectMeta")
                .field("name", STRING)
                .field("generateName", STRING)
                .field("namespace", STRING)
                .field("selfLink", STRING)
                .field("uid", UID)
                .field("resourceVersion", STRING)
                .field("generation", INT64)
                .field("creationTimestamp", TIME)
                .field("deletionTimestamp", TIME)
                .field("deletionGracePeriodSeconds", INT64)
                .field("labels", STRING_MAP)
                .field("annotations", STRING_MAP)
                .field("ownerReferences", new Slice(struct("v1.OwnerReference")
                        .field("apiVersion", STRING)
                        .field("kind", STRING)
                        .field("name", STRING)
                        .field("uid", UID)
                        .field("controller", BOOL)
                        .field("blockOwnerDeletion", BOOL)
                        .build()))
                .field("finalizers", STRING_SLICE)
                .field("managedFields", new Slice(struct("v1.ManagedFieldsEntry")
                        .field("manager", STRING)
                        .field("operation", scalar(Kind.STRING, "v1.ManagedFieldsOperationType"))
                        .field("apiVersion", STRING)
                        .field("time", TIME)
                        .field("fieldsType", STRING)
                        .field("fieldsV1", scalar(Kind.RAW, "v1.FieldsV1"))
                        .field("subresource", STRING)
                        .build()))
                .build();
    }

    /** Status is cleared on create, but it is decoded first, so its types still matter. */
    private static Struct status(Struct metricIdentifier, Struct crossVersionRef) {
        Struct current = struct("v2.MetricValueStatus")
                .field("value", QUANTITY)
                .field("averageValue", QUANTITY)
                .field("averageUtilization", INT32)
                .build();
        Struct metricStatus = struct("v2.MetricStatus")
                .field("type", scalar(Kind.STRING, "v2.MetricSourceType"))
                .field("object", struct("v2.ObjectMetricStatus")
                        .field("metric", metricIdentifier)
                        .field("current", current)
                        .field("describedObject", crossVersionRef)
                        .build())
                .field("pods", struct("v2.PodsMetricStatus")
                        .field("metric", metricIdentifier)
                        .field("current", current)
                        .build())
                .field("resource", struct("v2.ResourceMetricStatus")
                        .field("name", RESOURCE_NAME)
                        .field("current", current)
                        .build())
                .field("containerResource", struct("v2.ContainerResourceMetricStatus")
                        .field("name", RESOURCE_NAME)
                        .field("current", current)
                        .field("container", STRING)
                        .build())
                .field("external", struct("v2.ExternalMetricStatus")
                        .field("metric", metricIdentifier)
                        .field("current", current)
                        .build())
                .build();
        return struct("v2.HorizontalPodAutoscalerStatus")
                .field("observedGeneration", INT64)
                .field("lastScaleTime", TIME)
                .field("currentReplicas", INT32)
                .field("desiredReplicas", INT32)
                .field("currentMetrics", new Slice(metricStatus))
                .field("conditions", new Slice(struct("v2.HorizontalPodAutoscalerCondition")
                        .field("type", scalar(Kind.STRING, "v2.HorizontalPodAutoscalerConditionType"))
                        .field("status", scalar(Kind.STRING, "v1.ConditionStatus"))
                        .field("lastTransitionTime", TIME)
                        .field("reason", STRING)
                        .field("message", STRING)
                        .build()))
                .build();
    }
}
