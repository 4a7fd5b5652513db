package dev.trafficengineer.rules.hpa.validation;

import java.nio.charset.StandardCharsets;

/**
 * Go's {@code time.Parse(time.RFC3339, s)}, which {@code metav1.Time.UnmarshalJSON} calls: the general layout walker,
 * which is laxer than RFC 3339 (a one-digit hour, a comma before fractional seconds) and words its errors its own way.
 */
final class GoTime {

    static final String RFC3339 = "2006-01-02T15:04:05Z07:00";

    private GoTime() {
    }

    private enum Std { YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, ZONE }

    /** One step of the layout: the literal text before a field, and the field as the layout spells it. */
    private record Chunk(String prefix, Std std, String stdText) {
    }

    private static final Chunk[] LAYOUT = {
        new Chunk("", Std.YEAR, "2006"),
        new Chunk("-", Std.MONTH, "01"),
        new Chunk("-", Std.DAY, "02"),
        new Chunk("T", Std.HOUR, "15"),
        new Chunk(":", Std.MINUTE, "04"),
        new Chunk(":", Std.SECOND, "05"),
        new Chunk("", Std.ZONE, "Z07:00"),
    };

    /** Null when the value parses; otherwise Go's error message. */
    static String parseError(String value) {
        String rest = value;
        int year = 0;
        int month = 0;
        int day = 0;
        for (Chunk c : LAYOUT) {
            if (!rest.startsWith(c.prefix())) {
                return cannotParse(value, rest, c.prefix());
            }
            rest = rest.substring(c.prefix().length());
            String hold = rest;
            String range = null;
            boolean bad = false;
            switch (c.std()) {
                case YEAR -> {
                    if (rest.length() < 4 || !isDigit(rest, 0) || !allDigits(rest.substring(0, 4))) {
                        bad = true;
                    } else {
                        year = Integer.parseInt(rest.substring(0, 4));
                        rest = rest.substring(4);
                    }
                }
                case MONTH, DAY, MINUTE, SECOND, HOUR -> {
                    boolean fixed = c.std() != Std.HOUR;
                    int[] n = getnum(rest, fixed);
                    if (n == null) {
                        bad = true;
                        break;
                    }
                    rest = rest.substring(n[1]);
                    switch (c.std()) {
                        case MONTH -> {
                            month = n[0];
                            range = month <= 0 || month > 12 ? "month" : null;
                        }
                        case DAY -> day = n[0];
                        case HOUR -> range = n[0] >= 24 ? "hour" : null;
                        case MINUTE -> range = n[0] >= 60 ? "minute" : null;
                        default -> {
                            range = n[0] >= 60 ? "second" : null;
                            if (range == null && rest.length() >= 2 && (rest.charAt(0) == '.'
                                    || rest.charAt(0) == ',') && isDigit(rest, 1)) {
                                int end = 2;
                                while (end < rest.length() && isDigit(rest, end)) {
                                    end++;
                                }
                                rest = rest.substring(end);
                            }
                        }
                    }
                }
                case ZONE -> {
                    if (!rest.isEmpty() && rest.charAt(0) == 'Z') {
                        rest = rest.substring(1);
                    } else if (rest.length() < 6 || rest.charAt(3) != ':') {
                        bad = true;
                    } else {
                        int[] hr = getnum(rest.substring(1, 3), true);
                        int[] mm = hr == null ? null : getnum(rest.substring(4, 6), true);
                        char sign = rest.charAt(0);
                        rest = rest.substring(6);
                        if (hr == null || mm == null) {
                            bad = true;
                        } else {
                            if (hr[0] > 24) {
                                range = "time zone offset hour";
                            }
                            if (mm[0] > 60) {
                                range = "time zone offset minute";
                            }
                            if (sign != '+' && sign != '-') {
                                bad = true;
                            }
                        }
                    }
                }
            }
            if (range != null) {
                return "parsing time " + quote(value) + ": " + range + " out of range";
            }
            if (bad) {
                return cannotParse(value, hold, c.stdText());
            }
        }
        if (!rest.isEmpty()) {
            return "parsing time " + quote(value) + ": extra text: " + quote(rest);
        }
        if (day < 1 || day > daysIn(month, year)) {
            return "parsing time " + quote(value) + ": day out of range";
        }
        return null;
    }

    private static String cannotParse(String value, String valueElem, String layoutElem) {
        return "parsing time " + quote(value) + " as " + quote(RFC3339) + ": cannot parse " + quote(valueElem)
                + " as " + quote(layoutElem);
    }

    /** time's getnum: one or two leading digits; {@code fixed} demands two. Returns {value, length} or null. */
    private static int[] getnum(String s, boolean fixed) {
        if (!isDigit(s, 0)) {
            return null;
        }
        if (!isDigit(s, 1)) {
            return fixed ? null : new int[] {s.charAt(0) - '0', 1};
        }
        return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
    }

    private static boolean isDigit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return switch (month) {
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** time's own quote: ASCII printable as is, every byte of anything else as {@code \xNN}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp >= 0x80 || cp < ' ') {
                for (byte b : s.substring(i, i + n).getBytes(StandardCharsets.UTF_8)) {
                    out.append("\\x").append(Character.forDigit((b >> 4) & 0xf, 16))
                            .append(Character.forDigit(b & 0xf, 16));
                }
            } else {
                if (cp == '"' || cp == '\\') {
                    out.append('\\');
                }
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out.append('"').toString();
    }
}
