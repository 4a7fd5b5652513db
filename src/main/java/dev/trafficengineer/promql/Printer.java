package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.AtModifier;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Cardinality;
import dev.trafficengineer.promql.ast.DurationBinary;
import dev.trafficengineer.promql.ast.DurationCall;
import dev.trafficengineer.promql.ast.DurationExpr;
import dev.trafficengineer.promql.ast.DurationNegation;
import dev.trafficengineer.promql.ast.DurationParen;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.LabelMatcher;
import dev.trafficengineer.promql.ast.MatrixSelector;
import dev.trafficengineer.promql.ast.Modifiers;
import dev.trafficengineer.promql.ast.NumberLiteral;
import dev.trafficengineer.promql.ast.ParenExpr;
import dev.trafficengineer.promql.ast.StringLiteral;
import dev.trafficengineer.promql.ast.SubqueryExpr;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.VectorMatching;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an expression as canonical PromQL, in the style of upstream's {@code printer.go}
 * ({@code sum by (job) (rate(x[5m]))}, spaces around binary operators). Parentheses are nodes of the tree, so
 * printing a parsed tree never needs to add any; the output parses back to an equal tree (positions aside).
 */
public final class Printer {

    private final StringBuilder out = new StringBuilder(64);

    private Printer() {}

    public static String print(Expr e) {
        Printer p = new Printer();
        p.write(e);
        return p.out.toString();
    }

    /** A duration in seconds as PromQL writes it: {@code 1h30m}, {@code 15s}, {@code 250ms}. */
    public static String formatDuration(double seconds) {
        return durationLiteral(seconds);
    }

    /** A number as PromQL writes it: {@code 0.5}, {@code 1e-7}, {@code Inf}. */
    public static String formatNumber(double value) {
        return number(value);
    }

    public static String print(DurationExpr d) {
        Printer p = new Printer();
        p.duration(d);
        return p.out.toString();
    }

    private void write(Expr e) {
        if (e instanceof NumberLiteral n) {
            out.append(n.duration() ? durationLiteral(n.value()) : number(n.value()));
        } else if (e instanceof StringLiteral s) {
            out.append(quote(s.value()));
        } else if (e instanceof VectorSelector vs) {
            selector(vs);
            modifiers(vs.modifiers());
        } else if (e instanceof MatrixSelector m) {
            selector(m.selector());
            out.append('[');
            duration(m.range());
            out.append(']');
            modifiers(m.selector().modifiers());
        } else if (e instanceof SubqueryExpr s) {
            subqueries(s);
        } else if (e instanceof Call c) {
            out.append(c.name()).append('(');
            arguments(c.args());
            out.append(')');
        } else if (e instanceof AggregateExpr a) {
            aggregate(a);
        } else if (e instanceof BinaryExpr b) {
            binaries(b);
        } else if (e instanceof UnaryExpr u) {
            out.append(u.negative() ? '-' : '+');
            write(u.expr());
        } else {
            out.append('(');
            write(((ParenExpr) e).expr());
            out.append(')');
        }
    }

    private void arguments(List<Expr> args) {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(args.get(i));
        }
    }

    private void aggregate(AggregateExpr a) {
        out.append(a.op().keyword());
        if (a.without() || !a.grouping().isEmpty()) {
            out.append(a.without() ? " without (" : " by (");
            labelList(a.grouping());
            out.append(") ");
        }
        out.append('(');
        if (a.param() != null) {
            write(a.param());
            out.append(", ");
        }
        write(a.expr());
        out.append(')');
    }

    /** A left-deep chain of binary operations, printed in a loop so that long chains cannot overflow the stack. */
    private void binaries(BinaryExpr top) {
        List<BinaryExpr> spine = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof BinaryExpr b) {
            spine.add(b);
            cur = b.lhs();
        }
        write(cur);
        for (int i = spine.size() - 1; i >= 0; i--) {
            BinaryExpr b = spine.get(i);
            out.append(' ').append(b.op().symbol());
            if (b.returnBool()) {
                out.append(" bool");
            }
            matching(b.matching(), startsWithParen(b.rhs()));
            out.append(' ');
            write(b.rhs());
        }
    }

    private void matching(VectorMatching m, boolean rhsStartsWithParen) {
        if (m.on()) {
            out.append(" on (");
            labelList(m.labels());
            out.append(')');
        } else if (!m.labels().isEmpty()) {
            out.append(" ignoring (");
            labelList(m.labels());
            out.append(')');
        }
        if (m.cardinality() == Cardinality.MANY_TO_ONE || m.cardinality() == Cardinality.ONE_TO_MANY) {
            out.append(m.cardinality() == Cardinality.MANY_TO_ONE ? " group_left" : " group_right");
            // Without labels, a "(" that follows would be read as the label list.
            if (!m.include().isEmpty() || rhsStartsWithParen) {
                out.append(" (");
                labelList(m.include());
                out.append(')');
            }
        }
        if (m.fillLeft() != null && m.fillRight() != null && m.fillLeft().equals(m.fillRight())) {
            out.append(" fill(").append(number(m.fillLeft())).append(')');
        } else {
            if (m.fillLeft() != null) {
                out.append(" fill_left(").append(number(m.fillLeft())).append(')');
            }
            if (m.fillRight() != null) {
                out.append(" fill_right(").append(number(m.fillRight())).append(')');
            }
        }
    }

    /** Whether the printed expression begins with "(". */
    private static boolean startsWithParen(Expr e) {
        while (true) {
            if (e instanceof ParenExpr) {
                return true;
            } else if (e instanceof BinaryExpr b) {
                e = b.lhs();
            } else if (e instanceof SubqueryExpr s) {
                e = s.expr();
            } else {
                return false;
            }
        }
    }

    private void subqueries(SubqueryExpr top) {
        List<SubqueryExpr> chain = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof SubqueryExpr s) {
            chain.add(s);
            cur = s.expr();
        }
        write(cur);
        for (int i = chain.size() - 1; i >= 0; i--) {
            SubqueryExpr s = chain.get(i);
            out.append('[');
            duration(s.range());
            out.append(':');
            if (s.step() != null) {
                duration(s.step());
            }
            out.append(']');
            modifiers(s.modifiers());
        }
    }

    private void selector(VectorSelector vs) {
        if (vs.name() != null) {
            out.append(vs.name());
            if (vs.matchers().isEmpty()) {
                return;
            }
        }
        out.append('{');
        for (int i = 0; i < vs.matchers().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            LabelMatcher m = vs.matchers().get(i);
            out.append(labelName(m.name())).append(m.op().symbol()).append(quote(m.value()));
        }
        out.append('}');
    }

    private void modifiers(Modifiers m) {
        AtModifier at = m.at();
        if (at != null) {
            switch (at.anchor()) {
                case START -> out.append(" @ start()");
                case END -> out.append(" @ end()");
                case TIMESTAMP -> out.append(" @ ")
                        .append(BigDecimal.valueOf(at.timestampMillis()).movePointLeft(3).toPlainString());
            }
        }
        if (m.offset() != null) {
            out.append(" offset ");
            duration(m.offset());
        }
        if (m.anchored()) {
            out.append(" anchored");
        }
        if (m.smoothed()) {
            out.append(" smoothed");
        }
    }

    private void duration(DurationExpr d) {
        if (d instanceof NumberLiteral n) {
            out.append(n.duration() ? durationLiteral(n.value()) : number(n.value()));
        } else if (d instanceof DurationBinary top) {
            List<DurationBinary> spine = new ArrayList<>();
            DurationExpr cur = top;
            while (cur instanceof DurationBinary b) {
                spine.add(b);
                cur = b.lhs();
            }
            duration(cur);
            for (int i = spine.size() - 1; i >= 0; i--) {
                out.append(' ').append(spine.get(i).op().symbol()).append(' ');
                duration(spine.get(i).rhs());
            }
        } else if (d instanceof DurationNegation n) {
            out.append('-');
            duration(n.operand());
        } else if (d instanceof DurationParen p) {
            out.append('(');
            duration(p.inner());
            out.append(')');
        } else {
            DurationCall c = (DurationCall) d;
            out.append(c.function().keyword()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                duration(c.args().get(i));
            }
            out.append(')');
        }
    }

    private void labelList(List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            String l = labels.get(i);
            // Grouping lists read keywords as labels, except "without"; inf and nan lex as numbers.
            boolean bare = isLegacyName(l, false) && !l.equalsIgnoreCase("without") && !l.equalsIgnoreCase("inf")
                    && !l.equalsIgnoreCase("nan");
            out.append(bare ? l : quote(l));
        }
    }

    private static String labelName(String name) {
        return isLegacyName(name, false) ? name : quote(name);
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, plus {@code :} for metric names. */
    static boolean isLegacyName(String s, boolean colons) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (colons && c == ':')
                    || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted literal that lexes back to {@code s}; U+FFFD is escaped because the lexer rejects it raw. */
    static String quote(String s) {
        String q = GoText.quote(s);
        return q.indexOf('\uFFFD') < 0 ? q : q.replace("\uFFFD", "\\ufffd");
    }

    /**
     * A decimal that reads back as {@code v}. Positive infinity prints as {@code Inf}, not upstream's {@code +Inf}:
     * a leading sign would be read as a unary operator, which binds looser than {@code ^} ({@code +Inf ^ 2} is
     * {@code +(Inf ^ 2)}).
     */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        // Double.toString gives "1.0E-5"; PromQL reads exponents, but not a trailing ".0" before "E" in every
        // case we care about, so normalise to plain or e-notation without the ".0".
        return s.replace(".0E", "e").replace("E", "e");
    }

    /** A duration literal as prometheus/common's {@code model.Duration.String()} writes it. */
    static String durationLiteral(double seconds) {
        if (seconds < 0) {
            return "-" + durationLiteral(-seconds);
        }
        long ms = GoNumbers.toInt64(GoNumbers.round(seconds * 1000));
        if (ms == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long[] units = {365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600L * 1000, 60L * 1000,
            1000, 1};
        String[] names = {"y", "w", "d", "h", "m", "s", "ms"};
        for (int i = 0; i < units.length; i++) {
            // years and weeks only when they divide evenly: "90d" reads better than "12w6d"
            if (i < 2 && ms % units[i] != 0) {
                continue;
            }
            long v = ms / units[i];
            if (v > 0) {
                b.append(v).append(names[i]);
                ms -= v * units[i];
            }
        }
        return b.toString();
    }
}
