package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.source.JsonPointer;
import java.util.Objects;

/**
 * One error of the API server's answer to creating a HorizontalPodAutoscaler.
 *
 * @param pointer  the node the error is about (it may not exist in the input, e.g. a required field that is missing)
 * @param type     the error type
 * @param field    the server's dotted path, e.g. {@code spec.behavior.scaleUp.policies[0].periodSeconds}
 * @param badValue the offending value, typed as Go had it so that it renders the way the server renders it
 * @param detail   the server's explanation; for the decode kinds, the decoder's message
 */
public record FieldError(JsonPointer pointer, ErrorType type, String field, BadValue badValue, String detail) {

    /** What the API server prints before a decode failure: {@code transformDecodeError} in the create handler. */
    static final String DECODE_PREFIX =
            "HorizontalPodAutoscaler in version \"v2\" cannot be handled as a HorizontalPodAutoscaler: ";

    public FieldError {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(badValue, "badValue");
        Objects.requireNonNull(detail, "detail");
    }

    static FieldError required(FieldPath p, String detail) {
        return new FieldError(p.pointer(), ErrorType.REQUIRED, p.text(), BadValue.OMITTED, detail);
    }

    static FieldError forbidden(FieldPath p, String detail) {
        return new FieldError(p.pointer(), ErrorType.FORBIDDEN, p.text(), BadValue.OMITTED, detail);
    }

    static FieldError invalid(FieldPath p, BadValue value, String detail) {
        return new FieldError(p.pointer(), ErrorType.INVALID, p.text(), value, detail);
    }

    /** field.TooLong as of v1.32+: the value is never shown; the detail names the limit. */
    static FieldError tooLong(FieldPath p, int maxBytes) {
        String unit = maxBytes == 1 ? "byte" : "bytes";
        return new FieldError(p.pointer(), ErrorType.TOO_LONG, p.text(), BadValue.OMITTED,
                "may not be more than " + maxBytes + " " + unit);
    }

    /** field.NotSupported: the detail lists the supported values, each quoted with Go's strconv.Quote. */
    static FieldError notSupported(FieldPath p, BadValue value, java.util.List<String> supported) {
        StringBuilder detail = new StringBuilder();
        if (!supported.isEmpty()) {
            detail.append("supported values: ");
            for (int i = 0; i < supported.size(); i++) {
                if (i > 0) {
                    detail.append(", ");
                }
                detail.append(GoFormat.quote(supported.get(i)));
            }
        }
        return new FieldError(p.pointer(), ErrorType.NOT_SUPPORTED, p.text(), value, detail.toString());
    }

    static FieldError decode(FieldPath p, String message) {
        return new FieldError(p.pointer(), ErrorType.DECODE, p.text(), BadValue.OMITTED, message);
    }

    static FieldError unknownField(FieldPath p) {
        return new FieldError(p.pointer(), ErrorType.UNKNOWN_FIELD, p.text(), BadValue.OMITTED,
                "unknown field " + GoFormat.quote(p.text()));
    }

    /**
     * The body of the error without the field, as Go's {@code (*field.Error).ErrorBody()} prints it, e.g.
     * {@code Invalid value: 0: must be greater than zero}. For the decode kinds, the decoder's message.
     */
    public String body() {
        if (type == ErrorType.DECODE) {
            return detail;
        }
        if (type == ErrorType.UNKNOWN_FIELD) {
            return "strict decoding error: " + detail;
        }
        StringBuilder s = new StringBuilder(type.words());
        if (type.printsValue() && !(badValue instanceof BadValue.Omitted)) {
            s.append(": ").append(badValue.render());
        }
        if (!detail.isEmpty()) {
            s.append(": ").append(detail);
        }
        return s.toString();
    }

    /**
     * The error exactly as the server words it: {@code spec.scaleTargetRef.kind: Required value} for a field error,
     * the whole BadRequest message for a decode failure.
     */
    public String render() {
        if (type.isDecodeFailure()) {
            return DECODE_PREFIX + body();
        }
        return field + ": " + body();
    }

    @Override
    public String toString() {
        return render();
    }
}
