package dev.trafficengineer.draft;

import java.math.BigDecimal;

/** Reads the CPU and memory requests of requirements files: {@code 500m}, {@code 1.5}, {@code 512Mi}, {@code 1G}. */
final class Quantities {

    private Quantities() {}

    static long millicores(String cpu) {
        String s = cpu.trim();
        if (s.endsWith("m")) {
            return new BigDecimal(s.substring(0, s.length() - 1)).longValue();
        }
        return new BigDecimal(s).movePointRight(3).longValue();
    }

    static long bytes(String memory) {
        String s = memory.trim();
        String[][] suffixes = {{"Ki", "1024"}, {"Mi", "1048576"}, {"Gi", "1073741824"}, {"Ti", "1099511627776"},
            {"k", "1000"}, {"M", "1000000"}, {"G", "1000000000"}, {"T", "1000000000000"}};
        for (String[] suffix : suffixes) {
            if (s.endsWith(suffix[0])) {
                return new BigDecimal(s.substring(0, s.length() - suffix[0].length()))
                        .multiply(new BigDecimal(suffix[1])).longValue();
            }
        }
        return new BigDecimal(s).longValue();
    }

    /** 500 → "500m", 2000 → "2". */
    static String cpu(long millis) {
        return millis % 1000 == 0 ? String.valueOf(millis / 1000) : millis + "m";
    }
}
