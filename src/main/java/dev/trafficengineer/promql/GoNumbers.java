package dev.trafficengineer.promql;

/**
 * Number and duration conversion with Go's rules: {@code strconv.ParseInt(s, 0, 64)} then {@code ParseFloat} (as
 * upstream's {@code parser.number} does), and prometheus/common's {@code model.ParseDuration}. Results are values;
 * errors are Go's error texts.
 */
final class GoNumbers {

    private GoNumbers() {}

    /** A parsed value, or the Go error text when {@code error != null}. */
    record Result(double value, long nanos, String error) {
        static Result ok(double v) {
            return new Result(v, 0, null);
        }

        /** Go's {@code time.Duration.Seconds()}: whole seconds plus the fraction, each converted separately. */
        static Result duration(long nanos) {
            double seconds = (double) (nanos / 1_000_000_000L) + (double) (nanos % 1_000_000_000L) / 1e9;
            return new Result(seconds, nanos, null);
        }

        static Result fail(String message) {
            return new Result(0, 0, message);
        }

        boolean failed() {
            return error != null;
        }
    }

    /** Upstream {@code parser.number}: integer syntax first (hex, octal, underscores), then float syntax. */
    static Result number(String s) {
        long[] out = new long[1];
        if (parseInt(s, out)) {
            return Result.ok(out[0]);
        }
        return parseFloat(s);
    }

    /** {@code strconv.ParseInt(s, 0, 64)}; false on any syntax or range error. */
    static boolean parseInt(String s, long[] out) {
        if (s.isEmpty()) {
            return false;
        }
        String body = s;
        int base = 10;
        if (s.charAt(0) == '0') {
            if (s.length() >= 3 && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
                base = 16;
                body = s.substring(2);
            } else if (s.length() >= 3 && (s.charAt(1) == 'o' || s.charAt(1) == 'O')) {
                base = 8;
                body = s.substring(2);
            } else if (s.length() >= 3 && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
                base = 2;
                body = s.substring(2);
            } else {
                base = 8;
                body = s.substring(1);
            }
        }
        boolean underscores = false;
        long n = 0;
        long cutoff = Long.divideUnsigned(-1L, base) + 1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int d;
            if (c == '_') {
                underscores = true;
                continue;
            } else if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'z') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'Z') {
                d = c - 'A' + 10;
            } else {
                return false;
            }
            if (d >= base) {
                return false;
            }
            if (Long.compareUnsigned(n, cutoff) >= 0) {
                return false;
            }
            n *= base;
            long n1 = n + d;
            if (Long.compareUnsigned(n1, n) < 0) {
                return false;
            }
            n = n1;
        }
        if (underscores && !underscoreOk(s)) {
            return false;
        }
        if (n < 0) {
            return false; // beyond int64
        }
        out[0] = n;
        return true;
    }

    /** {@code strconv.ParseFloat(s, 64)} for the spellings the lexer can produce. */
    static Result parseFloat(String s) {
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "inf", "+inf", "infinity", "+infinity":
                return Result.ok(Double.POSITIVE_INFINITY);
            case "-inf", "-infinity":
                return Result.ok(Double.NEGATIVE_INFINITY);
            case "nan":
                return Result.ok(Double.NaN);
            default:
                break;
        }
        String syntax = "strconv.ParseFloat: parsing " + GoText.quote(s) + ": invalid syntax";
        if (!isDecimalFloat(s) || (s.indexOf('_') >= 0 && !underscoreOk(s))) {
            return Result.fail(syntax);
        }
        double d;
        try {
            d = Double.parseDouble(s.replace("_", ""));
        } catch (NumberFormatException e) {
            return Result.fail(syntax);
        }
        if (Double.isInfinite(d)) {
            return Result.fail("strconv.ParseFloat: parsing " + GoText.quote(s) + ": value out of range");
        }
        return Result.ok(d);
    }

    /** Digits with at most one dot and an optional exponent; hex floats need a 'p' exponent, which never lexes. */
    private static boolean isDecimalFloat(String s) {
        int i = 0;
        int n = s.length();
        boolean digits = false;
        while (i < n && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
            digits |= s.charAt(i) != '_';
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
                digits |= s.charAt(i) != '_';
                i++;
            }
        }
        if (!digits) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            boolean exp = false;
            while (i < n && (Character.isDigit(s.charAt(i)) && s.charAt(i) < 128 || s.charAt(i) == '_')) {
                exp |= s.charAt(i) != '_';
                i++;
            }
            if (!exp) {
                return false;
            }
        }
        return i == n;
    }

    /** Go's {@code underscoreOK}: underscores only between digits (or after a base prefix). */
    static boolean underscoreOk(String s) {
        char saw = '^';
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            s = s.substring(1);
        }
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char c = Character.toLowerCase(s.charAt(1));
            if (c == 'b' || c == 'o' || c == 'x') {
                i = 2;
                saw = '0';
                hex = c == 'x';
            }
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char lc = Character.toLowerCase(c);
            if (c >= '0' && c <= '9' || hex && lc >= 'a' && lc <= 'f') {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_NANOS = {
        365L * 24 * 3600 * 1_000_000_000L,
        7L * 24 * 3600 * 1_000_000_000L,
        24L * 3600 * 1_000_000_000L,
        3600L * 1_000_000_000L,
        60L * 1_000_000_000L,
        1_000_000_000L,
        1_000_000L
    };

    /** prometheus/common {@code model.ParseDuration}, in nanoseconds. */
    static Result duration(String s) {
        if (s.equals("0")) {
            return Result.duration(0);
        }
        if (s.isEmpty()) {
            return Result.fail("empty duration string");
        }
        String invalid = "not a valid duration string: " + GoText.quote(s);
        long total = 0;
        int lastUnit = -1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (!isAsciiDigit(s.charAt(i))) {
                return Result.fail(invalid);
            }
            int start = i;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            long v;
            try {
                v = Long.parseUnsignedLong(s.substring(start, i));
            } catch (NumberFormatException e) {
                return Result.fail(invalid);
            }
            int unitStart = i;
            while (i < n && !isAsciiDigit(s.charAt(i))) {
                i++;
            }
            if (unitStart == i) {
                return Result.fail(invalid);
            }
            String unit = s.substring(unitStart, i);
            int u = -1;
            for (int k = 0; k < UNITS.length; k++) {
                if (UNITS[k].equals(unit)) {
                    u = k;
                }
            }
            if (u < 0) {
                return Result.fail("unknown unit " + GoText.quote(unit) + " in duration " + GoText.quote(s));
            }
            if (u <= lastUnit) {
                return Result.fail(invalid);
            }
            lastUnit = u;
            long mult = UNIT_NANOS[u];
            if (Long.compareUnsigned(v, Long.divideUnsigned(1L << 63, mult)) > 0) {
                return Result.fail("duration out of range");
            }
            total += v * mult;
            if (total < 0) {
                return Result.fail("duration out of range");
            }
        }
        return Result.duration(total);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Go's {@code math.Round}: half away from zero. */
    static double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double a = Math.abs(x);
        double t = Math.floor(a);
        if (a - t >= 0.5) {
            t += 1;
        }
        return Math.copySign(t, x);
    }

    /** Go's {@code int64(f)} on amd64: out-of-range values (and NaN) become the most negative int64. */
    static long toInt64(double f) {
        if (Double.isNaN(f) || f >= 0x1p63 || f < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }

    /** {@code time.Duration(math.Round(seconds * float64(time.Second)))}. */
    static long secondsToNanos(double seconds) {
        return toInt64(round(seconds * 1e9));
    }
}
