package dev.trafficengineer.promql.ast;

/**
 * The binary operators with upstream's precedence ({@code generated_parser.y}: {@code %left LOR}, {@code %left LAND
 * LUNLESS}, {@code %left EQLC GTE GTR LSS LTE NEQ}, {@code %left ADD SUB}, {@code %left MUL DIV MOD ATAN2},
 * {@code %right POW}) and the names upstream gives their tokens.
 */
public enum BinaryOp {
    OR("or", "LOR", 1, Kind.SET),
    AND("and", "LAND", 2, Kind.SET),
    UNLESS("unless", "LUNLESS", 2, Kind.SET),
    EQL("==", "EQLC", 3, Kind.COMPARISON),
    NEQ("!=", "NEQ", 3, Kind.COMPARISON),
    GTR(">", "GTR", 3, Kind.COMPARISON),
    LSS("<", "LSS", 3, Kind.COMPARISON),
    GTE(">=", "GTE", 3, Kind.COMPARISON),
    LTE("<=", "LTE", 3, Kind.COMPARISON),
    /** {@code </}: trims a histogram's upper tail (Prometheus 3.11). */
    TRIM_UPPER("</", "TRIM_UPPER", 3, Kind.ARITHMETIC),
    /** {@code >/}: trims a histogram's lower tail (Prometheus 3.11). */
    TRIM_LOWER(">/", "TRIM_LOWER", 3, Kind.ARITHMETIC),
    ADD("+", "ADD", 4, Kind.ARITHMETIC),
    SUB("-", "SUB", 4, Kind.ARITHMETIC),
    MUL("*", "MUL", 5, Kind.ARITHMETIC),
    DIV("/", "DIV", 5, Kind.ARITHMETIC),
    MOD("%", "MOD", 5, Kind.ARITHMETIC),
    ATAN2("atan2", "ATAN2", 5, Kind.ARITHMETIC),
    POW("^", "POW", 6, Kind.ARITHMETIC);

    /** Upstream's grouping of binary operators for its type checks. */
    public enum Kind {
        SET,
        COMPARISON,
        ARITHMETIC
    }

    /** The precedence of unary {@code +} and {@code -}: upstream gives them {@code %prec MUL}. */
    public static final int UNARY_PRECEDENCE = 5;

    private final String symbol;
    private final String tokenName;
    private final int precedence;
    private final Kind kind;

    BinaryOp(String symbol, String tokenName, int precedence, Kind kind) {
        this.symbol = symbol;
        this.tokenName = tokenName;
        this.precedence = precedence;
        this.kind = kind;
    }

    public String symbol() {
        return symbol;
    }

    /** The name of upstream's token for this operator ({@code EQLC} for {@code ==}). */
    public String tokenName() {
        return tokenName;
    }

    /** 1 (binds loosest, {@code or}) to 6 (tightest, {@code ^}). */
    public int precedence() {
        return precedence;
    }

    public boolean rightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return kind == Kind.COMPARISON;
    }

    public boolean isSetOperator() {
        return kind == Kind.SET;
    }
}
