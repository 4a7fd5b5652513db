package dev.trafficengineer.rules.hpa.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.rules.hpa.validation.GoType.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The decode stage of a create (research §2.1 step 1): the request body is unmarshalled into the v2 Go types by
 * sigs.k8s.io/json (a case-sensitive fork of encoding/json), before any defaulting or validation. What fails here is
 * not a field error but a 400 BadRequest with one message.
 *
 * <p>The input is the object as the loader read it from YAML. What the server receives is what kubectl sends: the
 * same object marshalled by Go, so map keys arrive sorted, integral floats arrive as integers ({@code 10.0} becomes
 * {@code 10}) and strings arrive escaped. The decoder walks the tree in that order and reproduces decode.go's
 * precedence:
 * <ol>
 *   <li>an error from a type's own UnmarshalJSON (an unparsable quantity or timestamp) stops decoding at once and is
 *       the answer, even if a type mismatch was seen before it;</li>
 *   <li>otherwise the first type mismatch or overflow ({@code UnmarshalTypeError}, saved while decoding goes on);</li>
 *   <li>otherwise, under strict field validation, every unknown field (the v2 types have no such field).</li>
 * </ol>
 */
final class HpaDecoder {

    private static final int MAX_STRICT_ERRORS = 100; // sigs.k8s.io/json stops collecting there

    private final boolean strict;
    private FieldError savedTypeError;
    private final Set<FieldError> strictErrors = new LinkedHashSet<>();

    private HpaDecoder(boolean strict) {
        this.strict = strict;
    }

    /** The decode failure, as one error (or one per unknown field); empty when the body decodes. */
    static List<FieldError> decode(JsonNode object, ValidationOptions options) {
        HpaDecoder d = new HpaDecoder(options.strictFieldValidation());
        GoType.Struct root = HpaV2Types.horizontalPodAutoscaler(options.kubernetesVersion());
        try {
            d.value(object, root, FieldPath.ROOT, Context.ROOT);
        } catch (Abort abort) {
            return List.of(abort.error);
        }
        if (d.savedTypeError != null) {
            return List.of(d.savedTypeError);
        }
        return d.strict ? List.copyOf(d.strictErrors) : List.of();
    }

    /** An error that ends decoding: Go's decoder returns it as soon as UnmarshalJSON reports it. */
    private static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient FieldError error;

        Abort(FieldError error) {
            super(error.detail(), null, false, false);
            this.error = error;
        }
    }

    /** decode.go's errorContext: the innermost struct and the JSON field names from the root (no indexes). */
    private record Context(GoType.Struct struct, List<String> fieldStack) {
        static final Context ROOT = new Context(null, List.of());

        Context push(GoType.Struct s, String field) {
            List<String> stack = new ArrayList<>(fieldStack);
            stack.add(field);
            return new Context(s, List.copyOf(stack));
        }
    }

    private void value(JsonNode node, GoType type, FieldPath path, Context ctx) throws Abort {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return; // null sets a pointer, slice or map to nil and leaves any other value alone
        }
        if (type instanceof GoType.Scalar s) {
            scalar(node, s, path, ctx);
        } else if (type instanceof GoType.Struct s) {
            if (!node.isObject()) {
                mismatch(word(node), s, path, ctx);
                return;
            }
            for (String key : KubectlWire.sortedKeys(node)) {
                GoType field = s.fields().get(key);
                FieldPath child = path.child(key);
                if (field == null) {
                    if (strictErrors.size() < MAX_STRICT_ERRORS) {
                        strictErrors.add(FieldError.unknownField(child));
                    }
                    continue;
                }
                value(node.get(key), field, child, ctx.push(s, key));
            }
        } else if (type instanceof GoType.Slice s) {
            if (!node.isArray()) {
                mismatch(word(node), s, path, ctx);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                value(node.get(i), s.element(), path.index(i), ctx);
            }
        } else if (type instanceof GoType.StringMap m) {
            if (!node.isObject()) {
                mismatch(word(node), m, path, ctx);
                return;
            }
            for (String key : KubectlWire.sortedKeys(node)) {
                value(node.get(key), m.element(), path.key(key), ctx);
            }
        }
    }

    private void scalar(JsonNode node, GoType.Scalar type, FieldPath path, Context ctx) throws Abort {
        switch (type.kind()) {
            case STRING -> {
                if (!node.isTextual() && !node.isBinary()) {
                    mismatch(word(node), type, path, ctx);
                }
            }
            case BOOL -> {
                if (!node.isBoolean()) {
                    mismatch(word(node), type, path, ctx);
                }
            }
            case INT32, INT64 -> {
                if (!node.isNumber()) {
                    mismatch(word(node), type, path, ctx);
                    return;
                }
                String literal = numberLiteral(node, path);
                if (!fitsInteger(literal, type.kind() == Kind.INT32)) {
                    mismatch("number " + literal, type, path, ctx);
                }
            }
            case QUANTITY -> {
                if (node.isNumber()) {
                    numberLiteral(node, path); // NaN and infinities fail before the quantity is parsed
                }
                try {
                    KubectlWire.quantity(node);
                } catch (Quantity.ParseException e) {
                    throw new Abort(FieldError.decode(path, e.getMessage()));
                }
            }
            case TIME -> {
                if (!node.isTextual()) {
                    // metav1.Time.UnmarshalJSON decodes the bytes into a string with a fresh decoder: no context
                    throw new Abort(FieldError.decode(path,
                            "json: cannot unmarshal " + word(node) + " into Go value of type string"));
                }
                String error = GoTime.parseError(node.textValue());
                if (error != null) {
                    throw new Abort(FieldError.decode(path, error));
                }
            }
            case RAW -> {
                // FieldsV1 keeps whatever JSON it is given
            }
        }
    }

    /** Records an UnmarshalTypeError if it is the first; decoding goes on (decode.go saveError). */
    private void mismatch(String valueWord, GoType type, FieldPath path, Context ctx) {
        if (savedTypeError != null) {
            return;
        }
        String message;
        if (ctx.struct() == null && ctx.fieldStack().isEmpty()) {
            message = "json: cannot unmarshal " + valueWord + " into Go value of type " + type.typeName();
        } else {
            message = "json: cannot unmarshal " + valueWord + " into Go struct field " + ctx.struct().simpleName()
                    + "." + String.join(".", ctx.fieldStack()) + " of type " + type.typeName();
        }
        savedTypeError = FieldError.decode(path, message);
    }

    /** How decode.go names a JSON value in "cannot unmarshal X". */
    private static String word(JsonNode node) {
        if (node.isTextual() || node.isBinary()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isObject()) {
            return "object";
        }
        return "null";
    }

    /** The number as kubectl's JSON carries it; NaN and infinities cannot be marshalled at all. */
    private static String numberLiteral(JsonNode node, FieldPath path) throws Abort {
        try {
            return KubectlWire.numberLiteral(node);
        } catch (IllegalArgumentException unmarshallable) {
            throw new Abort(FieldError.decode(path, unmarshallable.getMessage()));
        }
    }

    /** strconv.ParseInt(s, 10, 64) followed by the int32 overflow check. */
    private static boolean fitsInteger(String literal, boolean int32) {
        long v;
        try {
            v = Long.parseLong(literal);
        } catch (NumberFormatException notAnInt64) {
            return false;
        }
        return !int32 || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE);
    }
}
