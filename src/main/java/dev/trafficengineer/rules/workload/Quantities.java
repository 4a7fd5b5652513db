package dev.trafficengineer.rules.workload;

import java.math.BigDecimal;

/** Resource amounts written back the way manifests write them: {@code 500m} of cpu, {@code 512Mi} of memory. */
public final class Quantities {

    private static final String[] BINARY = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

    private Quantities() {}

    public static String format(String resource, BigDecimal amount) {
        BigDecimal a = amount.stripTrailingZeros();
        if (resource.equals("cpu")) {
            if (a.scale() <= 0) {
                return a.toPlainString();
            }
            BigDecimal milli = a.movePointRight(3).stripTrailingZeros();
            return milli.scale() <= 0 ? milli.toPlainString() + "m" : a.toPlainString();
        }
        if (a.scale() > 0 || a.signum() <= 0) {
            return a.toPlainString();
        }
        BigDecimal unit = BigDecimal.valueOf(1024);
        String suffix = "";
        for (String s : BINARY) {
            BigDecimal[] qr = a.divideAndRemainder(unit);
            if (qr[1].signum() != 0 || qr[0].signum() == 0) {
                break;
            }
            a = qr[0];
            suffix = s;
        }
        return a.toPlainString() + suffix;
    }
}
