package dev.trafficengineer.promql;

import dev.trafficengineer.promql.ast.AggregateExpr;
import dev.trafficengineer.promql.ast.AggregateOp;
import dev.trafficengineer.promql.ast.AtModifier;
import dev.trafficengineer.promql.ast.BinaryExpr;
import dev.trafficengineer.promql.ast.BinaryOp;
import dev.trafficengineer.promql.ast.Call;
import dev.trafficengineer.promql.ast.Cardinality;
import dev.trafficengineer.promql.ast.DurationBinary;
import dev.trafficengineer.promql.ast.DurationCall;
import dev.trafficengineer.promql.ast.DurationExpr;
import dev.trafficengineer.promql.ast.DurationNegation;
import dev.trafficengineer.promql.ast.DurationParen;
import dev.trafficengineer.promql.ast.Expr;
import dev.trafficengineer.promql.ast.FunctionSignature;
import dev.trafficengineer.promql.ast.LabelMatcher;
import dev.trafficengineer.promql.ast.MatchOp;
import dev.trafficengineer.promql.ast.MatrixSelector;
import dev.trafficengineer.promql.ast.Modifiers;
import dev.trafficengineer.promql.ast.NumberLiteral;
import dev.trafficengineer.promql.ast.ParenExpr;
import dev.trafficengineer.promql.ast.PositionRange;
import dev.trafficengineer.promql.ast.StringLiteral;
import dev.trafficengineer.promql.ast.SubqueryExpr;
import dev.trafficengineer.promql.ast.UnaryExpr;
import dev.trafficengineer.promql.ast.VectorMatching;
import dev.trafficengineer.promql.ast.VectorSelector;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written Pratt parser for PromQL that accepts and rejects what upstream's goyacc grammar
 * ({@code promql/parser/generated_parser.y}) does, with its error messages.
 *
 * <p>How upstream's messages are reproduced: a yacc parser reports a syntax error through the innermost rule on its
 * stack that has an {@code error} alternative ("unexpected X in grouping opts, expected label"). This parser keeps
 * the same information as an explicit stack of error contexts, pushed and popped around the constructs that have
 * such rules (aggregations, grouping labels, braces, brackets, {@code offset}, {@code @}). Semantic errors from
 * grammar actions (upstream's {@code addParseErr} calls in actions) are raised where the action would run. Parsing
 * stops at the first error, which is the one upstream reports.
 *
 * <p>Nesting of parentheses, calls and prefix/right-associative operators is limited to {@link #MAX_NESTING}
 * levels, so that hostile input ends in an error instead of a stack overflow; chains of left-associative operators
 * and of postfix modifiers are built in loops and are not limited.
 */
final class Parser {

    static final int MAX_NESTING = 256;

    private final Tokens t;
    private final ParseOptions options;
    private int p;
    private int depth;

    // The error-context stack; see the class comment.
    private int[] ctx = new int[16];
    private int ctxDepth;

    private static final int CTX_NONE = 0;
    private static final int CTX_AGGREGATION = 1;
    private static final int CTX_GROUPING_OPEN = 2;
    private static final int CTX_GROUPING_LABEL = 3;
    private static final int CTX_GROUPING_NEXT = 4;
    private static final int CTX_MATCHER_START = 5;
    private static final int CTX_MATCHER_OP = 6;
    private static final int CTX_MATCHER_VALUE = 7;
    private static final int CTX_MATCHER_NEXT = 8;
    private static final int CTX_OFFSET = 9;
    private static final int CTX_AT = 10;
    private static final int CTX_RANGE_FIRST = 11;
    private static final int CTX_RANGE_AFTER = 12;
    private static final int CTX_STEP_FIRST = 13;
    private static final int CTX_STEP_AFTER = 14;

    private static final String[] CONTEXT = {
        null,
        "aggregation",
        "grouping opts",
        "grouping opts",
        "grouping opts",
        "label matching",
        "label matching",
        "label matching",
        "label matching",
        "offset",
        "@",
        "subquery or range selector",
        "subquery or range",
        "subquery selector",
        "subquery selector"
    };

    private static final String[] EXPECTED = {
        null,
        null,
        "\"(\"",
        "label",
        "\",\" or \")\"",
        "identifier or \"}\"",
        "label matching operator",
        "string",
        "\",\" or \"}\"",
        "number, duration, step(), or range()",
        "timestamp",
        "number, duration, step(), or range()",
        "\":\" or \"]\"",
        "number, duration, step(), range(), or \"]\"",
        "\"]\""
    };

    private Parser(Tokens tokens, ParseOptions options) {
        this.t = tokens;
        this.options = options;
    }

    /** Parses a whole query; throws {@link ParseFailure} with the first error. */
    static Expr parse(Tokens tokens, ParseOptions options) {
        Parser parser = new Parser(tokens, options);
        if (parser.peek() == TokenKind.EOF) {
            throw parser.fail("no expression found in input", 0, 0);
        }
        Expr e = parser.parseExpr(0);
        if (parser.peek() != TokenKind.EOF) {
            throw parser.unexpected();
        }
        return e;
    }

    // ---- token access and errors ------------------------------------------------------------------------------

    /** The kind of the current item; reaching the lexer's error item reports it, as upstream's {@code Lex} does. */
    private TokenKind peek() {
        TokenKind k = t.kinds[p];
        if (k == TokenKind.ERROR) {
            throw new ParseFailure(new ParseError(t.errorMessage, t.cp(t.starts[p]), t.cp(t.input.length())));
        }
        return k;
    }

    private TokenKind peekSecond() {
        peek();
        if (t.kinds[p] == TokenKind.EOF) {
            return TokenKind.EOF;
        }
        int saved = p;
        p++;
        try {
            return peek();
        } finally {
            p = saved;
        }
    }

    private PositionRange range(int token) {
        return new PositionRange(t.cp(t.starts[token]), t.cp(t.ends[token]));
    }

    private PositionRange range(int fromToken, int toToken) {
        return new PositionRange(t.cp(t.starts[fromToken]), t.cp(t.ends[toToken]));
    }

    private static PositionRange span(PositionRange a, PositionRange b) {
        return new PositionRange(a.start(), b.end());
    }

    /** End of the last item consumed: upstream's {@code lastClosing} for the constructs that use it. */
    private int previousEnd() {
        return t.cp(t.ends[p - 1]);
    }

    private ParseFailure fail(String message, PositionRange at) {
        return new ParseFailure(new ParseError(message, at.start(), at.end()));
    }

    private ParseFailure fail(String message, int start, int end) {
        return new ParseFailure(new ParseError(message, start, end));
    }

    /** Upstream's {@code unexpected(context, expected)} for the current item and the innermost error context. */
    private ParseFailure unexpected() {
        TokenKind k = peek();
        int c = ctxDepth == 0 ? CTX_NONE : ctx[ctxDepth - 1];
        StringBuilder m = new StringBuilder("unexpected ").append(k.describe(t.text(p)));
        if (CONTEXT[c] != null) {
            m.append(" in ").append(CONTEXT[c]);
        }
        if (EXPECTED[c] != null) {
            m.append(", expected ").append(EXPECTED[c]);
        }
        return fail(m.toString(), range(p));
    }

    private void push(int context) {
        if (ctxDepth == ctx.length) {
            ctx = java.util.Arrays.copyOf(ctx, ctxDepth * 2);
        }
        ctx[ctxDepth++] = context;
    }

    private void setTop(int context) {
        ctx[ctxDepth - 1] = context;
    }

    private void pop() {
        ctxDepth--;
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw fail("expression nests too deeply: more than " + MAX_NESTING + " levels", range(p));
        }
    }

    private void expect(TokenKind kind) {
        if (peek() != kind) {
            throw unexpected();
        }
        p++;
    }

    // ---- expressions ------------------------------------------------------------------------------------------

    private Expr parseExpr(int minPrecedence) {
        enter();
        Expr left = parseUnary();
        while (true) {
            BinaryOp op = binaryOp(peek());
            if (op == null || op.precedence() < minPrecedence) {
                break;
            }
            p++;
            BinaryModifiers mods = parseBinaryModifiers();
            Expr rhs = parseExpr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            left = newBinary(op, left, rhs, mods);
        }
        depth--;
        return left;
    }

    private static BinaryOp binaryOp(TokenKind k) {
        switch (k) {
            case LOR: return BinaryOp.OR;
            case LAND: return BinaryOp.AND;
            case LUNLESS: return BinaryOp.UNLESS;
            case EQLC: return BinaryOp.EQL;
            case NEQ: return BinaryOp.NEQ;
            case GTR: return BinaryOp.GTR;
            case LSS: return BinaryOp.LSS;
            case GTE: return BinaryOp.GTE;
            case LTE: return BinaryOp.LTE;
            case TRIM_UPPER: return BinaryOp.TRIM_UPPER;
            case TRIM_LOWER: return BinaryOp.TRIM_LOWER;
            case ADD: return BinaryOp.ADD;
            case SUB: return BinaryOp.SUB;
            case MUL: return BinaryOp.MUL;
            case DIV: return BinaryOp.DIV;
            case MOD: return BinaryOp.MOD;
            case ATAN2: return BinaryOp.ATAN2;
            case POW: return BinaryOp.POW;
            default: return null;
        }
    }

    private record BinaryModifiers(boolean returnBool, VectorMatching matching) {}

    /** {@code bin_modifier}: {@code [bool] [on|ignoring (labels) [group_left|group_right [(labels)]]] [fill...]}. */
    private BinaryModifiers parseBinaryModifiers() {
        boolean returnBool = false;
        if (peek() == TokenKind.BOOL) {
            p++;
            returnBool = true;
        }
        boolean on = false;
        List<String> labels = List.of();
        Cardinality card = Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        TokenKind k = peek();
        if (k == TokenKind.ON || k == TokenKind.IGNORING) {
            p++;
            on = k == TokenKind.ON;
            labels = parseGroupingLabels();
            k = peek();
            if (k == TokenKind.GROUP_LEFT || k == TokenKind.GROUP_RIGHT) {
                p++;
                card = k == TokenKind.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
                if (peek() == TokenKind.LEFT_PAREN) {
                    include = parseGroupingLabels();
                }
            }
        }
        Double fillLeft = null;
        Double fillRight = null;
        k = peek();
        while (k == TokenKind.FILL || k == TokenKind.FILL_LEFT || k == TokenKind.FILL_RIGHT) {
            p++;
            expect(TokenKind.LEFT_PAREN);
            double v = parseSignedNumber();
            expect(TokenKind.RIGHT_PAREN);
            if (k != TokenKind.FILL_RIGHT) {
                fillLeft = v;
            }
            if (k != TokenKind.FILL_LEFT) {
                fillRight = v;
            }
            k = peek();
        }
        return new BinaryModifiers(returnBool, new VectorMatching(card, labels, on, include, fillLeft, fillRight));
    }

    private double parseSignedNumber() {
        double sign = 1;
        TokenKind k = peek();
        if (k == TokenKind.ADD || k == TokenKind.SUB) {
            sign = k == TokenKind.SUB ? -1 : 1;
            p++;
            k = peek();
        }
        if (k != TokenKind.NUMBER && k != TokenKind.DURATION) {
            throw unexpected();
        }
        double v = literalValue(p, k == TokenKind.DURATION);
        p++;
        return sign * v;
    }

    private Expr newBinary(BinaryOp op, Expr lhs, Expr rhs, BinaryModifiers mods) {
        PositionRange pos = span(lhs.position(), rhs.position());
        VectorMatching m = mods.matching();
        if (m.hasFill() && !options.binopFillModifiers()) {
            throw fail("binop fill modifiers are experimental and not enabled", pos);
        }
        if (op.isSetOperator() && m.cardinality() == Cardinality.ONE_TO_ONE) {
            // upstream's checkAST makes set operations many-to-many before checking them
            m = new VectorMatching(Cardinality.MANY_TO_MANY, m.labels(), m.on(), m.include(), m.fillLeft(),
                    m.fillRight());
        }
        return new BinaryExpr(op, lhs, rhs, mods.returnBool(), m, pos);
    }

    /** {@code unary_op expr %prec MUL}: the operand takes in {@code ^} and postfix modifiers, nothing looser. */
    private Expr parseUnary() {
        TokenKind k = peek();
        if (k != TokenKind.ADD && k != TokenKind.SUB) {
            return parsePostfix(parsePrimary());
        }
        int opToken = p;
        p++;
        Expr operand = parseExpr(BinaryOp.POW.precedence());
        int start = t.cp(t.starts[opToken]);
        if (operand instanceof NumberLiteral n) {
            double v = k == TokenKind.SUB ? -n.value() : n.value();
            return new NumberLiteral(v, n.duration(), new PositionRange(start, n.position().end()));
        }
        return new UnaryExpr(k == TokenKind.SUB, operand, new PositionRange(start, operand.position().end()));
    }

    private Expr parsePrimary() {
        TokenKind k = peek();
        switch (k) {
            case NUMBER: {
                double v = literalValue(p, false);
                p++;
                return new NumberLiteral(v, false, range(p - 1));
            }
            case DURATION: {
                double v = literalValue(p, true);
                p++;
                return new NumberLiteral(v, true, range(p - 1));
            }
            case STRING:
                p++;
                return new StringLiteral(GoStrings.unquote(t.text(p - 1)), range(p - 1));
            case LEFT_PAREN: {
                int open = p;
                p++;
                Expr inner = parseExpr(0);
                expect(TokenKind.RIGHT_PAREN);
                return new ParenExpr(inner, range(open, p - 1));
            }
            case LEFT_BRACE:
                return parseSelector(-1);
            case IDENTIFIER:
                if (peekSecond() == TokenKind.LEFT_PAREN) {
                    return parseCall();
                }
                return parseSelector(p);
            case START:
            case END:
            case STEP:
            case RANGE:
            case MAX_OF:
            case MIN_OF:
                if (peekSecond() == TokenKind.LEFT_PAREN) {
                    return parseCall();
                }
                return parseSelector(p);
            case METRIC_IDENTIFIER:
            case BY:
            case WITHOUT:
            case OFFSET:
            case LAND:
            case LOR:
            case LUNLESS:
            case ANCHORED:
            case SMOOTHED:
            case FILL:
            case FILL_LEFT:
            case FILL_RIGHT:
                return parseSelector(p);
            default:
                if (k.isAggregator()) {
                    TokenKind next = peekSecond();
                    if (next == TokenKind.LEFT_PAREN || next == TokenKind.BY || next == TokenKind.WITHOUT) {
                        return parseAggregation();
                    }
                    return parseSelector(p);
                }
                throw unexpected();
        }
    }

    /** The value of a NUMBER or DURATION item, raising upstream's conversion errors at the item. */
    private double literalValue(int token, boolean duration) {
        String text = t.text(token);
        GoNumbers.Result r = duration ? GoNumbers.duration(text) : GoNumbers.number(text);
        if (r.failed()) {
            throw fail(duration ? r.error() : "error parsing number: " + r.error(), range(token));
        }
        return r.value();
    }

    // ---- selectors --------------------------------------------------------------------------------------------

    /** A vector selector; {@code nameToken} is the metric name's item, or -1 when it starts with the braces. */
    private Expr parseSelector(int nameToken) {
        String name = null;
        PositionRange pos;
        List<LabelMatcher> matchers = List.of();
        if (nameToken >= 0) {
            name = t.text(nameToken);
            p++;
            pos = range(nameToken);
            if (peek() == TokenKind.LEFT_BRACE) {
                int open = p;
                matchers = parseMatchers();
                pos = span(pos, range(open, p - 1));
            }
        } else {
            int open = p;
            matchers = parseMatchers();
            pos = range(open, p - 1);
        }
        return new VectorSelector(name, matchers, Modifiers.NONE, pos);
    }

    /** {@code label_matchers}: from "{" to "}". */
    private List<LabelMatcher> parseMatchers() {
        p++; // "{"
        push(CTX_MATCHER_START);
        List<LabelMatcher> list = new ArrayList<>(4);
        if (peek() == TokenKind.RIGHT_BRACE) {
            p++;
            pop();
            return list;
        }
        while (true) {
            TokenKind k = peek();
            if (k == TokenKind.IDENTIFIER) {
                int nameToken = p;
                p++;
                setTop(CTX_MATCHER_OP);
                MatchOp op = matchOp(peek());
                if (op == null) {
                    throw unexpected();
                }
                p++;
                setTop(CTX_MATCHER_VALUE);
                expect(TokenKind.STRING);
                list.add(newMatcher(t.text(nameToken), nameToken, op, p - 1));
            } else if (k == TokenKind.STRING) {
                int nameToken = p;
                String name = GoStrings.unquote(t.text(p));
                p++;
                MatchOp op = matchOp(peek());
                if (op != null) {
                    p++;
                    setTop(CTX_MATCHER_VALUE);
                    expect(TokenKind.STRING);
                    list.add(newMatcher(name, nameToken, op, p - 1));
                } else {
                    list.add(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, name, range(nameToken)));
                }
            } else {
                throw unexpected();
            }
            setTop(CTX_MATCHER_NEXT);
            if (closesList(TokenKind.RIGHT_BRACE, CTX_MATCHER_START)) {
                break;
            }
        }
        pop();
        return list;
    }

    /**
     * After an item of a braced or parenthesised list: a comma, which may trail just before {@code close}, or
     * {@code close} itself. True when the list is closed; otherwise the next item is parsed in context {@code next}.
     */
    private boolean closesList(TokenKind close, int next) {
        TokenKind k = peek();
        if (k == TokenKind.COMMA) {
            p++;
            setTop(next);
            if (peek() == close) {
                p++;
                return true;
            }
            return false;
        }
        if (k == close) {
            p++;
            return true;
        }
        throw unexpected();
    }

    private static MatchOp matchOp(TokenKind k) {
        switch (k) {
            case EQL: return MatchOp.EQUAL;
            case NEQ: return MatchOp.NOT_EQUAL;
            case EQL_REGEX: return MatchOp.REGEX;
            case NEQ_REGEX: return MatchOp.NOT_REGEX;
            default: return null;
        }
    }

    /** Upstream's {@code newLabelMatcher}: regular expressions are checked here, with Go's RE2 syntax. */
    private LabelMatcher newMatcher(String name, int nameToken, MatchOp op, int valueToken) {
        String value = GoStrings.unquote(t.text(valueToken));
        PositionRange pos = range(nameToken, valueToken);
        if (op.isRegex()) {
            String err = Re2Syntax.check(value);
            if (err != null) {
                throw fail(err, pos);
            }
        }
        return new LabelMatcher(name, op, value, pos);
    }

    /** {@code grouping_labels}: "(" labels ")", after by/without/on/ignoring/group_left/group_right. */
    private List<String> parseGroupingLabels() {
        push(CTX_GROUPING_OPEN);
        expect(TokenKind.LEFT_PAREN);
        setTop(CTX_GROUPING_LABEL);
        List<String> labels = new ArrayList<>(4);
        if (peek() == TokenKind.RIGHT_PAREN) {
            p++;
            pop();
            return labels;
        }
        while (true) {
            TokenKind k = peek();
            if (k == TokenKind.STRING) {
                String raw = t.text(p);
                byte[] bytes = GoStrings.unquoteBytes(raw);
                String label = GoStrings.unquote(raw);
                boolean valid = bytes == null ? !label.isEmpty() : bytes.length > 0 && GoStrings.isValidUtf8(bytes);
                if (!valid) {
                    String shown = bytes == null ? GoText.quote(label) : GoStrings.quoteBytes(bytes);
                    throw fail("invalid label name for grouping: " + shown, range(p));
                }
                labels.add(label);
            } else if (isGroupingLabel(k)) {
                labels.add(t.text(p));
            } else {
                throw unexpected();
            }
            p++;
            setTop(CTX_GROUPING_NEXT);
            if (closesList(TokenKind.RIGHT_PAREN, CTX_GROUPING_LABEL)) {
                break;
            }
        }
        pop();
        return labels;
    }

    /** Upstream's {@code maybe_label}: identifiers and every keyword except {@code without}. */
    private static boolean isGroupingLabel(TokenKind k) {
        switch (k.category) {
            case AGGREGATOR:
            case PREPROCESSOR:
                return true;
            case KEYWORD:
                return k != TokenKind.WITHOUT;
            default:
                return k == TokenKind.IDENTIFIER || k == TokenKind.METRIC_IDENTIFIER || k == TokenKind.LAND
                        || k == TokenKind.LOR || k == TokenKind.LUNLESS || k == TokenKind.ATAN2;
        }
    }

    // ---- calls and aggregations -------------------------------------------------------------------------------

    private Expr parseCall() {
        int nameToken = p;
        String name = t.text(p);
        p++;
        List<Expr> args = parseArguments();
        PositionRange pos = range(nameToken, p - 1);
        FunctionSignature fn = Functions.lookup(name);
        if (fn == null) {
            throw fail("unknown function with name " + GoText.quote(name), range(nameToken));
        }
        if (fn.experimental() && !options.experimentalFunctions()) {
            throw fail("function " + GoText.quote(name) + " is not enabled", range(nameToken));
        }
        return new Call(fn, args, pos);
    }

    /** {@code function_call_body}: "(" [expr {"," expr}] ")"; the current item is "(". */
    private List<Expr> parseArguments() {
        p++;
        List<Expr> args = new ArrayList<>(3);
        if (peek() == TokenKind.RIGHT_PAREN) {
            p++;
            return args;
        }
        while (true) {
            args.add(parseExpr(0));
            TokenKind k = peek();
            if (k == TokenKind.COMMA) {
                int comma = p;
                p++;
                if (peek() == TokenKind.RIGHT_PAREN) {
                    throw fail("trailing commas not allowed in function call args", range(comma));
                }
            } else if (k == TokenKind.RIGHT_PAREN) {
                p++;
                return args;
            } else {
                throw unexpected();
            }
        }
    }

    private Expr parseAggregation() {
        int opToken = p;
        AggregateOp op = AggregateOp.valueOf(t.kinds[p].name());
        p++;
        push(CTX_AGGREGATION);
        List<String> grouping = null;
        boolean without = false;
        TokenKind k = peek();
        if (k == TokenKind.BY || k == TokenKind.WITHOUT) {
            p++;
            without = k == TokenKind.WITHOUT;
            grouping = parseGroupingLabels();
        }
        if (peek() != TokenKind.LEFT_PAREN) {
            throw unexpected();
        }
        List<Expr> args = parseArguments();
        if (grouping == null) {
            k = peek();
            if (k == TokenKind.BY || k == TokenKind.WITHOUT) {
                p++;
                without = k == TokenKind.WITHOUT;
                grouping = parseGroupingLabels();
            }
        }
        pop();
        PositionRange pos = range(opToken, p - 1);
        if (args.isEmpty()) {
            throw fail("no arguments for aggregate expression provided", pos);
        }
        int wanted = 1;
        Expr param = null;
        if (op.hasParam()) {
            if (op.experimental() && !options.experimentalFunctions()) {
                throw fail(op.keyword() + "() is experimental and must be enabled with "
                        + "--enable-feature=promql-experimental-functions", pos);
            }
            wanted = 2;
            param = args.get(0);
        }
        if (args.size() != wanted) {
            throw fail("wrong number of arguments for aggregate expression provided, expected " + wanted + ", got "
                    + args.size(), pos);
        }
        return new AggregateExpr(op, args.get(wanted - 1), param, grouping == null ? List.of() : grouping, without,
                pos);
    }

    // ---- postfix modifiers ------------------------------------------------------------------------------------

    /** Range or subquery brackets, {@code offset}, {@code @}, {@code anchored}, {@code smoothed}; any number. */
    private Expr parsePostfix(Expr e) {
        while (true) {
            switch (peek()) {
                case LEFT_BRACKET -> e = parseBrackets(e);
                case OFFSET -> e = parseOffset(e);
                case AT -> e = parseAt(e);
                case ANCHORED, SMOOTHED -> e = parseRangeModifier(e);
                default -> {
                    return e;
                }
            }
        }
    }

    private Expr parseBrackets(Expr e) {
        int open = p;
        p++;
        push(CTX_RANGE_FIRST);
        DurationExpr range = positive(parseDuration(0));
        setTop(CTX_RANGE_AFTER);
        TokenKind k = peek();
        if (k == TokenKind.RIGHT_BRACKET) {
            p++;
            pop();
            PositionRange brackets = range(open, p - 1);
            if (!(e instanceof VectorSelector vs)) {
                throw fail("ranges only allowed for vector selectors", brackets);
            }
            if (vs.modifiers().offset() != null) {
                throw fail("no offset modifiers allowed before range", brackets);
            }
            if (vs.modifiers().at() != null) {
                throw fail("no @ modifiers allowed before range", brackets);
            }
            return new MatrixSelector(vs, range, new PositionRange(e.position().start(), previousEnd()));
        }
        if (k != TokenKind.COLON) {
            throw unexpected();
        }
        p++;
        setTop(CTX_STEP_FIRST);
        DurationExpr step = null;
        if (peek() != TokenKind.RIGHT_BRACKET) {
            step = positive(parseDuration(0));
            setTop(CTX_STEP_AFTER);
        }
        expect(TokenKind.RIGHT_BRACKET);
        pop();
        return new SubqueryExpr(e, range, step, Modifiers.NONE, new PositionRange(e.position().start(),
                previousEnd()));
    }

    /** {@code positive_duration_expr}: a literal range or step must be greater than zero. */
    private DurationExpr positive(DurationExpr d) {
        if (d instanceof NumberLiteral n && n.value() <= 0) {
            throw fail("duration must be greater than 0", n.position());
        }
        return d;
    }

    private Expr parseOffset(Expr e) {
        p++;
        push(CTX_OFFSET);
        DurationExpr offset = parseOffsetDuration();
        pop();
        int end = previousEnd();
        if (offset instanceof NumberLiteral n && GoNumbers.secondsToNanos(n.value()) == 0) {
            offset = null; // upstream keeps a zero offset as "no offset"
        }
        Modifiers current = modifiersOf(e);
        if (current == null) {
            throw fail("offset modifier must be preceded by an instant vector selector or range vector selector or "
                    + "a subquery", e.position());
        }
        if (current.offset() != null) {
            throw fail("offset may not be set multiple times", e.position());
        }
        Modifiers updated = offset == null ? current : current.withOffset(offset);
        return withModifiers(e, updated, end);
    }

    /** The modifiers that {@code offset}/{@code @} would change, or null when they cannot apply to {@code e}. */
    private static Modifiers modifiersOf(Expr e) {
        if (e instanceof VectorSelector vs) {
            return vs.modifiers();
        }
        if (e instanceof MatrixSelector ms) {
            return ms.selector().modifiers();
        }
        if (e instanceof SubqueryExpr sq) {
            return sq.modifiers();
        }
        return null;
    }

    private static Expr withModifiers(Expr e, Modifiers m, int end) {
        if (e instanceof VectorSelector vs) {
            return vs.withModifiers(m, new PositionRange(vs.position().start(), end));
        }
        if (e instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector().withModifiers(m, ms.selector().position());
            return new MatrixSelector(vs, ms.range(), new PositionRange(ms.position().start(), end));
        }
        SubqueryExpr sq = (SubqueryExpr) e;
        return sq.withModifiers(m, new PositionRange(sq.position().start(), end));
    }

    private Expr parseAt(Expr e) {
        p++;
        push(CTX_AT);
        TokenKind k = peek();
        AtModifier at;
        double ts = 0;
        boolean timestamp = true;
        if (k == TokenKind.START || k == TokenKind.END) {
            p++;
            expect(TokenKind.LEFT_PAREN);
            expect(TokenKind.RIGHT_PAREN);
            timestamp = false;
            at = k == TokenKind.START ? AtModifier.START : AtModifier.END;
        } else {
            double sign = 1;
            if (k == TokenKind.ADD || k == TokenKind.SUB) {
                sign = k == TokenKind.SUB ? -1 : 1;
                p++;
                k = peek();
            }
            if (k != TokenKind.NUMBER && k != TokenKind.DURATION) {
                throw unexpected();
            }
            ts = sign * literalValue(p, k == TokenKind.DURATION);
            p++;
            at = null;
        }
        pop();
        if (timestamp) {
            if (Double.isNaN(ts) || Double.isInfinite(ts) || ts >= 0x1p63 || ts <= -0x1p63) {
                throw fail("timestamp out of bounds for @ modifier: " + GoText.formatF6(ts), e.position());
            }
            at = AtModifier.timestamp(GoNumbers.toInt64(GoNumbers.round(ts * 1000)));
        }
        Modifiers current = modifiersOf(e);
        if (current == null) {
            throw fail("@ modifier must be preceded by an instant vector selector or range vector selector or a "
                    + "subquery", e.position());
        }
        if (current.at() != null) {
            throw fail("@ <timestamp> may not be set multiple times", e.position());
        }
        return withModifiers(e, current.withAt(at), previousEnd());
    }

    /** {@code anchored} / {@code smoothed}: upstream's {@code setAnchored} and {@code setSmoothed}. */
    private Expr parseRangeModifier(Expr e) {
        boolean anchored = peek() == TokenKind.ANCHORED;
        String name = anchored ? "anchored" : "smoothed";
        p++;
        if (!options.extendedRangeSelectors()) {
            throw fail(name + " modifier is experimental and not enabled", e.position());
        }
        if (e instanceof SubqueryExpr) {
            throw fail(name + " modifier is not supported for subqueries", e.position());
        }
        Modifiers current = modifiersOf(e);
        if (current == null) {
            throw fail(name + " modifier not implemented", e.position());
        }
        if (anchored ? current.smoothed() : current.anchored()) {
            throw fail("anchored and smoothed modifiers cannot be used together", e.position());
        }
        Modifiers updated = anchored ? current.withAnchored() : current.withSmoothed();
        if (e instanceof VectorSelector vs) {
            return vs.withModifiers(updated, vs.position());
        }
        MatrixSelector ms = (MatrixSelector) e;
        return new MatrixSelector(ms.selector().withModifiers(updated, ms.selector().position()), ms.range(),
                ms.position());
    }

    // ---- durations --------------------------------------------------------------------------------------------

    private static final double MAX_DURATION_SECONDS = 0x1p63 / 1e9;

    /** {@code offset_duration_expr}: a signed literal or call ends the offset; see the comment inside. */
    private DurationExpr parseOffsetDuration() {
        int sign = -1;
        TokenKind k = peek();
        if (k == TokenKind.ADD || k == TokenKind.SUB) {
            sign = p;
            p++;
            k = peek();
            if (k == TokenKind.ADD || k == TokenKind.SUB) {
                // "unary_op duration_expr": the general duration grammar, which may go on with operators.
                p = sign;
                return continueDuration(parseDurationUnary(), 0);
            }
        }
        boolean negative = sign >= 0 && t.kinds[sign] == TokenKind.SUB;
        switch (k) {
            case NUMBER:
            case DURATION: {
                double v = literalValue(p, k == TokenKind.DURATION);
                p++;
                if (negative) {
                    v = -v;
                }
                if (v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS) {
                    throw fail("duration out of range", range(sign >= 0 ? sign : p - 1));
                }
                int start = sign >= 0 ? sign : p - 1;
                return new NumberLiteral(v, k == TokenKind.DURATION, range(start, p - 1));
            }
            case STEP:
            case RANGE:
            case MIN_OF:
            case MAX_OF: {
                DurationExpr call = parseDurationCall();
                return negative ? new DurationNegation(call, span(range(sign), call.position())) : call;
            }
            case LEFT_PAREN: {
                DurationExpr paren = parseDurationParen();
                if (sign >= 0) {
                    return negative ? new DurationNegation(paren, span(range(sign), paren.position())) : paren;
                }
                // An unsigned parenthesised offset is goyacc's "duration_expr" alternative, whose reduction has no
                // precedence: it shifts a following operator, so "foo offset (1m) * 2" offsets by (1m) * 2.
                return continueDuration(paren, 0);
            }
            default:
                throw unexpected();
        }
    }

    private DurationExpr parseDuration(int minPrecedence) {
        enter();
        DurationExpr d = continueDuration(parseDurationUnary(), minPrecedence);
        depth--;
        return d;
    }

    private DurationExpr continueDuration(DurationExpr left, int minPrecedence) {
        while (true) {
            BinaryOp op = durationOp(peek());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            int opToken = p;
            p++;
            DurationExpr rhs = parseDuration(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            checkDurationExpressionsEnabled(left);
            if (rhs instanceof NumberLiteral n && n.value() == 0) {
                if (op == BinaryOp.DIV) {
                    throw fail("division by zero", range(opToken));
                }
                if (op == BinaryOp.MOD) {
                    throw fail("modulo by zero", range(opToken));
                }
            }
            left = new DurationBinary(op, left, rhs, span(left.position(), rhs.position()));
        }
    }

    private void checkDurationExpressionsEnabled(DurationExpr e) {
        if (!options.durationExpressions()) {
            throw fail("experimental duration expression is not enabled", e.position());
        }
    }

    private static BinaryOp durationOp(TokenKind k) {
        switch (k) {
            case ADD: return BinaryOp.ADD;
            case SUB: return BinaryOp.SUB;
            case MUL: return BinaryOp.MUL;
            case DIV: return BinaryOp.DIV;
            case MOD: return BinaryOp.MOD;
            case POW: return BinaryOp.POW;
            default: return null;
        }
    }

    private DurationExpr parseDurationUnary() {
        TokenKind k = peek();
        if (k == TokenKind.ADD || k == TokenKind.SUB) {
            int opToken = p;
            p++;
            DurationExpr operand = parseDuration(BinaryOp.POW.precedence());
            if (operand instanceof NumberLiteral n) {
                double v = k == TokenKind.SUB ? -n.value() : n.value();
                if (v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS) {
                    throw fail("duration out of range", range(opToken));
                }
                return new NumberLiteral(v, n.duration(), span(range(opToken), n.position()));
            }
            if (k == TokenKind.SUB) {
                return new DurationNegation(operand, span(range(opToken), operand.position()));
            }
            return operand;
        }
        switch (k) {
            case NUMBER:
            case DURATION: {
                double v = literalValue(p, k == TokenKind.DURATION);
                p++;
                if (v > MAX_DURATION_SECONDS || v < -MAX_DURATION_SECONDS) {
                    throw fail("duration out of range", range(p - 1));
                }
                return new NumberLiteral(v, k == TokenKind.DURATION, range(p - 1));
            }
            case STEP:
            case RANGE:
            case MIN_OF:
            case MAX_OF:
                return parseDurationCall();
            case LEFT_PAREN:
                return parseDurationParen();
            default:
                throw unexpected();
        }
    }

    private DurationExpr parseDurationCall() {
        int nameToken = p;
        TokenKind k = peek();
        p++;
        expect(TokenKind.LEFT_PAREN);
        List<DurationExpr> args = List.of();
        DurationCall.Function fn;
        if (k == TokenKind.STEP || k == TokenKind.RANGE) {
            fn = k == TokenKind.STEP ? DurationCall.Function.STEP : DurationCall.Function.RANGE;
        } else {
            fn = k == TokenKind.MIN_OF ? DurationCall.Function.MIN_OF : DurationCall.Function.MAX_OF;
            enter();
            DurationExpr a = parseDuration(0);
            expect(TokenKind.COMMA);
            DurationExpr b = parseDuration(0);
            depth--;
            args = List.of(a, b);
        }
        expect(TokenKind.RIGHT_PAREN);
        return new DurationCall(fn, args, range(nameToken, p - 1));
    }

    private DurationExpr parseDurationParen() {
        int open = p;
        p++;
        DurationExpr inner = parseDuration(0);
        expect(TokenKind.RIGHT_PAREN);
        checkDurationExpressionsEnabled(inner);
        return new DurationParen(inner, range(open, p - 1));
    }
}
