package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.FunctionSignature;
import dev.trafficengineer.promql.ast.ValueType;
import java.util.List;
import java.util.Random;

/**
 * Writes random valid PromQL of a requested type, covering the syntax the parser must accept: every number and
 * string spelling, selectors with all matcher kinds and modifiers, all non-experimental functions with arguments of
 * the right types, aggregations, binary operators with their modifiers, unary signs, parentheses, subqueries.
 */
final class QueryGenerator {

    private static final List<FunctionSignature> FUNCTIONS =
            Functions.all().stream().filter(f -> !f.experimental()).toList();
    private static final String[] NAMES = {"up", "http_requests_total", "job:rate5m", "sum", "by", "offset",
        "node_cpu_seconds_total", "a", "start", "anchored", "and"};
    private static final String[] LABELS = {"job", "instance", "le", "pod", "on", "bool", "NaN", "_x1"};
    private static final String[] VALUES = {"\"api\"", "'a\\'b'", "`raw\\d`", "\"\\u00e9\\x41\\101\"",
        "\"台北\"", "\"😀\"", "\"\"", "\"5..\""};
    private static final String[] REGEXES = {"\".+\"", "\"a|b\"", "\"[a-z]*\"", "\"(?i)x\"", "\"\\\\d{2,3}\"",
        "\"\"", "`[[:alpha:]]+`"};
    private static final String[] NUMBERS = {"1", "0.5", ".5", "5.", "1e3", "2.5E-2", "0x1F", "0755", "Inf",
        "-Inf", "NaN", "1_000", "08", "5m", "1h30m", "250ms"};
    private static final String[] DURATIONS = {"5m", "1h", "30s", "1h30m", "90", "0.5", "1d", "2w", "1y",
        "500ms"};
    private static final String[] DURATION_EXPRS = {"5m", "1h", "2m+30s", "(5m)", "step()", "range()",
        "max_of(step(), 5m)", "min_of(1h, 2*30m)", "-(-5m)", "10m/2", "3^2"};
    private static final String[] ARITH = {"+", "-", "*", "/", "%", "^", "atan2"};
    private static final String[] CMP = {"==", "!=", ">", "<", ">=", "<="};
    private static final String[] SET = {"and", "or", "unless"};
    private static final String[] AGGS = {"sum", "avg", "count", "min", "max", "group", "stddev", "stdvar"};

    private final Random r;

    QueryGenerator(Random r) {
        this.r = r;
    }

    private String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    private String space() {
        return switch (r.nextInt(6)) {
            case 0 -> "";
            case 1 -> "  ";
            case 2 -> "\n";
            default -> " ";
        };
    }

    /** An arithmetic operator; a word operator needs spaces around it. */
    private String arith() {
        String op = pick(ARITH);
        return Character.isLetter(op.charAt(0)) ? " " + op + " " : space() + op + space();
    }

    String expr(ValueType type, int depth) {
        return switch (type) {
            case SCALAR -> scalar(depth);
            case STRING -> pick(VALUES);
            case RANGE_VECTOR -> range(depth);
            case INSTANT_VECTOR -> vector(depth);
        };
    }

    private String scalar(int depth) {
        int choice = depth <= 0 ? 0 : r.nextInt(7);
        return switch (choice) {
            case 0, 1 -> pick(NUMBERS);
            case 2 -> "(" + scalar(depth - 1) + ")";
            case 3 -> "scalar(" + vector(depth - 1) + ")";
            case 4 -> scalar(depth - 1) + arith() + scalar(depth - 1);
            case 5 -> scalar(depth - 1) + " " + pick(CMP) + " bool " + scalar(depth - 1);
            default -> (r.nextBoolean() ? "-" : "+") + "(" + scalar(depth - 1) + ")";
        };
    }

    private String range(int depth) {
        if (depth <= 0 || r.nextInt(3) > 0) {
            return selector() + "[" + pick(DURATION_EXPRS) + "]" + modifiers();
        }
        String step = r.nextBoolean() ? "" : pick(DURATIONS);
        return "(" + vector(depth - 1) + ")[" + pick(DURATIONS) + ":" + step + "]" + modifiers();
    }

    private String selector() {
        StringBuilder b = new StringBuilder();
        boolean named = r.nextInt(5) > 0;
        if (named) {
            b.append(pick(NAMES));
        }
        int n = named ? r.nextInt(3) : 1 + r.nextInt(2);
        if (n == 0 && r.nextBoolean()) {
            return b.toString();
        }
        b.append('{');
        if (!named) {
            b.append(r.nextBoolean() ? "\"some.metric\"" : "job=\"x\"");
            if (n > 1) {
                b.append(",");
            }
            n--;
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(",").append(space());
            }
            String label = r.nextInt(6) == 0 ? "\"a.b\"" : pick(LABELS);
            switch (r.nextInt(4)) {
                case 0 -> b.append(label).append("=").append(pick(VALUES));
                case 1 -> b.append(label).append("!=").append(pick(VALUES));
                case 2 -> b.append(label).append("=~").append(pick(REGEXES));
                default -> b.append(label).append("!~").append(pick(REGEXES));
            }
        }
        if (b.charAt(b.length() - 1) != '{' && r.nextInt(4) == 0) {
            b.append(",");
        }
        return b.append('}').toString();
    }

    private String modifiers() {
        StringBuilder b = new StringBuilder();
        if (r.nextInt(4) == 0) {
            b.append(" @ ").append(r.nextBoolean() ? "1609459200" : "start()");
        }
        if (r.nextInt(4) == 0) {
            // an unsigned "(...)" offset would swallow a following operator (see Parser.parseOffsetDuration)
            b.append(" offset ").append(pick(new String[] {"-5m", "-(1h+5m)", "step()", "1h", "max_of(1m, 2m)"}));
        }
        return b.toString();
    }

    private String vector(int depth) {
        int choice = depth <= 0 ? 0 : r.nextInt(9);
        return switch (choice) {
            case 0, 1 -> selector() + modifiers();
            case 2 -> call(depth);
            case 3 -> aggregation(depth);
            // binary expressions are parenthesised: nested unparenthesised, precedence could regroup them into a
            // scalar-vector pair with a matching clause, which Prometheus (rightly) rejects
            case 4 -> "(" + (r.nextBoolean()
                    ? vector(depth - 1) + arith() + matching(false) + space() + vector(depth - 1)
                    : vector(depth - 1) + arith() + scalar(depth - 1)) + ")";
            case 5 -> "(" + vector(depth - 1) + " " + pick(CMP) + (r.nextBoolean() ? " bool" : "") + matching(false)
                    + " " + vector(depth - 1) + ")";
            case 6 -> "(" + vector(depth - 1) + " " + pick(SET) + matching(true) + " " + vector(depth - 1) + ")";
            case 7 -> "-" + vector(depth - 1);
            default -> "(" + vector(depth - 1) + ")";
        };
    }

    private String matching(boolean set) {
        return switch (r.nextInt(5)) {
            case 0 -> " on(job, instance)";
            case 1 -> " ignoring(pod)";
            case 2 -> set ? " on()" : " on(job) group_left(instance)";
            case 3 -> set ? "" : " ignoring(le) group_right()";
            default -> "";
        };
    }

    private String call(int depth) {
        while (true) {
            FunctionSignature f = FUNCTIONS.get(r.nextInt(FUNCTIONS.size()));
            if (f.returnType() != ValueType.INSTANT_VECTOR) {
                continue;
            }
            int max = f.maxArgs() < 0 ? f.minArgs() + 2 : f.maxArgs();
            int n = f.minArgs() + r.nextInt(max - f.minArgs() + 1);
            StringBuilder b = new StringBuilder(f.name()).append('(');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(",").append(space());
                }
                b.append(expr(f.argType(i), depth - 1));
            }
            return b.append(')').toString();
        }
    }

    private String aggregation(int depth) {
        String grouping = switch (r.nextInt(4)) {
            case 0 -> " by (job, \"service.name\")";
            case 1 -> " without (instance)";
            case 2 -> " by ()";
            default -> "";
        };
        boolean before = r.nextBoolean();
        String body;
        String op;
        switch (r.nextInt(5)) {
            case 0 -> {
                op = r.nextBoolean() ? "topk" : "quantile";
                body = "(" + scalar(0) + ", " + vector(depth - 1) + ")";
            }
            case 1 -> {
                op = "count_values";
                body = "(" + pick(VALUES) + ", " + vector(depth - 1) + ")";
            }
            default -> {
                op = pick(AGGS);
                body = "(" + vector(depth - 1) + ")";
            }
        }
        return before ? op + grouping + " " + body : op + body + grouping;
    }
}
