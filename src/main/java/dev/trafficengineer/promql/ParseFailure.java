package dev.trafficengineer.promql;

/**
 * Unwinds the parser at the first error. Only the first error is ever reported, as upstream's
 * {@code ParseErrors.Error()} does, so parsing stops there; no stack trace is captured, which keeps failing parses
 * cheap.
 */
final class ParseFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final transient ParseError error;

    ParseFailure(ParseError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }
}
