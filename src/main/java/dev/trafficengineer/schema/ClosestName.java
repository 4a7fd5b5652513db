package dev.trafficengineer.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a misspelt one was most likely meant to be: {@code metdata} → {@code metadata},
 * {@code triggrs} → {@code triggers}, {@code scaletargetref} → {@code scaleTargetRef}, and the KEDA habit of
 * writing HPA names, {@code minReplicas} → {@code minReplicaCount}.
 */
final class ClosestName {

    private ClosestName() {}

    static Optional<String> among(String unknown, Collection<String> known) {
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        String u = unknown.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            String c = candidate.toLowerCase(Locale.ROOT);
            int score;
            if (c.equals(u)) {
                score = 0;
            } else {
                int allowed = allowedEdits(u);
                int d = Math.abs(u.length() - c.length()) > allowed ? Integer.MAX_VALUE : distance(u, c);
                if (d <= allowed) {
                    score = 1 + d;
                } else if (sharesStem(u, c)) {
                    score = 10 + Math.abs(c.length() - u.length());
                } else {
                    continue;
                }
            }
            if (score < bestScore || score == bestScore && candidate.compareTo(best) < 0) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** One edit for short names, up to three for long ones: more would suggest unrelated names. */
    private static int allowedEdits(String name) {
        return Math.max(1, Math.min(3, name.length() / 4));
    }

    /** Both start with the same word of at least 6 letters ({@code minReplica}s / {@code minReplica}Count). */
    private static boolean sharesStem(String a, String b) {
        String stem = a.endsWith("s") ? a.substring(0, a.length() - 1) : a;
        return stem.length() >= 6 && b.startsWith(stem) || b.length() >= 6 && a.startsWith(b);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
