package dev.trafficengineer.simulate;

/**
 * The floating-point helper whose exact Go result the controller's arithmetic depends on. Java's {@code double} is
 * IEEE 754 like Go's {@code float64}, so reproducing the operation order reproduces the bits.
 */
final class GoMath {

    private GoMath() {
    }

    /** Go's {@code int32(math.Ceil(x))} for the values the controller produces; saturates instead of wrapping. */
    static int ceilToInt(double x) {
        return (int) Math.ceil(x);
    }
}
