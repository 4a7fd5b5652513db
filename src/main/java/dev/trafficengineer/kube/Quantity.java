package dev.trafficengineer.kube;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes {@code resource.Quantity} ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}): the one type every
 * layer uses, so that the API-server validation, the rules and the simulated controller agree on what a quantity is.
 *
 * <p>It follows apimachinery's api/resource/quantity.go: {@link #parse} is {@code ParseQuantity} with its error
 * messages ({@link QuantityParser}), {@link #milliValue()} is {@code MilliValue}, {@link #approximateDouble()} is
 * {@code AsApproximateFloat64} and {@link #toString()} is {@code String()}. Quantities are equal when their values
 * are, whatever their written form.
 */
public final class Quantity implements Comparable<Quantity> {

    /** How the quantity prints: which suffix family it was written with. */
    enum Format { DECIMAL_EXPONENT, BINARY_SI, DECIMAL_SI }

    static final String ERR_FORMAT_WRONG =
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    static final String ERR_NUMERIC = "unable to parse quantity's numeric part";
    static final String ERR_SUFFIX = "unable to parse quantity's suffix";

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final BigDecimal value;
    private final Format format;
    /** The input, when Go keeps it because it is already canonical; String() then returns it as it was. */
    private final String kept;

    Quantity(BigDecimal value, Format format, String kept) {
        this.value = value;
        this.format = format;
        this.kept = kept;
    }

    /** Thrown with one of the three messages ParseQuantity can return. */
    public static final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses as the API server does, failing with the server's own message. */
    public static Quantity parse(String text) throws ParseException {
        return QuantityParser.parse(text);
    }

    /** The quantity a string denotes, or empty when it is null or the API server would not parse it. */
    public static Optional<Quantity> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses text that must be a quantity (a constant, or input whose rejection is the caller's error); throws
     * {@link IllegalArgumentException} with a message that names the text and shows the syntax.
     */
    public static Quantity valueOf(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a quantity is required");
        }
        try {
            return parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Kubernetes quantity"
                    + " (expected a number with an optional suffix, e.g. 500m, 2, 1.5Gi, 1e3)", e);
        }
    }

    /** An exact value in the decimal format, as the controller's arithmetic produces it; never rounded. */
    public static Quantity of(BigDecimal value) {
        return new Quantity(Objects.requireNonNull(value, "value"), Format.DECIMAL_SI, null);
    }

    /** The quantity {@code milli}/1000, as {@code resource.NewMilliQuantity} builds it. */
    public static Quantity ofMilli(long milli) {
        return of(BigDecimal.valueOf(milli, 3));
    }

    /** The exact numeric value. */
    public BigDecimal value() {
        return value;
    }

    /** -1, 0 or 1, as Go's {@code Quantity.Sign()}. */
    public int signum() {
        return value.signum();
    }

    /**
     * The value in thousandths, rounded away from zero as {@code Quantity.MilliValue} does (so {@code 0.1m} is 1),
     * saturated at the bounds of a long.
     */
    public long milliValue() {
        BigDecimal milli = value.multiply(THOUSAND).setScale(0, RoundingMode.UP);
        if (milli.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (milli.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return milli.longValueExact();
    }

    /**
     * The value as a double computed the way {@code Quantity.AsApproximateFloat64} does: mantissa times
     * {@code math.Pow10(exponent)}. This matters at tolerance edges: "0.05" becomes 5 × 0.01, which is not the
     * double nearest to 0.05.
     */
    public double approximateDouble() {
        double base = value.unscaledValue().doubleValue();
        int exponent = -value.scale();
        return exponent == 0 ? base : base * GoPow10.pow10(exponent);
    }

    /** True when the value is a whole number of thousandths (CPU: of millicores). */
    public boolean isWholeMilli() {
        return value.multiply(THOUSAND).stripTrailingZeros().scale() <= 0;
    }

    /** True when the value is a whole number of units (memory: of bytes). */
    public boolean isWhole() {
        return value.stripTrailingZeros().scale() <= 0;
    }

    /**
     * The canonical form, as {@code Quantity.String()}: "100m", "1Gi", "1e3", "0". A quantity whose input was already
     * canonical prints as it was written (Go caches that string), so "+1" stays "+1".
     */
    @Override
    public String toString() {
        if (kept != null) {
            return kept;
        }
        if (value.signum() == 0) {
            return "0";
        }
        Format f = format;
        if (f == Format.BINARY_SI) {
            boolean small = value.compareTo(BigDecimal.valueOf(-1024)) > 0 && value.compareTo(BigDecimal.valueOf(1024)) < 0;
            if (small || !isWhole()) {
                f = Format.DECIMAL_SI;
            }
        }
        if (f == Format.BINARY_SI) {
            BigInteger amount = value.toBigIntegerExact();
            int exponent = 0;
            BigInteger k = BigInteger.valueOf(1024);
            while (amount.signum() != 0 && amount.mod(k).signum() == 0) {
                amount = amount.divide(k);
                exponent += 10;
            }
            return amount + suffix(QuantityParser.BINARY_SUFFIXES, exponent);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        long exponent = -(long) stripped.scale();
        while (exponent % 3 != 0) {
            mantissa = mantissa.multiply(BigInteger.TEN);
            exponent--;
        }
        String suffix;
        if (f == Format.DECIMAL_EXPONENT) {
            suffix = exponent == 0 ? "" : "e" + exponent;
        } else {
            // Go ignores a failed suffix lookup (beyond E or below n) and prints the number bare
            suffix = suffix(QuantityParser.DECIMAL_SUFFIXES, (int) exponent);
        }
        return mantissa + suffix;
    }

    private static String suffix(Map<String, Integer> suffixes, int exponent) {
        for (Map.Entry<String, Integer> e : suffixes.entrySet()) {
            if (e.getValue() == exponent) {
                return e.getKey();
            }
        }
        return "";
    }

    @Override
    public int compareTo(Quantity other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && value.compareTo(q.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }
}
