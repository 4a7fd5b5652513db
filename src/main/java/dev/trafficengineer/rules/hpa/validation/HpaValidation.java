package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trafficengineer.rules.hpa.validation.HpaModel.Hpa;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server's answer to creating an autoscaling/v2 HorizontalPodAutoscaler, computed without a server.
 *
 * <p>The pipeline is the server's (research §2.1): decode the body into the v2 types (a failure there is the whole
 * answer), apply v2 defaulting, prepare the object for create (generated name, fields of disabled gates dropped),
 * then validate metadata and spec in the server's emission order. An empty list means the server accepts the object.
 *
 * <p>The input is one object as the manifest loader reads it (YAML 1.1 typing, as kubectl reads it); the caller is
 * expected to route only {@code autoscaling/v2} HorizontalPodAutoscalers here.
 */
public final class HpaValidation {

    private HpaValidation() {
    }

    /**
     * Every error the server would report, in its order; empty when the object would be accepted. Never throws for
     * any JSON tree.
     */
    public static List<FieldError> validate(JsonNode hpa, ValidationOptions options) {
        JsonNode object = hpa == null || hpa.isNull() || hpa.isMissingNode()
                ? JsonNodeFactory.instance.objectNode() // the server decodes JSON null into an empty object
                : hpa;
        List<FieldError> decodeErrors = HpaDecoder.decode(object, options);
        if (!decodeErrors.isEmpty()) {
            return decodeErrors;
        }
        Hpa model = CreatePreparation.prepare(HpaModel.read(HpaDefaulting.apply(object).object()), options);
        List<FieldError> errs = new ArrayList<>(MetadataValidation.validate(model.metadata()));
        errs.addAll(SpecValidation.validate(model.spec(), SpecValidation.Options.forCreate(model.spec(), options)));
        return List.copyOf(errs);
    }

    /** True when the server would accept the object. */
    public static boolean accepts(JsonNode hpa, ValidationOptions options) {
        return validate(hpa, options).isEmpty();
    }
}
