package dev.trafficengineer.promql.bench;

import dev.trafficengineer.promql.ParseOptions;
import dev.trafficengineer.promql.ParseResult;
import dev.trafficengineer.promql.PromQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Parse + type-check throughput over a query corpus (one query a line, {@code #} lines skipped), on the calling
 * thread: a warm-up so the JIT has compiled the hot paths, then timed rounds over the whole corpus. Run by
 * {@code bench/promql.sh}; not a unit test.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes dev.trafficengineer.promql.bench.PromqlBench CORPUS
 * [warmupSeconds] [measureSeconds]}. Prints one line: {@code java queries=N rounds=R seconds=S qps=Q}.
 */
public final class PromqlBench {

    private PromqlBench() {}

    public static void main(String[] args) throws IOException {
        List<String> corpus = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
        double warmup = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double measure = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        long sink = 0;
        sink += run(corpus, warmup)[1];
        long[] r = run(corpus, measure);
        long queries = r[0];
        double seconds = r[2] / 1e9;
        sink += r[1];
        System.out.printf("java queries=%d rounds=%d seconds=%.3f qps=%.0f failed=%d%n", queries,
                queries / corpus.size(), seconds, queries / seconds, sink);
    }

    /** Parses the corpus round after round for about {@code seconds}; returns queries, failures, nanos. */
    private static long[] run(List<String> corpus, double seconds) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long queries = 0;
        long failed = 0;
        long elapsed;
        do {
            for (String q : corpus) {
                ParseResult r = PromQL.parse(q, ParseOptions.DEFAULT);
                if (!r.ok()) {
                    failed++;
                }
            }
            queries += corpus.size();
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {queries, failed, elapsed};
    }
}
