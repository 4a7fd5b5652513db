package dev.trafficengineer.rules.kube;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 1.5Gi}, {@code 2e3}) as an exact decimal, parsed with the
 * grammar of apimachinery's {@code resource.ParseQuantity}. Used to compare requests, limits and VPA bounds and to
 * check the precision the VPA admission controller demands.
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {

    // sign, digits with an optional fraction, then a binary suffix, a decimal suffix or an exponent
    private static final Pattern FORM = Pattern.compile(
            "([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?");

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)), Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)), Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)), Map.entry("Ei", BigDecimal.valueOf(1L << 60)),
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")));

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    /** The quantity a string denotes, or empty when Kubernetes would not parse it. */
    public static Optional<Quantity> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        Matcher m = FORM.matcher(s);
        if (s.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(m.group(2).endsWith(".") ? m.group(2) + "0" : m.group(2));
        if (m.group(1).equals("-")) {
            number = number.negate();
        }
        String suffix = m.group(3);
        if (suffix != null) {
            if (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E') {
                number = number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
            } else {
                number = number.multiply(SUFFIXES.get(suffix));
            }
        }
        return Optional.of(new Quantity(s, number));
    }

    public int signum() {
        return value.signum();
    }

    /** True when the value is a whole number of thousandths (CPU: of millicores). */
    public boolean isWholeMilli() {
        return value.multiply(THOUSAND).stripTrailingZeros().scale() <= 0;
    }

    /** True when the value is a whole number of units (memory: of bytes). */
    public boolean isWhole() {
        return value.stripTrailingZeros().scale() <= 0;
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }
}
