package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.rules.hpa.validation.HpaModel.CrossVersionObjectReference;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ValidateCrossVersionObjectReference} (autoscaling validation.go): the rules of {@code scaleTargetRef} and of
 * an Object metric's {@code describedObject}. Neither the kind nor the object is looked up: whether it exists or can
 * be scaled is the controller's business (research §2.4).
 */
final class CrossVersionReferenceValidation {

    /**
     * validation.go CrossVersionObjectReferenceValidationOptions.
     *
     * @param allowEmptyAPIGroup     a core-group apiVersion ("v1") is fine
     * @param allowInvalidAPIVersion the apiVersion is not checked at all
     */
    record Options(boolean allowEmptyAPIGroup, boolean allowInvalidAPIVersion) {
    }

    private CrossVersionReferenceValidation() {
    }

    static List<FieldError> validate(CrossVersionObjectReference ref, FieldPath path, Options opts) {
        List<FieldError> errs = new ArrayList<>();
        if (ref.kind().isEmpty()) {
            errs.add(FieldError.required(path.child("kind"), ""));
        } else {
            for (String msg : NameFormats.pathSegmentName(ref.kind())) {
                errs.add(FieldError.invalid(path.child("kind"), new BadValue.GoString(ref.kind()), msg));
            }
        }
        if (ref.name().isEmpty()) {
            errs.add(FieldError.required(path.child("name"), ""));
        } else {
            for (String msg : NameFormats.pathSegmentName(ref.name())) {
                errs.add(FieldError.invalid(path.child("name"), new BadValue.GoString(ref.name()), msg));
            }
        }
        String apiVersionError = apiVersionError(ref.apiVersion(), opts);
        if (apiVersionError != null) {
            errs.add(FieldError.invalid(path.child("apiVersion"), new BadValue.GoString(ref.apiVersion()),
                    apiVersionError));
        }
        return errs;
    }

    /** validation.go ValidateAPIVersion: null when acceptable, else the error text. */
    static String apiVersionError(String apiVersion, Options opts) {
        if (opts.allowInvalidAPIVersion()) {
            return null;
        }
        GroupVersion gv = GroupVersion.parse(apiVersion);
        if (gv == null) {
            return GroupVersion.parseError(apiVersion);
        }
        if (!opts.allowEmptyAPIGroup() && gv.group().isEmpty()) {
            return "apiVersion must specify API group";
        }
        return null;
    }
}
