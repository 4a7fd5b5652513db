package dev.trafficengineer.kube;

/**
 * Go's {@code math.Pow10}, whose exact results {@code AsApproximateFloat64} depends on. Java's {@code double} is
 * IEEE 754 like Go's {@code float64}, so reproducing the table lookups reproduces the bits.
 */
final class GoPow10 {

    private static final double[] POW10 = new double[32];
    private static final double[] POW10_POS32 = {1e0, 1e32, 1e64, 1e96, 1e128, 1e160, 1e192, 1e224, 1e256, 1e288};
    private static final double[] POW10_NEG32 = {1e-0, 1e-32, 1e-64, 1e-96, 1e-128, 1e-160, 1e-192, 1e-224,
        1e-256, 1e-288, 1e-320};

    static {
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = Double.parseDouble("1e" + i);
        }
    }

    private GoPow10() {
    }

    /** Table lookups, so 10^-2 is {@code 1 / 1e2}, not the double nearest to 0.01. */
    static double pow10(int n) {
        if (0 <= n && n <= 308) {
            return POW10_POS32[n / 32] * POW10[n % 32];
        }
        if (-323 <= n && n <= 0) {
            return POW10_NEG32[-n / 32] / POW10[-n % 32];
        }
        return n > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }
}
