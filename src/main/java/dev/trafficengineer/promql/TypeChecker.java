package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.BinaryOp;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Cardinality;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.FunctionSignature;
import dev.trafficengineer.promql.ast.LabelMatcher;
import dev.trafficengineer.promql.ast.MatchOp;
import dev.trafficengineer.promql.ast.MatrixSelector;
import dev.trafficengineer.promql.ast.NumberLiteral;
import dev.trafficengineer.promql.ast.ParenExpr;
import dev.trafficengineer.promql.ast.PositionRange;
import dev.trafficengineer.promql.ast.StringLiteral;
import dev.trafficengineer.promql.ast.SubqueryExpr;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.ValueType;
import dev.trafficengineer.promql.ast.VectorMatching;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * The static checks upstream runs after a successful parse ({@code checkAST} in {@code promql/parser/parse.go}),
 * in the same order, so that the first error is upstream's first error. Pure: it reads the tree and the query text
 * (for the operator ranges upstream computes from it) and returns the type or throws {@link ParseFailure}.
 *
 * <p>Chains of binary operations and of subqueries can be thousands of nodes deep without any nesting in the text
 * ({@code a - b - c - ...}); they are walked in loops, so the recursion depth is bounded by the parser's nesting
 * limit.
 */
final class TypeChecker {

    private final Tokens tokens;

    private TypeChecker(Tokens tokens) {
        this.tokens = tokens;
    }

    static ValueType check(Expr e, Tokens tokens) {
        return new TypeChecker(tokens).check(e, false);
    }

    private ParseFailure fail(String message, PositionRange at) {
        return new ParseFailure(new ParseError(message, at.start(), at.end(), ParseError.Kind.TYPE));
    }

    /** {@code labelSelectorOnly}: the second argument of {@code info()}, exempt from the empty-matcher rule. */
    private ValueType check(Expr node, boolean labelSelectorOnly) {
        if (node instanceof BinaryExpr b) {
            return checkBinaryChain(b);
        }
        if (node instanceof SubqueryExpr s) {
            return checkSubqueryChain(s);
        }
        if (node instanceof AggregateExpr a) {
            expectType(a.expr(), ValueType.INSTANT_VECTOR, "aggregation expression");
            if (a.op().hasParam()) {
                expectType(a.param(), a.op().paramType(), "aggregation parameter");
            }
            return ValueType.INSTANT_VECTOR;
        }
        if (node instanceof Call c) {
            return checkCall(c);
        }
        if (node instanceof ParenExpr p) {
            return check(p.expr(), false);
        }
        if (node instanceof UnaryExpr u) {
            ValueType t = check(u.expr(), false);
            if (t != ValueType.SCALAR && t != ValueType.INSTANT_VECTOR) {
                throw fail("unary expression only allowed on expressions of type scalar or instant vector, got "
                        + GoText.quote(t.documentedName()), u.position());
            }
            return t;
        }
        if (node instanceof MatrixSelector m) {
            check(m.selector(), false);
            return ValueType.RANGE_VECTOR;
        }
        if (node instanceof VectorSelector vs) {
            checkSelector(vs, labelSelectorOnly);
            return ValueType.INSTANT_VECTOR;
        }
        if (node instanceof NumberLiteral) {
            return ValueType.SCALAR;
        }
        if (node instanceof StringLiteral) {
            return ValueType.STRING;
        }
        throw new IllegalStateException("unknown node " + node.getClass());
    }

    private void expectType(Expr e, ValueType want, String context) {
        ValueType got = check(e, false);
        if (got != want) {
            throw fail("expected type " + want.documentedName() + " in " + context + ", got " + got.documentedName(),
                    e.position());
        }
    }

    private void checkSelector(VectorSelector vs, boolean labelSelectorOnly) {
        if (vs.name() != null) {
            for (LabelMatcher m : vs.matchers()) {
                if (m.isMetricName()) {
                    throw fail("metric name must not be set twice: " + GoText.quote(vs.name()) + " or "
                            + GoText.quote(m.value()), vs.position());
                }
            }
            return;
        }
        if (labelSelectorOnly) {
            return;
        }
        for (LabelMatcher m : vs.matchers()) {
            if (!matchesEmpty(m)) {
                return;
            }
        }
        throw fail("vector selector must contain at least one non-empty matcher", vs.position());
    }

    /** Upstream's {@code Matcher.Matches("")}. */
    static boolean matchesEmpty(LabelMatcher m) {
        MatchOp op = m.op();
        boolean matches;
        if (op.isRegex()) {
            matches = Re2Syntax.analyze(m.value()).matchesEmpty();
        } else {
            matches = m.value().isEmpty();
        }
        return op.isNegative() != matches;
    }

    private ValueType checkCall(Call c) {
        FunctionSignature fn = c.function();
        int declared = fn.argTypes().size();
        int n = c.args().size();
        String quotedName = GoText.quote(fn.name());
        if (fn.variadic() == 0) {
            if (declared != n) {
                throw fail("expected " + declared + " argument(s) in call to " + quotedName + ", got " + n,
                        c.position());
            }
        } else {
            int least = declared - 1;
            if (least > n) {
                throw fail("expected at least " + least + " argument(s) in call to " + quotedName + ", got " + n,
                        c.position());
            }
            int most = least + fn.variadic();
            if (fn.variadic() > 0 && most < n) {
                throw fail("expected at most " + most + " argument(s) in call to " + quotedName + ", got " + n,
                        c.position());
            }
        }
        boolean infoSelector = false;
        if (fn.name().equals("info") && n > 1) {
            Expr second = c.args().get(1);
            ValueType t = second.type();
            if (t != ValueType.INSTANT_VECTOR) {
                throw fail("expected type instant vector in call to function " + quotedName + ", got "
                        + t.documentedName(), c.position());
            }
            if (second instanceof VectorSelector vs) {
                if (vs.name() != null) {
                    throw fail("expected label selectors only, got vector selector instead", second.position());
                }
                infoSelector = true;
            } else {
                throw fail("expected label selectors only", second.position());
            }
        }
        for (int i = 0; i < n; i++) {
            if (i >= declared && fn.variadic() == 0) {
                break;
            }
            Expr arg = c.args().get(i);
            ValueType want = fn.argType(i);
            ValueType got = check(arg, infoSelector && i == 1);
            if (got != want) {
                throw fail("expected type " + want.documentedName() + " in call to function " + quotedName + ", got "
                        + got.documentedName(), arg.position());
            }
        }
        return fn.returnType();
    }

    /** A left-deep chain of binary operations, innermost first, as upstream's recursion visits it. */
    private ValueType checkBinaryChain(BinaryExpr top) {
        List<BinaryExpr> spine = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof BinaryExpr b) {
            spine.add(b);
            cur = b.lhs();
        }
        ValueType lt = check(cur, false);
        for (int i = spine.size() - 1; i >= 0; i--) {
            BinaryExpr b = spine.get(i);
            ValueType rt = check(b.rhs(), false);
            lt = checkBinary(b, lt, rt);
        }
        return lt;
    }

    private ValueType checkBinary(BinaryExpr n, ValueType lt, ValueType rt) {
        BinaryOp op = n.op();
        VectorMatching m = n.matching();
        if (n.returnBool() && !op.isComparison()) {
            throw fail("bool modifier can only be used on comparison operators", operatorRange(n));
        }
        if (op.isComparison() && !n.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw fail("comparisons between scalars must use BOOL modifier", operatorRange(n));
        }
        if (m.on()) {
            for (String l1 : m.labels()) {
                for (String l2 : m.include()) {
                    if (l1.equals(l2)) {
                        throw fail("label " + GoText.quote(l1) + " must not occur in ON and GROUP clause at once",
                                operatorRange(n));
                    }
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.INSTANT_VECTOR) {
            throw fail("binary expression must contain only scalar and instant vector types", n.lhs().position());
        }
        if (rt != ValueType.SCALAR && rt != ValueType.INSTANT_VECTOR) {
            throw fail("binary expression must contain only scalar and instant vector types", n.rhs().position());
        }
        boolean bothVectors = lt == ValueType.INSTANT_VECTOR && rt == ValueType.INSTANT_VECTOR;
        if (!bothVectors) {
            if (!m.labels().isEmpty()) {
                throw fail("vector matching only allowed between instant vectors", n.position());
            }
            if (m.hasFill()) {
                throw fail("filling in missing series only allowed between instant vectors", n.position());
            }
        } else if (op.isSetOperator()) {
            Cardinality card = m.cardinality();
            if (card == Cardinality.ONE_TO_MANY || card == Cardinality.MANY_TO_ONE) {
                throw fail("no grouping allowed for " + GoText.quote(op.symbol()) + " operation", n.position());
            }
            if (card != Cardinality.MANY_TO_MANY) {
                throw fail("set operations must always be many-to-many", n.position());
            }
            if (m.hasFill()) {
                throw fail("filling in missing series not allowed for set operators", n.position());
            }
        }
        if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && op.isSetOperator()) {
            throw fail("set operator " + GoText.quote(op.symbol()) + " not allowed in binary scalar expression",
                    n.position());
        }
        return lt == ValueType.SCALAR && rt == ValueType.SCALAR ? ValueType.SCALAR : ValueType.INSTANT_VECTOR;
    }

    /**
     * The operator part of a binary expression, as upstream computes it: from the end of the left side, skipping
     * spaces, to the last non-space character before the right side (upstream uses that character's index as the
     * exclusive end, so the range stops one character short; reproduced as is).
     */
    private PositionRange operatorRange(BinaryExpr n) {
        String in = tokens.input;
        int start = tokens.charIndex(n.lhs().position().end());
        while (start < in.length() && Lexer.isSpace(in.charAt(start))) {
            start++;
        }
        int end = tokens.charIndex(n.rhs().position().start()) - 1;
        while (end > 0 && Lexer.isSpace(in.charAt(end))) {
            end--;
        }
        return new PositionRange(tokens.cp(start), Math.max(tokens.cp(start), tokens.cp(end)));
    }

    /** A chain of subqueries ({@code x[1m:][1m:]...}), innermost first. */
    private ValueType checkSubqueryChain(SubqueryExpr top) {
        List<SubqueryExpr> chain = new ArrayList<>();
        Expr cur = top;
        while (cur instanceof SubqueryExpr s) {
            chain.add(s);
            cur = s.expr();
        }
        ValueType t = check(cur, false);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (t != ValueType.INSTANT_VECTOR) {
                throw fail("subquery is only allowed on instant vector, got " + t.apiName() + " instead",
                        chain.get(i).position());
            }
            t = ValueType.RANGE_VECTOR;
        }
        return t;
    }
}
