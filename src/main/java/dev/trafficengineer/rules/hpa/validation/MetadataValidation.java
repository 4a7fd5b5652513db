package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.rules.hpa.validation.HpaModel.ObjectMeta;
import dev.trafficengineer.rules.hpa.validation.HpaModel.OwnerReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Metadata rules of a create: core validation's {@code ValidateObjectMeta} with the HPA's name function
 * {@code NameIsDNSSubdomain} (autoscaling validation.go {@code ValidateHorizontalPodAutoscaler}), in
 * apimachinery's order (objectmeta.go {@code ValidateObjectMetaAccessor}).
 *
 * <p>Not checked, on purpose: an empty namespace (the server takes it from the request, and kubectl sends the
 * context's namespace) and {@code managedFields} (owned by the server's field manager). {@code generation} must not
 * be negative; create resets it to 1 only from HPAGeneration on (see {@link CreatePreparation}). Go iterates labels and annotations in random order;
 * here they go in key order, so repeated runs agree.
 */
final class MetadataValidation {

    /** apimachinery TotalAnnotationSizeLimitB. */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private static final FieldPath METADATA = FieldPath.of("metadata");
    private static final Set<String> STANDARD_FINALIZERS = Set.of("kubernetes", "orphan", "foregroundDeletion");

    private MetadataValidation() {
    }

    /** Expects the name to be generated already (see {@link CreatePreparation}). */
    static List<FieldError> validate(ObjectMeta meta) {
        List<FieldError> errs = new ArrayList<>();
        if (!meta.generateName().isEmpty()) {
            for (String msg : NameFormats.nameIsDnsSubdomain(meta.generateName(), true)) {
                errs.add(FieldError.invalid(METADATA.child("generateName"),
                        new BadValue.GoString(meta.generateName()), msg));
            }
        }
        if (meta.name().isEmpty()) {
            errs.add(FieldError.required(METADATA.child("name"), "name or generateName is required"));
        } else {
            for (String msg : NameFormats.nameIsDnsSubdomain(meta.name(), false)) {
                errs.add(FieldError.invalid(METADATA.child("name"), new BadValue.GoString(meta.name()), msg));
            }
        }
        if (!meta.namespace().isEmpty()) {
            for (String msg : NameFormats.nameIsDnsLabel(meta.namespace(), false)) {
                errs.add(FieldError.invalid(METADATA.child("namespace"), new BadValue.GoString(meta.namespace()),
                        msg));
            }
        }
        if (meta.generation() < 0) {
            // ValidateNonnegativeField: the server keeps the user's generation unless HPAGeneration resets it
            errs.add(FieldError.invalid(METADATA.child("generation"), new BadValue.GoInt(meta.generation()),
                    "must be greater than or equal to 0"));
        }
        errs.addAll(labels(meta.labels()));
        errs.addAll(annotations(meta.annotations()));
        errs.addAll(ownerReferences(meta.ownerReferences()));
        errs.addAll(finalizers(meta.finalizers()));
        return errs;
    }

    /** meta/v1 validation ValidateLabels: keys are qualified names, values label values; the path has no key. */
    private static List<FieldError> labels(Map<String, String> labels) {
        FieldPath p = METADATA.child("labels");
        List<FieldError> errs = new ArrayList<>();
        labels.forEach((k, v) -> {
            for (String msg : NameFormats.qualifiedName(k)) {
                errs.add(FieldError.invalid(p, new BadValue.GoString(k), msg));
            }
            for (String msg : NameFormats.labelValue(v)) {
                errs.add(FieldError.invalid(p, new BadValue.GoString(v), msg));
            }
        });
        return errs;
    }

    /** ValidateAnnotations: keys are qualified names in any case; keys and values together at most 256 KiB. */
    private static List<FieldError> annotations(Map<String, String> annotations) {
        FieldPath p = METADATA.child("annotations");
        List<FieldError> errs = new ArrayList<>();
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            for (String msg : NameFormats.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
                errs.add(FieldError.invalid(p, new BadValue.GoString(e.getKey()), msg));
            }
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errs.add(FieldError.tooLong(p, TOTAL_ANNOTATION_SIZE_LIMIT));
        }
        return errs;
    }

    /** ValidateOwnerReferences: each reference complete, no Event owner, at most one controller. */
    private static List<FieldError> ownerReferences(List<OwnerReference> refs) {
        FieldPath p = METADATA.child("ownerReferences");
        List<FieldError> errs = new ArrayList<>();
        String firstController = "";
        for (OwnerReference ref : refs) {
            // schema.FromAPIVersionAndKind: an unparsable apiVersion leaves group and version empty
            GroupVersion gv = GroupVersion.parse(ref.apiVersion());
            String version = gv == null ? "" : gv.version();
            String group = gv == null ? "" : gv.group();
            if (version.isEmpty()) {
                errs.add(FieldError.invalid(p.child("apiVersion"), new BadValue.GoString(ref.apiVersion()),
                        "version must not be empty"));
            }
            if (ref.kind().isEmpty()) {
                errs.add(FieldError.invalid(p.child("kind"), new BadValue.GoString(ref.kind()), "must not be empty"));
            }
            if (ref.name().isEmpty()) {
                errs.add(FieldError.invalid(p.child("name"), new BadValue.GoString(ref.name()), "must not be empty"));
            }
            if (ref.uid().isEmpty()) {
                errs.add(FieldError.invalid(p.child("uid"), BadValue.namedString(ref.uid()), "must not be empty"));
            }
            if (group.isEmpty() && version.equals("v1") && ref.kind().equals("Event")) {
                errs.add(FieldError.invalid(p, new BadValue.GoJson(json(ref)),
                        group + "/" + version + ", Kind=" + ref.kind() + " is disallowed from being an owner"));
            }
            if (Boolean.TRUE.equals(ref.controller())) {
                String current = ref.kind() + "/" + ref.name();
                if (!firstController.isEmpty()) {
                    errs.add(FieldError.invalid(p, new BadValue.GoJson(json(refs)),
                            "Only one reference can have Controller set to true. Found \"true\" in references for "
                                    + firstController + " and " + current));
                } else {
                    firstController = current;
                }
            }
        }
        return errs;
    }

    /** ValidateFinalizers, then core's validateKubeFinalizerName for each (with its index). */
    private static List<FieldError> finalizers(List<String> finalizers) {
        FieldPath p = METADATA.child("finalizers");
        List<FieldError> errs = new ArrayList<>();
        for (String f : finalizers) {
            for (String msg : NameFormats.qualifiedName(f)) {
                errs.add(FieldError.invalid(p, new BadValue.GoString(f), msg));
            }
        }
        if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < finalizers.size(); i++) {
                list.append(i > 0 ? "," : "").append(GoFormat.jsonString(finalizers.get(i)));
            }
            errs.add(FieldError.invalid(p, new BadValue.GoJson(list.append(']').toString()),
                    "finalizer orphan and foregroundDeletion cannot be both set"));
        }
        for (int i = 0; i < finalizers.size(); i++) {
            String f = finalizers.get(i);
            if (!f.contains("/") && !STANDARD_FINALIZERS.contains(f)) {
                errs.add(FieldError.invalid(p.index(i), new BadValue.GoString(f),
                        "name is neither a standard finalizer name nor is it fully qualified"));
            }
        }
        return errs;
    }

    /** json.Marshal of a metav1.OwnerReference: the two *bool fields are omitted when nil. */
    private static String json(OwnerReference r) {
        StringBuilder s = new StringBuilder("{\"apiVersion\":").append(GoFormat.jsonString(r.apiVersion()))
                .append(",\"kind\":").append(GoFormat.jsonString(r.kind()))
                .append(",\"name\":").append(GoFormat.jsonString(r.name()))
                .append(",\"uid\":").append(GoFormat.jsonString(r.uid()));
        if (r.controller() != null) {
            s.append(",\"controller\":").append(r.controller());
        }
        if (r.blockOwnerDeletion() != null) {
            s.append(",\"blockOwnerDeletion\":").append(r.blockOwnerDeletion());
        }
        return s.append('}').toString();
    }

    private static String json(List<OwnerReference> refs) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < refs.size(); i++) {
            s.append(i > 0 ? "," : "").append(json(refs.get(i)));
        }
        return s.append(']').toString();
    }
}
