package dev.trafficengineer.rules.hpa.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * core/v1 validation {@code ValidateContainerResourceName}, which a ContainerResource metric's {@code name} must pass
 * (a Resource metric's name is not checked at all). A name without '/' must be a standard resource that containers
 * can request (cpu, memory, ephemeral-storage, hugepages-*); a name with '/' must be native (kubernetes.io/...) or a
 * well-formed extended resource.
 */
final class ResourceNameValidation {

    /** core helper standardResources. */
    private static final Set<String> STANDARD_RESOURCES = Set.of(
            "cpu", "memory", "ephemeral-storage",
            "requests.cpu", "requests.memory", "requests.ephemeral-storage",
            "limits.cpu", "limits.memory", "limits.ephemeral-storage",
            "pods", "resourcequotas", "services", "replicationcontrollers", "secrets", "configmaps",
            "persistentvolumeclaims", "storage", "requests.storage", "services.nodeports",
            "services.loadbalancers");
    private static final Set<String> STANDARD_CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final String HUGEPAGES_PREFIX = "hugepages-";
    private static final String REQUESTS_HUGEPAGES_PREFIX = "requests.hugepages-";
    private static final String DEFAULT_NAMESPACE_PREFIX = "kubernetes.io/";
    private static final String DEFAULT_REQUESTS_PREFIX = "requests.";

    private ResourceNameValidation() {
    }

    static List<FieldError> validateContainerResourceName(String value, FieldPath path) {
        List<FieldError> errs = validateResourceName(value, path);
        if (!value.contains("/")) {
            if (!isStandardContainerResourceName(value)) {
                errs.add(FieldError.invalid(path, BadValue.namedString(value),
                        "must be a standard resource for containers"));
            }
        } else if (!isNativeResource(value) && !isExtendedResourceName(value)) {
            errs.add(FieldError.invalid(path, BadValue.namedString(value),
                    "doesn't follow extended resource name standard"));
        }
        return errs;
    }

    /** core/v1 validateResourceName: a qualified name; if it has no '/', a standard resource. */
    private static List<FieldError> validateResourceName(String value, FieldPath path) {
        List<FieldError> errs = new ArrayList<>();
        for (String msg : NameFormats.qualifiedName(value)) {
            errs.add(FieldError.invalid(path, new BadValue.GoString(value), msg));
        }
        if (!errs.isEmpty()) {
            return errs;
        }
        if (!value.contains("/") && !isStandardResourceName(value)) {
            errs.add(FieldError.invalid(path, BadValue.namedString(value),
                    "must be a standard resource type or fully qualified"));
        }
        return errs;
    }

    private static boolean isStandardResourceName(String name) {
        return STANDARD_RESOURCES.contains(name) || name.startsWith(HUGEPAGES_PREFIX)
                || name.startsWith(REQUESTS_HUGEPAGES_PREFIX);
    }

    private static boolean isStandardContainerResourceName(String name) {
        return STANDARD_CONTAINER_RESOURCES.contains(name) || name.startsWith(HUGEPAGES_PREFIX);
    }

    /** No '/' (the default namespace) or a kubernetes.io/ prefix. */
    private static boolean isNativeResource(String name) {
        return !name.contains("/") || name.contains(DEFAULT_NAMESPACE_PREFIX);
    }

    /** Not native, not "requests."-prefixed, and still a qualified name once "requests." is put in front. */
    private static boolean isExtendedResourceName(String name) {
        if (isNativeResource(name) || name.startsWith(DEFAULT_REQUESTS_PREFIX)) {
            return false;
        }
        return NameFormats.qualifiedName(DEFAULT_REQUESTS_PREFIX + name).isEmpty();
    }
}
