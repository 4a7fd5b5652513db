package dev.trafficengineer.promql;

/**
 * The kinds of lexer items, named as upstream's {@code ItemType}s ({@code promql/parser/lex.go}) so that the lexer
 * tests port one to one. The category drives how an item is described in "unexpected ..." messages.
 */
enum TokenKind {
    EQL(Category.PUNCT, "="),
    COLON(Category.PUNCT, ":"),
    COMMA(Category.PUNCT, ","),
    COMMENT(Category.OTHER, null),
    DURATION(Category.OTHER, null),
    EOF(Category.OTHER, null),
    ERROR(Category.OTHER, null),
    IDENTIFIER(Category.OTHER, null),
    LEFT_BRACE(Category.PUNCT, "{"),
    LEFT_BRACKET(Category.PUNCT, "["),
    LEFT_PAREN(Category.PUNCT, "("),
    METRIC_IDENTIFIER(Category.OTHER, null),
    NUMBER(Category.OTHER, null),
    RIGHT_BRACE(Category.PUNCT, "}"),
    RIGHT_BRACKET(Category.PUNCT, "]"),
    RIGHT_PAREN(Category.PUNCT, ")"),
    STRING(Category.OTHER, null),

    ADD(Category.OPERATOR, "+"),
    DIV(Category.OPERATOR, "/"),
    EQLC(Category.OPERATOR, "=="),
    EQL_REGEX(Category.OPERATOR, "=~"),
    GTE(Category.OPERATOR, ">="),
    GTR(Category.OPERATOR, ">"),
    LAND(Category.OPERATOR, "and"),
    LOR(Category.OPERATOR, "or"),
    LSS(Category.OPERATOR, "<"),
    LTE(Category.OPERATOR, "<="),
    LUNLESS(Category.OPERATOR, "unless"),
    MOD(Category.OPERATOR, "%"),
    MUL(Category.OPERATOR, "*"),
    NEQ(Category.OPERATOR, "!="),
    NEQ_REGEX(Category.OPERATOR, "!~"),
    POW(Category.OPERATOR, "^"),
    SUB(Category.OPERATOR, "-"),
    AT(Category.OPERATOR, "@"),
    ATAN2(Category.OPERATOR, "atan2"),
    TRIM_UPPER(Category.OPERATOR, "</"),
    TRIM_LOWER(Category.OPERATOR, ">/"),

    AVG(Category.AGGREGATOR, "avg"),
    BOTTOMK(Category.AGGREGATOR, "bottomk"),
    COUNT(Category.AGGREGATOR, "count"),
    COUNT_VALUES(Category.AGGREGATOR, "count_values"),
    GROUP(Category.AGGREGATOR, "group"),
    MAX(Category.AGGREGATOR, "max"),
    MIN(Category.AGGREGATOR, "min"),
    QUANTILE(Category.AGGREGATOR, "quantile"),
    STDDEV(Category.AGGREGATOR, "stddev"),
    STDVAR(Category.AGGREGATOR, "stdvar"),
    SUM(Category.AGGREGATOR, "sum"),
    TOPK(Category.AGGREGATOR, "topk"),
    LIMITK(Category.AGGREGATOR, "limitk"),
    LIMIT_RATIO(Category.AGGREGATOR, "limit_ratio"),

    BOOL(Category.KEYWORD, "bool"),
    BY(Category.KEYWORD, "by"),
    GROUP_LEFT(Category.KEYWORD, "group_left"),
    GROUP_RIGHT(Category.KEYWORD, "group_right"),
    IGNORING(Category.KEYWORD, "ignoring"),
    OFFSET(Category.KEYWORD, "offset"),
    SMOOTHED(Category.KEYWORD, "smoothed"),
    ANCHORED(Category.KEYWORD, "anchored"),
    ON(Category.KEYWORD, "on"),
    WITHOUT(Category.KEYWORD, "without"),
    FILL(Category.KEYWORD, "fill"),
    FILL_LEFT(Category.KEYWORD, "fill_left"),
    FILL_RIGHT(Category.KEYWORD, "fill_right"),

    START(Category.PREPROCESSOR, "start"),
    END(Category.PREPROCESSOR, "end"),
    STEP(Category.PREPROCESSOR, "step"),
    RANGE(Category.PREPROCESSOR, "range"),
    MAX_OF(Category.PREPROCESSOR, "max_of"),
    MIN_OF(Category.PREPROCESSOR, "min_of");

    enum Category {
        PUNCT,
        OPERATOR,
        AGGREGATOR,
        KEYWORD,
        PREPROCESSOR,
        OTHER
    }

    final Category category;
    /** The spelling in upstream's {@code ItemTypeStr}, for kinds that have one. */
    final String text;

    TokenKind(Category category, String text) {
        this.category = category;
        this.text = text;
    }

    boolean isAggregator() {
        return category == Category.AGGREGATOR;
    }

    /**
     * How upstream's {@code Item.desc()} describes an item of this kind with raw text {@code val}: {@code <op:*>},
     * {@code <by>}, {@code <aggr:sum>}, {@code "("}, {@code identifier "foo"}, {@code end of input}.
     */
    String describe(String val) {
        switch (this) {
            case EOF:
                return "end of input";
            case IDENTIFIER:
                return "identifier " + GoText.quote(val);
            case METRIC_IDENTIFIER:
                return "metric identifier " + GoText.quote(val);
            case NUMBER:
                return "number " + shortQuote(val);
            case DURATION:
                return "duration " + shortQuote(val);
            case STRING:
                return "string " + shortQuote(val);
            case COMMENT:
                return "comment " + shortQuote(val);
            case ERROR:
                return val;
            default:
                break;
        }
        switch (category) {
            case OPERATOR:
                return "<op:" + val + ">";
            case AGGREGATOR:
                return "<aggr:" + val + ">";
            case KEYWORD:
                return "<" + val + ">";
            default:
                return shortQuote(val);
        }
    }

    /** {@code Item.String()}'s last cases: {@code %.10q...} for long values, {@code %q} otherwise. */
    private static String shortQuote(String val) {
        return utf8Length(val) > 10 ? GoText.quoteTruncated(val, 10) + "..." : GoText.quote(val);
    }

    /** Go measures {@code len(s)} in UTF-8 bytes. */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
