package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.rules.hpa.validation.HpaModel.ContainerResourceSource;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ExternalSource;
import dev.trafficengineer.rules.hpa.validation.HpaModel.MetricIdentifier;
import dev.trafficengineer.rules.hpa.validation.HpaModel.MetricSpec;
import dev.trafficengineer.rules.hpa.validation.HpaModel.MetricTarget;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ObjectSource;
import dev.trafficengineer.rules.hpa.validation.HpaModel.PodsSource;
import dev.trafficengineer.rules.hpa.validation.HpaModel.ResourceSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code spec.metrics} (autoscaling validation.go {@code validateMetrics} and what it calls), in the server's order.
 * Not validated, on purpose (research §2.4): a Resource metric's name, metric selectors, duplicate metrics, and
 * whether the target type agrees with the value field that is set.
 */
final class MetricsValidation {

    /** validMetricSourceTypes.List(): sorted. */
    private static final List<String> METRIC_SOURCE_TYPES =
            List.of("ContainerResource", "External", "Object", "Pods", "Resource");
    private static final Set<String> TARGET_TYPES = Set.of("Utilization", "Value", "AverageValue");

    private MetricsValidation() {
    }

    /** validateMetrics; {@code minReplicas} is the defaulted value (null only if defaulting did not run). */
    static List<FieldError> validate(List<MetricSpec> metrics, FieldPath path, Integer minReplicas,
            CrossVersionReferenceValidation.Options objectMetricOptions) {
        List<FieldError> errs = new ArrayList<>();
        boolean hasObjectOrExternal = false;
        if (metrics != null) {
            for (int i = 0; i < metrics.size(); i++) {
                MetricSpec m = metrics.get(i);
                errs.addAll(metricSpec(m, path.index(i), objectMetricOptions));
                hasObjectOrExternal |= m.type().equals("Object") || m.type().equals("External");
            }
        }
        // checked whatever HPAScaleToZero says: with the gate off, minReplicas 0 fails twice
        if (minReplicas != null && minReplicas == 0 && !hasObjectOrExternal) {
            errs.add(FieldError.forbidden(path,
                    "must specify at least one Object or External metric to support scaling to zero replicas"));
        }
        return errs;
    }

    /** validateMetricSpec: the type, the first populated source, and which sources may be populated. */
    private static List<FieldError> metricSpec(MetricSpec m, FieldPath path, CrossVersionReferenceValidation.Options opts) {
        List<FieldError> errs = new ArrayList<>();
        FieldPath type = path.child("type");
        if (m.type().isEmpty()) {
            errs.add(FieldError.required(type, "must specify a metric source type"));
        }
        if (!METRIC_SOURCE_TYPES.contains(m.type())) {
            errs.add(FieldError.notSupported(type, BadValue.namedString(m.type()), METRIC_SOURCE_TYPES));
        }

        // only the first populated source (in this order) is validated
        Set<String> present = new LinkedHashSet<>();
        if (m.object() != null && present.add("object") && present.size() == 1) {
            errs.addAll(objectSource(m.object(), path.child("object"), opts));
        }
        if (m.external() != null && present.add("external") && present.size() == 1) {
            errs.addAll(externalSource(m.external(), path.child("external")));
        }
        if (m.pods() != null && present.add("pods") && present.size() == 1) {
            errs.addAll(podsSource(m.pods(), path.child("pods")));
        }
        if (m.resource() != null && present.add("resource") && present.size() == 1) {
            errs.addAll(resourceSource(m.resource(), path.child("resource")));
        }
        if (m.containerResource() != null && present.add("containerResource") && present.size() == 1) {
            errs.addAll(containerResourceSource(m.containerResource(), path.child("containerResource")));
        }

        String expected = switch (m.type()) {
            case "Object" -> requireSource(m.object() != null, path, "object", errs);
            case "Pods" -> requireSource(m.pods() != null, path, "pods", errs);
            case "Resource" -> requireSource(m.resource() != null, path, "resource", errs);
            case "External" -> requireSource(m.external() != null, path, "external", errs);
            case "ContainerResource" -> requireSource(m.containerResource() != null, path, "containerResource", errs);
            default -> {
                // an empty or unknown type is reported a second time by the switch's default branch
                errs.add(FieldError.notSupported(type, BadValue.namedString(m.type()), METRIC_SOURCE_TYPES));
                yield "";
            }
        };
        if (present.size() != 1) {
            // Go ranges over a set here, in random order; the order of the source checks is used instead
            present.remove(expected);
            for (String other : present) {
                errs.add(FieldError.forbidden(path.child(other), "must populate the given metric source only"));
            }
        }
        return errs;
    }

    private static String requireSource(boolean populated, FieldPath path, String source, List<FieldError> errs) {
        if (!populated) {
            errs.add(FieldError.required(path.child(source), "must populate information for the given metric source"));
        }
        return source;
    }

    /** validateObjectSource. */
    private static List<FieldError> objectSource(ObjectSource src, FieldPath path,
            CrossVersionReferenceValidation.Options opts) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(CrossVersionReferenceValidation.validate(src.describedObject(), path.child("describedObject"),
                opts));
        errs.addAll(metricIdentifier(src.metric(), path.child("metric")));
        errs.addAll(metricTarget(src.target(), path.child("target")));
        if (src.target().value() == null && src.target().averageValue() == null) {
            errs.add(FieldError.required(path.child("target").child("averageValue"),
                    "must set either a target value or averageValue"));
        }
        return errs;
    }

    /** validateExternalSource. */
    private static List<FieldError> externalSource(ExternalSource src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(metricIdentifier(src.metric(), path.child("metric")));
        errs.addAll(metricTarget(src.target(), path.child("target")));
        MetricTarget t = src.target();
        if (t.value() == null && t.averageValue() == null) {
            errs.add(FieldError.required(path.child("target").child("averageValue"),
                    "must set either a target value for metric or a per-pod target"));
        }
        if (t.value() != null && t.averageValue() != null) {
            errs.add(FieldError.forbidden(path.child("target").child("value"),
                    "may not set both a target value for metric and a per-pod target"));
        }
        return errs;
    }

    /** validatePodsSource: a Value target is ignored, an AverageValue is required. */
    private static List<FieldError> podsSource(PodsSource src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        errs.addAll(metricIdentifier(src.metric(), path.child("metric")));
        errs.addAll(metricTarget(src.target(), path.child("target")));
        if (src.target().averageValue() == null) {
            errs.add(FieldError.required(path.child("target").child("averageValue"),
                    "must specify a positive target averageValue"));
        }
        return errs;
    }

    /** validateResourceSource: the name only has to be there. */
    private static List<FieldError> resourceSource(ResourceSource src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (src.name().isEmpty()) {
            errs.add(FieldError.required(path.child("name"), "must specify a resource name"));
        }
        errs.addAll(metricTarget(src.target(), path.child("target")));
        errs.addAll(utilizationOrValue(src.target(), path.child("target")));
        return errs;
    }

    /** validateContainerResourceSource. */
    private static List<FieldError> containerResourceSource(ContainerResourceSource src, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (src.name().isEmpty()) {
            errs.add(FieldError.required(path.child("name"), "must specify a resource name"));
        } else {
            errs.addAll(ResourceNameValidation.validateContainerResourceName(src.name(), path.child("name")));
        }
        if (src.container().isEmpty()) {
            errs.add(FieldError.required(path.child("container"), "must specify a container"));
        } else {
            for (String msg : NameFormats.dns1123Label(src.container())) {
                errs.add(FieldError.invalid(path.child("container"), new BadValue.GoString(src.container()), msg));
            }
        }
        errs.addAll(metricTarget(src.target(), path.child("target")));
        errs.addAll(utilizationOrValue(src.target(), path.child("target")));
        return errs;
    }

    /** Resource and ContainerResource: exactly one of averageUtilization and averageValue. */
    private static List<FieldError> utilizationOrValue(MetricTarget t, FieldPath target) {
        List<FieldError> errs = new ArrayList<>();
        if (t.averageUtilization() == null && t.averageValue() == null) {
            errs.add(FieldError.required(target.child("averageUtilization"),
                    "must set either a target raw value or a target utilization"));
        }
        if (t.averageUtilization() != null && t.averageValue() != null) {
            errs.add(FieldError.forbidden(target.child("averageValue"),
                    "may not set both a target raw value and a target utilization"));
        }
        return errs;
    }

    /** validateMetricTarget: an empty type fails twice (Required, then Invalid). No upper bound anywhere. */
    private static List<FieldError> metricTarget(MetricTarget t, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (t.type().isEmpty()) {
            errs.add(FieldError.required(path.child("type"), "must specify a metric target type"));
        }
        if (!TARGET_TYPES.contains(t.type())) {
            errs.add(FieldError.invalid(path.child("type"), BadValue.namedString(t.type()),
                    "must be either Utilization, Value, or AverageValue"));
        }
        if (t.value() != null && t.value().signum() != 1) {
            errs.add(FieldError.invalid(path.child("value"), BadValue.quantity(t.value()), "must be positive"));
        }
        if (t.averageValue() != null && t.averageValue().signum() != 1) {
            errs.add(FieldError.invalid(path.child("averageValue"), BadValue.quantity(t.averageValue()),
                    "must be positive"));
        }
        if (t.averageUtilization() != null && t.averageUtilization() < 1) {
            errs.add(FieldError.invalid(path.child("averageUtilization"),
                    BadValue.intPointer(t.averageUtilization()), "must be greater than 0"));
        }
        return errs;
    }

    /** validateMetricIdentifier: a name that can be a REST path segment. */
    private static List<FieldError> metricIdentifier(MetricIdentifier id, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        if (id.name().isEmpty()) {
            errs.add(FieldError.required(path.child("name"), "must specify a metric name"));
        } else {
            for (String msg : NameFormats.pathSegmentName(id.name())) {
                errs.add(FieldError.invalid(path.child("name"), new BadValue.GoString(id.name()), msg));
            }
        }
        return errs;
    }
}
