package dev.trafficengineer.simulate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 2}, {@code 1.5Gi}, {@code 1e3}), held exactly.
 *
 * <p>The HPA controller does all of its arithmetic on milli-values ({@link #milliValue()}), reads tolerances as
 * approximate doubles ({@link #approximateDouble()}), and reports metric values in the canonical decimal form that
 * {@link #toString()} reproduces. Semantics follow apimachinery {@code resource.Quantity}: {@code ParseQuantity},
 * {@code ScaledValue} (rounds away from zero) and {@code AsApproximateFloat64}.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {

    // <sign><number><suffix>: the number may be "5", "5.", ".5" or "5.5"; the suffix is binary SI, a decimal
    // exponent or decimal SI. Alternation order matters: "Ki" before "k"-less letters, "e3" before "E" (exa).
    private static final Pattern SYNTAX =
            Pattern.compile("([+-]?)(\\d+\\.?\\d*|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\\d+|[numkMGTPE])?");

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    public Quantity {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a quantity as the API server does; throws {@link IllegalArgumentException} naming the bad text. */
    public static Quantity parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a quantity is required");
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a Kubernetes quantity"
                    + " (expected a number with an optional suffix, e.g. 500m, 2, 1.5Gi, 1e3)");
        }
        BigDecimal number = new BigDecimal(m.group(2));
        if (m.group(1).equals("-")) {
            number = number.negate();
        }
        String suffix = m.group(3) == null ? "" : m.group(3);
        return new Quantity(applySuffix(number, suffix));
    }

    /** The quantity {@code milli}/1000, as {@code resource.NewMilliQuantity} builds it. */
    public static Quantity ofMilli(long milli) {
        return new Quantity(BigDecimal.valueOf(milli, 3));
    }

    private static BigDecimal applySuffix(BigDecimal number, String suffix) {
        return switch (suffix) {
            case "" -> number;
            case "n" -> number.scaleByPowerOfTen(-9);
            case "u" -> number.scaleByPowerOfTen(-6);
            case "m" -> number.scaleByPowerOfTen(-3);
            case "k" -> number.scaleByPowerOfTen(3);
            case "M" -> number.scaleByPowerOfTen(6);
            case "G" -> number.scaleByPowerOfTen(9);
            case "T" -> number.scaleByPowerOfTen(12);
            case "P" -> number.scaleByPowerOfTen(15);
            case "E" -> number.scaleByPowerOfTen(18);
            case "Ki" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(10)));
            case "Mi" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(20)));
            case "Gi" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(30)));
            case "Ti" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(40)));
            case "Pi" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(50)));
            case "Ei" -> number.multiply(new BigDecimal(BigInteger.TWO.pow(60)));
            default -> number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1).replace("+", "")));
        };
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
        return exponent == 0 ? base : base * GoMath.pow10(exponent);
    }

    /**
     * The canonical decimal form Kubernetes prints for a decimal-SI quantity: the mantissa is an integer and the
     * exponent the largest multiple of three that keeps it one ({@code 1500m}, {@code 2}, {@code 1500}, {@code 1k}).
     * Values finer than nano are rounded up to nano, as Kubernetes does.
     */
    @Override
    public String toString() {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        BigInteger mantissa = stripped.unscaledValue();
        int exponent = -stripped.scale();
        int down = Math.floorMod(exponent, 3);
        mantissa = mantissa.multiply(BigInteger.TEN.pow(down));
        exponent -= down;
        if (exponent < -9) {
            mantissa = value.scaleByPowerOfTen(9).setScale(0, RoundingMode.UP).unscaledValue();
            exponent = -9;
        }
        String suffix = switch (exponent) {
            case -9 -> "n";
            case -6 -> "u";
            case -3 -> "m";
            case 0 -> "";
            case 3 -> "k";
            case 6 -> "M";
            case 9 -> "G";
            case 12 -> "T";
            case 15 -> "P";
            case 18 -> "E";
            default -> "e" + exponent;
        };
        return mantissa + suffix;
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
