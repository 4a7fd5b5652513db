package dev.trafficengineer.promql;

import java.util.Arrays;

/**
 * The PromQL lexer, a port of the state machine in upstream's {@code promql/parser/lex.go}: the same states
 * (statements, inside braces, duration expressions inside brackets), the same primitives ({@code next}, {@code peek},
 * {@code accept}, {@code acceptRun}) and the same error texts. It lexes the whole input up front into parallel
 * arrays (no token objects); comments are dropped, and the first error ends the stream with an {@code ERROR} item
 * whose text is the message.
 *
 * <p>Offsets are char indexes into the Java string; the parser converts them to code points.
 */
final class Lexer {

    private static final int EOF_CHAR = -1;

    private final String input;
    private final int length;

    // Output.
    private TokenKind[] kinds = new TokenKind[32];
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int count;
    private String errorMessage;

    // Scanner state, as upstream's Lexer struct.
    private int pos;
    private int start;
    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;
    private boolean gotColon;
    private boolean gotDuration;
    private char stringOpen;

    private enum State {
        STATEMENTS,
        INSIDE_BRACES,
        DURATION_EXPR,
        DONE
    }

    /** Tests compare with upstream's item lists, which include comments; the parser never sees them. */
    private final boolean keepComments;

    private Lexer(String input, boolean keepComments) {
        this.input = input;
        this.length = input.length();
        this.keepComments = keepComments;
    }

    /** The items of {@code input}; the last is {@code EOF}, or {@code ERROR} when lexing failed. */
    static Tokens lex(String input) {
        return lex(input, false);
    }

    static Tokens lex(String input, boolean keepComments) {
        Lexer l = new Lexer(input, keepComments);
        l.run();
        return new Tokens(input, l.kinds, l.starts, l.ends, l.count, l.errorMessage);
    }

    private void run() {
        State state = State.STATEMENTS;
        while (state != State.DONE) {
            switch (state) {
                case STATEMENTS -> state = braceOpen ? lexInsideBraces() : lexStatements();
                case INSIDE_BRACES -> state = lexInsideBraces();
                case DURATION_EXPR -> state = lexDurationExpr();
                default -> throw new IllegalStateException();
            }
        }
    }

    // ---- primitives -------------------------------------------------------------------------------------------

    private int next() {
        if (pos >= length) {
            pos = length + 1; // remember that we read past the end, so backup() is a no-op in effect
            return EOF_CHAR;
        }
        return input.charAt(pos++);
    }

    private void backup() {
        pos--;
    }

    private int peek() {
        return pos < length ? input.charAt(pos) : EOF_CHAR;
    }

    private boolean accept(String valid) {
        int c = next();
        if (c != EOF_CHAR && valid.indexOf(c) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private boolean is(String valid) {
        int c = peek();
        return c != EOF_CHAR && valid.indexOf(c) >= 0;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    private void emit(TokenKind kind) {
        if (count == kinds.length) {
            int n = count * 2;
            kinds = Arrays.copyOf(kinds, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        kinds[count] = kind;
        starts[count] = start;
        ends[count] = Math.min(pos, length);
        count++;
        start = pos;
    }

    /** Ends the stream with an error item at the current item start, as upstream's {@code errorf}. */
    private State error(String message) {
        errorMessage = message;
        int p = pos;
        pos = start;
        emit(TokenKind.ERROR);
        ends[count - 1] = length;
        pos = p;
        return State.DONE;
    }

    /**
     * Upstream emits some items and then fails in the same scanning step; its error item then overwrites the item
     * just emitted, so the parser never sees it. The error starts after that item.
     */
    private State errorReplacingLast(String message) {
        count--;
        return error(message);
    }

    private void ignore() {
        start = Math.min(pos, length);
    }

    /** The code point at char index {@code i} (for messages about non-ASCII characters). */
    private int codePointBefore() {
        int i = pos - 1;
        char c = input.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(input.charAt(i + 1))) {
            pos++;
            return input.codePointAt(i);
        }
        return c;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** ASCII letters and underscore only: upstream deliberately ignores Unicode letters here. */
    static boolean isAlpha(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlphaNumeric(int c) {
        return isAlpha(c) || isDigit(c);
    }

    // ---- states -----------------------------------------------------------------------------------------------

    private State lexStatements() {
        if (peek() == '#') {
            return lexLineComment(State.STATEMENTS);
        }
        int r = next();
        switch (r) {
            case EOF_CHAR:
                if (parenDepth != 0) {
                    return error("unclosed left parenthesis");
                }
                if (bracketOpen) {
                    return error("unclosed left bracket");
                }
                pos = length;
                emit(TokenKind.EOF);
                return State.DONE;
            case ',':
                emit(TokenKind.COMMA);
                break;
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                break;
            case '*':
                emit(TokenKind.MUL);
                break;
            case '/':
                emit(TokenKind.DIV);
                break;
            case '%':
                emit(TokenKind.MOD);
                break;
            case '+':
                emit(TokenKind.ADD);
                break;
            case '-':
                emit(TokenKind.SUB);
                break;
            case '^':
                emit(TokenKind.POW);
                break;
            case '=': {
                int t = peek();
                if (t == '=') {
                    next();
                    emit(TokenKind.EQLC);
                } else if (t == '~') {
                    return error("unexpected character after '=': " + GoText.quoteRune(t));
                } else {
                    emit(TokenKind.EQL);
                }
                break;
            }
            case '!': {
                int t = next();
                if (t != '=') {
                    if (t != EOF_CHAR) {
                        t = codePointBefore();
                    }
                    return error("unexpected character after '!': " + GoText.quoteRune(t));
                }
                emit(TokenKind.NEQ);
                break;
            }
            case '<':
                if (peek() == '=') {
                    next();
                    emit(TokenKind.LTE);
                } else if (peek() == '/') {
                    next();
                    emit(TokenKind.TRIM_UPPER);
                } else {
                    emit(TokenKind.LSS);
                }
                break;
            case '>':
                if (peek() == '=') {
                    next();
                    emit(TokenKind.GTE);
                } else if (peek() == '/') {
                    next();
                    emit(TokenKind.TRIM_LOWER);
                } else {
                    emit(TokenKind.GTR);
                }
                break;
            case '"', '\'':
                stringOpen = (char) r;
                return lexString(State.STATEMENTS);
            case '`':
                stringOpen = '`';
                return lexRawString(State.STATEMENTS);
            case '(':
                emit(TokenKind.LEFT_PAREN);
                parenDepth++;
                break;
            case ')':
                emit(TokenKind.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return errorReplacingLast("unexpected right parenthesis " + GoText.quoteRune(')'));
                }
                break;
            case '{':
                emit(TokenKind.LEFT_BRACE);
                braceOpen = true;
                return State.INSIDE_BRACES;
            case '[':
                if (bracketOpen) {
                    return error("unexpected left bracket " + GoText.quoteRune('['));
                }
                gotColon = false;
                emit(TokenKind.LEFT_BRACKET);
                skipSpaces();
                bracketOpen = true;
                return State.DURATION_EXPR;
            case ']':
                if (!bracketOpen) {
                    return error("unexpected right bracket " + GoText.quoteRune(']'));
                }
                emit(TokenKind.RIGHT_BRACKET);
                bracketOpen = false;
                break;
            case '@':
                emit(TokenKind.AT);
                break;
            default:
                if (isDigit(r) || (r == '.' && isDigit(peek()))) {
                    backup();
                    return lexNumberOrDuration();
                }
                if (isAlpha(r) || r == ':') {
                    if (!bracketOpen) {
                        backup();
                        return lexKeywordOrIdentifier();
                    }
                    return lexInsideBracket(r);
                }
                return error("unexpected character: " + GoText.quoteRune(codePointBefore()));
        }
        return State.STATEMENTS;
    }

    /** A letter or colon inside {@code [...]} after a number: the subquery colon or a duration keyword. */
    private State lexInsideBracket(int r) {
        if (r == ':') {
            if (gotColon) {
                return error("unexpected colon " + GoText.quoteRune(':'));
            }
            emit(TokenKind.COLON);
            gotColon = true;
            return State.STATEMENTS;
        }
        if (isDurationKeywordStart(r) && scanDurationKeyword()) {
            return State.STATEMENTS;
        }
        return error("unexpected character: " + GoText.quoteRune(r) + ", expected " + GoText.quoteRune(':'));
    }

    private static boolean isDurationKeywordStart(int r) {
        return r == 's' || r == 'S' || r == 'm' || r == 'M' || r == 'r' || r == 'R';
    }

    /** Scans {@code step}, {@code range}, {@code min_of} or {@code max_of} (any case); the first letter is read. */
    private boolean scanDurationKeyword() {
        while (isAlpha(peek())) {
            next();
        }
        String word = input.substring(start, pos);
        TokenKind kind = null;
        if (word.equalsIgnoreCase("step")) {
            kind = TokenKind.STEP;
        } else if (word.equalsIgnoreCase("range")) {
            kind = TokenKind.RANGE;
        } else if (word.equalsIgnoreCase("min_of")) {
            kind = TokenKind.MIN_OF;
        } else if (word.equalsIgnoreCase("max_of")) {
            kind = TokenKind.MAX_OF;
        }
        if (kind == null) {
            return false;
        }
        emit(kind);
        return true;
    }

    private State lexDurationExpr() {
        int r = next();
        switch (r) {
            case EOF_CHAR:
                return error("unexpected end of input in duration expression");
            case ']':
                emit(TokenKind.RIGHT_BRACKET);
                bracketOpen = false;
                gotColon = false;
                return State.STATEMENTS;
            case ':':
                emit(TokenKind.COLON);
                if (!gotDuration) {
                    return errorReplacingLast("unexpected colon before duration in duration expression");
                }
                if (gotColon) {
                    return errorReplacingLast("unexpected repeated colon in duration expression");
                }
                gotColon = true;
                return State.DURATION_EXPR;
            case '(':
                emit(TokenKind.LEFT_PAREN);
                parenDepth++;
                return State.DURATION_EXPR;
            case ')':
                emit(TokenKind.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0) {
                    return errorReplacingLast("unexpected right parenthesis " + GoText.quoteRune(')'));
                }
                return State.DURATION_EXPR;
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                return State.DURATION_EXPR;
            case '+':
                emit(TokenKind.ADD);
                return State.DURATION_EXPR;
            case '-':
                emit(TokenKind.SUB);
                return State.DURATION_EXPR;
            case '*':
                emit(TokenKind.MUL);
                return State.DURATION_EXPR;
            case '/':
                emit(TokenKind.DIV);
                return State.DURATION_EXPR;
            case '%':
                emit(TokenKind.MOD);
                return State.DURATION_EXPR;
            case '^':
                emit(TokenKind.POW);
                return State.DURATION_EXPR;
            case ',':
                emit(TokenKind.COMMA);
                return State.DURATION_EXPR;
            default:
                if (isDurationKeywordStart(r)) {
                    if (scanDurationKeyword()) {
                        return State.DURATION_EXPR;
                    }
                    return error("unexpected character in duration expression: " + GoText.quoteRune(r));
                }
                if (isDigit(r) || (r == '.' && isDigit(peek()))) {
                    backup();
                    gotDuration = true;
                    return lexNumberOrDuration();
                }
                return error("unexpected character in duration expression: " + GoText.quoteRune(codePointBefore()));
        }
    }

    private State lexInsideBraces() {
        if (peek() == '#') {
            return lexLineComment(State.INSIDE_BRACES);
        }
        int r = next();
        switch (r) {
            case EOF_CHAR:
                return error("unexpected end of input inside braces");
            case ' ', '\t', '\n', '\r':
                skipSpaces();
                break;
            case ',':
                emit(TokenKind.COMMA);
                break;
            case '"', '\'':
                stringOpen = (char) r;
                return lexString(State.INSIDE_BRACES);
            case '`':
                stringOpen = '`';
                return lexRawString(State.INSIDE_BRACES);
            case '=':
                if (next() == '~') {
                    emit(TokenKind.EQL_REGEX);
                    break;
                }
                backup();
                emit(TokenKind.EQL);
                break;
            case '!': {
                int nr = next();
                if (nr == '~') {
                    emit(TokenKind.NEQ_REGEX);
                } else if (nr == '=') {
                    emit(TokenKind.NEQ);
                } else {
                    if (nr != EOF_CHAR) {
                        nr = codePointBefore();
                    }
                    return error("unexpected character after '!' inside braces: " + GoText.quoteRune(nr));
                }
                break;
            }
            case '{':
                return error("unexpected left brace " + GoText.quoteRune('{'));
            case '}':
                emit(TokenKind.RIGHT_BRACE);
                braceOpen = false;
                return State.STATEMENTS;
            default:
                if (isAlpha(r)) {
                    while (isAlphaNumeric(peek())) {
                        next();
                    }
                    emit(TokenKind.IDENTIFIER);
                    break;
                }
                return error("unexpected character inside braces: " + GoText.quoteRune(codePointBefore()));
        }
        return State.INSIDE_BRACES;
    }

    private void skipSpaces() {
        while (isSpace(peek())) {
            next();
        }
        ignore();
    }

    private State lexLineComment(State resume) {
        pos++;
        while (pos < length && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
            pos++;
        }
        // Comments never reach the parser (upstream's Lex skips them), so they are normally not stored.
        if (keepComments) {
            emit(TokenKind.COMMENT);
        } else {
            ignore();
        }
        return resume;
    }

    /** A quoted string; the opening quote has been read. Escapes are checked as upstream's {@code lexEscape}. */
    private State lexString(State resume) {
        while (true) {
            int c = next();
            if (c == '\\') {
                String err = lexEscape();
                if (err != null) {
                    return error(err);
                }
            } else if (c == 0xFFFD || isLoneSurrogate(c)) {
                // Upstream compares the decoded rune with utf8.RuneError, which also rejects a literal U+FFFD.
                return error("invalid UTF-8 rune");
            } else if (c == EOF_CHAR || c == '\n') {
                return error("unterminated quoted string");
            } else if (c == stringOpen) {
                break;
            } else if (Character.isHighSurrogate((char) c)) {
                pos++; // the low surrogate of a valid pair
            }
        }
        emit(TokenKind.STRING);
        return resume;
    }

    private boolean isLoneSurrogate(int c) {
        if (c < 0xD800 || c >= 0xE000) {
            return false;
        }
        return !(Character.isHighSurrogate((char) c) && pos < length && Character.isLowSurrogate(input.charAt(pos)));
    }

    private State lexRawString(State resume) {
        while (true) {
            int c = next();
            if (c == 0xFFFD || isLoneSurrogate(c)) {
                return error("invalid UTF-8 rune");
            } else if (c == EOF_CHAR) {
                return error("unterminated raw string");
            } else if (c == '`') {
                break;
            } else if (Character.isHighSurrogate((char) c)) {
                pos++;
            }
        }
        emit(TokenKind.STRING);
        return resume;
    }

    /** Checks one escape sequence after a backslash; returns the error text or null. */
    private String lexEscape() {
        int ch = next();
        int n;
        int base;
        int max;
        switch (ch) {
            case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\':
                return null;
            case '0', '1', '2', '3', '4', '5', '6', '7':
                n = 3;
                base = 8;
                max = 255;
                break;
            case 'x':
                ch = next();
                n = 2;
                base = 16;
                max = 255;
                break;
            case 'u':
                ch = next();
                n = 4;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case 'U':
                ch = next();
                n = 8;
                base = 16;
                max = Character.MAX_CODE_POINT;
                break;
            case EOF_CHAR:
                return "escape sequence not terminated";
            default:
                if (ch == stringOpen) {
                    return null;
                }
                return "unknown escape sequence " + GoText.unicodeWithChar(codePointBefore());
        }
        long x = 0;
        while (n > 0) {
            int d = digitVal(ch);
            if (d >= base) {
                if (ch == EOF_CHAR) {
                    return "escape sequence not terminated";
                }
                return "illegal character " + GoText.unicodeWithChar(codePointBefore()) + " in escape sequence";
            }
            x = x * base + d;
            n--;
            if (n > 0) {
                ch = next();
            }
        }
        if (x > max || (x >= 0xD800 && x < 0xE000)) {
            return "escape sequence is an invalid Unicode code point";
        }
        return null;
    }

    private static int digitVal(int ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0';
        }
        if (ch >= 'a' && ch <= 'f') {
            return ch - 'a' + 10;
        }
        if (ch >= 'A' && ch <= 'F') {
            return ch - 'A' + 10;
        }
        return 16;
    }

    private State lexNumberOrDuration() {
        State resume = State.STATEMENTS;
        if (scanNumber()) {
            emit(TokenKind.NUMBER);
            return resume;
        }
        if (acceptRemainingDuration()) {
            backup();
            emit(TokenKind.DURATION);
            return resume;
        }
        return error("bad number or duration syntax: " + GoText.quote(input.substring(start, Math.min(pos, length))));
    }

    /** After the digits of a number: the rest of a duration ({@code s}, {@code 1h30m}, {@code 5ms}). */
    private boolean acceptRemainingDuration() {
        if (!accept("smhdwy")) {
            return false;
        }
        accept("s"); // "ms"; bad units such as "hs" are reported when the duration is parsed
        while (accept("0123456789")) {
            acceptRun("0123456789");
            if (!accept("smhdw")) {
                return false;
            }
            accept("s");
        }
        int c = next();
        return !isAlphaNumeric(c);
    }

    /** Scans a decimal, hex or octal number, or a float; upstream's {@code scanNumber}, rule for rule. */
    private boolean scanNumber() {
        int initial = pos;
        String digits = "0123456789";
        if (accept("0") && accept("xX")) {
            accept("_"); // 0X_1FFF
            digits = "0123456789abcdefABCDEF";
        }
        accept(".");
        accept(digits);
        boolean dot = false;
        boolean exponent = false;
        String any = digits + "._eE";
        while (is(any)) {
            if (is(".") && dot) {
                accept(".");
                return false;
            }
            if (is("eE") && exponent) {
                accept("eE");
                return false;
            }
            if (accept(".")) {
                dot = true;
                if (accept("_.")) {
                    return false;
                }
                if (digits.length() > 10) {
                    return false; // no fractional hex literals
                }
                continue;
            }
            // Upstream reads 'e' as an exponent even in hex literals: "0x1e2" lexes, "0xfe" does not.
            if (accept("eE")) {
                exponent = true;
                accept("+-");
                if (accept("._eE") || peek() == EOF_CHAR) {
                    return false;
                }
                continue;
            }
            if (accept("_")) {
                if (accept("._eE") || peek() == EOF_CHAR) {
                    return false;
                }
                continue;
            }
            acceptRun(digits);
        }
        if (pos == initial) {
            return false;
        }
        return !isAlphaNumeric(peek());
    }

    private State lexKeywordOrIdentifier() {
        int c;
        while ((c = peek()) != EOF_CHAR && (isAlphaNumeric(c) || c == ':')) {
            next();
        }
        TokenKind kw = Keywords.lookup(input, start, pos);
        if (kw != null) {
            if ((kw == TokenKind.FILL || kw == TokenKind.FILL_LEFT || kw == TokenKind.FILL_RIGHT)
                    && !followedByLeftParen()) {
                // fill is a keyword only before "(", so that "fill + fill" still reads as metric names
                emit(TokenKind.IDENTIFIER);
            } else {
                emit(kw);
            }
        } else if (containsColon(start, pos)) {
            emit(TokenKind.METRIC_IDENTIFIER);
        } else {
            emit(TokenKind.IDENTIFIER);
        }
        return State.STATEMENTS;
    }

    private boolean containsColon(int from, int to) {
        for (int i = from; i < to; i++) {
            if (input.charAt(i) == ':') {
                return true;
            }
        }
        return false;
    }

    private boolean followedByLeftParen() {
        for (int i = pos; i < length; i++) {
            char c = input.charAt(i);
            if (!isSpace(c)) {
                return c == '(';
            }
        }
        return false;
    }
}
