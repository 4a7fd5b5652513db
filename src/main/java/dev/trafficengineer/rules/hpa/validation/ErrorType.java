package dev.trafficengineer.rules.hpa.validation;

/**
 * The kinds of error the API server reports for a HorizontalPodAutoscaler.
 *
 * <p>All but the last two mirror apimachinery's {@code field.ErrorType} (util/validation/field/errors.go), with the
 * words the server prints ({@link #words()}). The last two are not field errors: the request body could not be
 * decoded into the v2 types, so the server answered 400 BadRequest before defaulting and validation ran.
 */
public enum ErrorType {
    NOT_FOUND("FieldValueNotFound", "Not found"),
    REQUIRED("FieldValueRequired", "Required value"),
    DUPLICATE("FieldValueDuplicate", "Duplicate value"),
    INVALID("FieldValueInvalid", "Invalid value"),
    NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
    FORBIDDEN("FieldValueForbidden", "Forbidden"),
    TOO_LONG("FieldValueTooLong", "Too long"),
    TOO_MANY("FieldValueTooMany", "Too many"),
    INTERNAL("InternalError", "Internal error"),
    /** A JSON type mismatch, an integer overflow, an unparsable quantity or timestamp (decode.go, quantity.go). */
    DECODE("", "decode error"),
    /** A field the v2 types do not have, rejected under {@code fieldValidation=Strict} (kubectl's default). */
    UNKNOWN_FIELD("", "strict decoding error");

    private final String causeType;
    private final String words;

    ErrorType(String causeType, String words) {
        this.causeType = causeType;
        this.words = words;
    }

    /** The {@code StatusCause.type} the server puts in its response; empty for the two decode kinds. */
    public String causeType() {
        return causeType;
    }

    /** How the server spells the type in a message, e.g. "Required value". */
    public String words() {
        return words;
    }

    /** True for the two kinds that stop the request before validation. */
    public boolean isDecodeFailure() {
        return this == DECODE || this == UNKNOWN_FIELD;
    }

    /**
     * Go prints no bad value for these types (errors.go {@code ErrorBody}): Required and Forbidden carry none, TooLong
     * omits it on purpose, Internal carries an error instead.
     */
    boolean printsValue() {
        return switch (this) {
            case REQUIRED, FORBIDDEN, TOO_LONG, INTERNAL, DECODE, UNKNOWN_FIELD -> false;
            default -> true;
        };
    }
}
