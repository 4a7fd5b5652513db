package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.kube.Quantity;

/**
 * The value a field error reports, kept with the Go type it had: the server's rendering depends on that type, not on
 * the value alone (errors.go {@code ErrorBody}). A plain Go {@code string} prints quoted with {@code %q}, an
 * {@code int32}/{@code int64} prints as a number, and anything else (named string types such as
 * {@code MetricSourceType}, pointers such as {@code *int32}, {@code *resource.Quantity}, structs) is printed as its
 * JSON encoding.
 */
public sealed interface BadValue {

    /** No value: Required, Forbidden and TooLong errors print none. */
    record Omitted() implements BadValue {
        @Override
        public String render() {
            return "";
        }
    }

    /** A Go {@code string}: rendered with {@code %q}. */
    record GoString(String value) implements BadValue {
        @Override
        public String render() {
            return GoFormat.quote(value);
        }
    }

    /** A Go integer ({@code int32}, {@code int64}): rendered with {@code %v}. */
    record GoInt(long value) implements BadValue {
        @Override
        public String render() {
            return Long.toString(value);
        }
    }

    /** Any other Go value, rendered as its JSON encoding ({@code json.Marshal}); {@code json} is that text. */
    record GoJson(String json) implements BadValue {
        @Override
        public String render() {
            return json;
        }
    }

    BadValue OMITTED = new Omitted();

    /** How the server prints the value after "Invalid value: ". */
    String render();

    /** A named Go string type (e.g. {@code MetricTargetType}): JSON-encoded, so quoted the JSON way. */
    static BadValue namedString(String s) {
        return new GoJson(GoFormat.jsonString(s));
    }

    /** A non-nil {@code *int32}: JSON-encoded, which prints the number. */
    static BadValue intPointer(long v) {
        return new GoJson(Long.toString(v));
    }

    /** A non-nil {@code *resource.Quantity}: its MarshalJSON writes the canonical string, quoted. */
    static BadValue quantity(Quantity q) {
        return new GoJson(GoFormat.jsonString(q.toString()));
    }
}
