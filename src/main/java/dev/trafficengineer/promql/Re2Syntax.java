package dev.trafficengineer.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a regular expression the way Prometheus does when it builds a regex matcher: Go's {@code regexp/syntax}
 * parser with Perl flags ({@code syntax.Parse(v, syntax.Perl|syntax.DotNL)} in {@code model/labels/regexp.go}).
 * Java's {@code java.util.regex} accepts a different language (look-arounds, back-references, possessive
 * quantifiers), so it cannot be the judge. This class reproduces Go's error codes and the fragment each error
 * quotes, and also answers whether the regex matches the empty string, which upstream's "at least one non-empty
 * matcher" rule needs.
 *
 * <p>The parser is a left-to-right recursive descent that reports each error where Go's parser does.
 */
final class Re2Syntax {

    /** The outcome: {@code error} is Go's message, or null when the regex is valid. */
    record Result(String error, boolean matchesEmpty) {}

    private static final int MAX_REPEAT = 1000;
    private static final int MAX_HEIGHT = 1000;

    private static final Set<String> POSIX_CLASSES = Set.of(
            "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space",
            "upper", "word", "xdigit");

    private static final Set<String> CATEGORIES = Set.of(
            "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl",
            "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
            "Any", "LC");

    private final String whole;
    private int pos;
    private int height;
    /** Cache for {@link #nextPosixClose}: -2 unknown, -1 none left. */
    private int posixClose = -2;

    /** A parsed piece, just enough for Go's repeat-size rule and for emptiness. */
    private static final class Node {
        final boolean nullable;
        final int min;
        final int max; // -1: unbounded; only meaningful when repeat
        final boolean repeat;
        final List<Node> subs;

        Node(boolean nullable, boolean repeat, int min, int max, List<Node> subs) {
            this.nullable = nullable;
            this.repeat = repeat;
            this.min = min;
            this.max = max;
            this.subs = subs;
        }

        static Node leaf(boolean nullable) {
            return new Node(nullable, false, 0, 0, List.of());
        }
    }

    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String code, String expr) {
            super("error parsing regexp: " + code + ": `" + expr + "`", null, false, false);
        }
    }

    private Re2Syntax(String regex) {
        this.whole = regex;
    }

    /** Go's error message for {@code regex}, or null when Prometheus accepts it. */
    static String check(String regex) {
        return analyze(regex).error();
    }

    static Result analyze(String regex) {
        Re2Syntax r = new Re2Syntax(regex);
        if (groupDepth(regex) > MAX_HEIGHT) {
            // decided before the recursive parse, whose depth follows the nesting
            return new Result(new SyntaxError("expression nests too deeply", regex).getMessage(), false);
        }
        try {
            Node n = r.parseAlternation(0);
            if (r.pos < r.whole.length()) {
                // parseAlternation stops only at ')' at the top level: a parenthesis that closes nothing.
                throw new SyntaxError("unexpected )", regex);
            }
            return new Result(null, n.nullable);
        } catch (SyntaxError e) {
            return new Result(e.getMessage(), false);
        } catch (StackOverflowError e) {
            // a thread with a small stack: the nesting is deep either way, and this is Go's word for it
            return new Result(new SyntaxError("expression nests too deeply", regex).getMessage(), false);
        }
    }

    /** The deepest nesting of groups, counting parentheses outside character classes and escapes. */
    private static int groupDepth(String regex) {
        int depth = 0;
        int max = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++; // a leading ] is a literal
                }
            } else if (c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return max;
    }

    private boolean more() {
        return pos < whole.length();
    }

    private char peekChar() {
        return whole.charAt(pos);
    }

    /** alternation := concat ('|' concat)*; stops before ')' or at the end. */
    private Node parseAlternation(int groupDepth) {
        List<Node> alts = new ArrayList<>(2);
        alts.add(parseConcat(groupDepth));
        while (more() && peekChar() == '|') {
            pos++;
            alts.add(parseConcat(groupDepth));
        }
        boolean nullable = false;
        for (Node a : alts) {
            nullable |= a.nullable;
        }
        return new Node(nullable, false, 0, 0, alts);
    }

    private Node parseConcat(int groupDepth) {
        List<Node> items = new ArrayList<>(4);
        int lastRepeatStart = -1; // where the previous repetition operator began, if the last piece was one
        while (more()) {
            char c = peekChar();
            if (c == '|' || c == ')') {
                if (c == ')' && groupDepth == 0) {
                    throw new SyntaxError("unexpected )", whole);
                }
                break;
            }
            int start = pos;
            if (c == '*' || c == '+' || c == '?' || (c == '{' && repeatAhead())) {
                int min;
                int max;
                if (c == '{') {
                    int[] mm = parseRepeatBraces();
                    min = mm[0];
                    max = mm[1];
                    if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
                        throw new SyntaxError("invalid repeat count", whole.substring(start, pos));
                    }
                } else {
                    pos++;
                    min = c == '+' ? 1 : 0;
                    max = c == '?' ? 1 : -1;
                }
                if (more() && peekChar() == '?') {
                    pos++; // non-greedy
                }
                if (lastRepeatStart >= 0) {
                    throw new SyntaxError("invalid nested repetition operator", whole.substring(lastRepeatStart, pos));
                }
                if (items.isEmpty() || items.get(items.size() - 1) == null) {
                    throw new SyntaxError("missing argument to repetition operator", whole.substring(start, pos));
                }
                Node sub = items.remove(items.size() - 1);
                boolean nullable = min == 0 || sub.nullable;
                Node rep = new Node(nullable, true, min, max, List.of(sub));
                if (c == '{' && (min >= 2 || max >= 2) && !repeatIsValid(rep, MAX_REPEAT)) {
                    throw new SyntaxError("invalid repeat count", whole.substring(start, pos));
                }
                items.add(rep);
                lastRepeatStart = start;
                continue;
            }
            lastRepeatStart = -1;
            if (c == '\\' && pos + 1 < whole.length() && whole.charAt(pos + 1) == 'Q') {
                // \Q...\E pushes its characters one by one (none when empty): a repetition after it applies to
                // the last character only.
                int end = whole.indexOf("\\E", pos + 2);
                String lit = whole.substring(pos + 2, end < 0 ? whole.length() : end);
                pos = end < 0 ? whole.length() : end + 2;
                int runes = lit.codePointCount(0, lit.length());
                if (runes > 1) {
                    items.add(Node.leaf(false));
                }
                if (runes > 0) {
                    items.add(Node.leaf(false));
                }
                continue;
            }
            Node piece = parseAtom(groupDepth);
            if (piece != null) {
                items.add(piece);
            }
        }
        boolean nullable = true;
        for (Node n : items) {
            nullable &= n.nullable;
        }
        return new Node(nullable, false, 0, 0, items);
    }

    private static boolean repeatIsValid(Node n, int limit) {
        if (n.repeat) {
            int m = n.max;
            if (m == 0) {
                return true;
            }
            if (m < 0) {
                m = n.min;
            }
            if (m > limit) {
                return false;
            }
            if (m > 0) {
                limit /= m;
            }
        }
        for (Node s : n.subs) {
            if (!repeatIsValid(s, limit)) {
                return false;
            }
        }
        return true;
    }

    /** True when a well-formed {@code {n}}, {@code {n,}} or {@code {n,m}} starts here; otherwise "{" is literal. */
    private boolean repeatAhead() {
        int save = pos;
        try {
            return parseRepeatBraces() != null;
        } finally {
            pos = save;
        }
    }

    /** Go's {@code parseRepeat}: null when not a repeat; a too-large number yields -1. */
    private int[] parseRepeatBraces() {
        pos++; // '{'
        int min = parseRepeatInt();
        if (min == Integer.MIN_VALUE || !more()) {
            return null;
        }
        int max;
        if (peekChar() != ',') {
            max = min;
        } else {
            pos++;
            if (!more()) {
                return null;
            }
            if (peekChar() == '}') {
                max = -1;
            } else {
                max = parseRepeatInt();
                if (max == Integer.MIN_VALUE) {
                    return null;
                }
                if (max < 0) {
                    min = -1;
                }
            }
        }
        if (!more() || peekChar() != '}') {
            return null;
        }
        pos++;
        return new int[] {min, max};
    }

    /** Digits without a leading zero; MIN_VALUE when absent, -1 when too large (Go's parseInt). */
    private int parseRepeatInt() {
        if (!more() || peekChar() < '0' || peekChar() > '9') {
            return Integer.MIN_VALUE;
        }
        if (pos + 1 < whole.length() && peekChar() == '0' && Character.isDigit(whole.charAt(pos + 1))
                && whole.charAt(pos + 1) < 128) {
            return Integer.MIN_VALUE;
        }
        int n = 0;
        while (more() && peekChar() >= '0' && peekChar() <= '9') {
            if (n >= 100_000_000) {
                n = -1;
            } else if (n >= 0) {
                n = n * 10 + (peekChar() - '0');
            }
            pos++;
        }
        return n;
    }

    /** One atom; null for a flag group such as {@code (?i)}, which adds nothing. */
    private Node parseAtom(int groupDepth) {
        char c = peekChar();
        switch (c) {
            case '(':
                return parseGroup(groupDepth);
            case '^':
            case '$':
                pos++;
                return Node.leaf(true);
            case '.':
                pos++;
                return Node.leaf(false);
            case '[':
                parseClass();
                return Node.leaf(false);
            case '\\':
                return parseBackslash();
            default:
                pos += Character.charCount(whole.codePointAt(pos));
                return Node.leaf(false);
        }
    }

    private Node parseGroup(int groupDepth) {
        int start = pos;
        if (pos + 1 < whole.length() && whole.charAt(pos + 1) == '?') {
            int rest = whole.length() - pos;
            boolean named = rest > 4 && whole.charAt(pos + 2) == 'P' && whole.charAt(pos + 3) == '<'
                    || rest > 3 && whole.charAt(pos + 2) == '<';
            if (named) {
                int begin = pos + (whole.charAt(pos + 2) == 'P' ? 4 : 3);
                int end = whole.indexOf('>', pos);
                if (end < 0) {
                    throw new SyntaxError("invalid named capture", whole.substring(pos));
                }
                if (!isValidCaptureName(whole.substring(begin, end))) {
                    throw new SyntaxError("invalid named capture", whole.substring(pos, end + 1));
                }
                pos = end + 1;
                return groupBody(groupDepth, start);
            }
            // Flags, and maybe a non-capturing group: (?i) (?i:...) (?-s:...)
            pos += 2;
            boolean negated = false;
            boolean sawFlag = false;
            while (more()) {
                char f = peekChar();
                pos += Character.charCount(whole.codePointAt(pos));
                switch (f) {
                    case 'i', 'm', 's', 'U' -> sawFlag = true;
                    case '-' -> {
                        if (negated) {
                            throw new SyntaxError("invalid or unsupported Perl syntax", whole.substring(start, pos));
                        }
                        negated = true;
                        sawFlag = false;
                    }
                    case ':', ')' -> {
                        if (negated && !sawFlag) {
                            throw new SyntaxError("invalid or unsupported Perl syntax", whole.substring(start, pos));
                        }
                        if (f == ':') {
                            return groupBody(groupDepth, start);
                        }
                        return null;
                    }
                    default -> throw new SyntaxError(
                            "invalid or unsupported Perl syntax", whole.substring(start, pos));
                }
            }
            throw new SyntaxError("invalid or unsupported Perl syntax", whole.substring(start, pos));
        }
        pos++;
        return groupBody(groupDepth, start);
    }

    private Node groupBody(int groupDepth, int start) {
        if (++height > MAX_HEIGHT) {
            throw new SyntaxError("expression nests too deeply", whole);
        }
        Node inner = parseAlternation(groupDepth + 1);
        if (!more()) {
            throw new SyntaxError("missing closing )", whole);
        }
        pos++; // ')'
        height--;
        return new Node(inner.nullable, false, 0, 0, List.of(inner));
    }

    private static boolean isValidCaptureName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (!(cp == '_' || isAlnum(cp))) { // [A-Za-z0-9_]+, ASCII only, as Go's isValidCaptureName
                return false;
            }
        }
        return true;
    }

    private Node parseBackslash() {
        if (pos + 1 < whole.length()) {
            char n = whole.charAt(pos + 1);
            switch (n) {
                case 'A', 'z', 'B' -> {
                    pos += 2;
                    return Node.leaf(true);
                }
                case 'b' -> {
                    pos += 2;
                    return Node.leaf(false); // a word boundary needs a word character on one side
                }
                case 'C' -> throw new SyntaxError("invalid escape sequence", "\\C");
                case 'p', 'P' -> {
                    parseUnicodeClass();
                    return Node.leaf(false);
                }
                case 'd', 'D', 's', 'S', 'w', 'W' -> {
                    pos += 2;
                    return Node.leaf(false);
                }
                default -> {
                    // an ordinary escape, below
                }
            }
        }
        parseEscape();
        return Node.leaf(false);
    }

    /** Go's {@code parseEscape}: one escaped character. */
    @SuppressWarnings("fallthrough") // \1 to \7 followed by an octal digit continue as octal, as in Go
    private void parseEscape() {
        int start = pos;
        pos++; // '\'
        if (!more()) {
            throw new SyntaxError("trailing backslash at end of expression", "");
        }
        int c = whole.codePointAt(pos);
        pos += Character.charCount(c);
        if (c < 0x80 && !isAlnum(c)) {
            return; // escaped punctuation is itself
        }
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7':
                if (!more() || peekChar() < '0' || peekChar() > '7') {
                    break; // a back-reference: unsupported
                }
                // fall through: octal
            case '0':
                for (int i = 1; i < 3 && more() && peekChar() >= '0' && peekChar() <= '7'; i++) {
                    pos++;
                }
                return;
            case 'x':
                if (!more()) {
                    break;
                }
                if (peekChar() == '{') {
                    pos++;
                    int digits = 0;
                    long value = 0;
                    while (true) {
                        if (!more()) {
                            throw new SyntaxError("invalid escape sequence", whole.substring(start, pos));
                        }
                        char h = peekChar();
                        pos++;
                        if (h == '}') {
                            break;
                        }
                        int v = Character.digit(h, 16);
                        if (v < 0 || h > 127) {
                            throw new SyntaxError("invalid escape sequence", whole.substring(start, pos));
                        }
                        value = value * 16 + v;
                        if (value > Character.MAX_CODE_POINT) {
                            throw new SyntaxError("invalid escape sequence", whole.substring(start, pos));
                        }
                        digits++;
                    }
                    if (digits == 0) {
                        break;
                    }
                    return;
                }
                int x = hex(peekChar());
                pos++;
                int y = more() ? hex(peekChar()) : -1;
                if (more()) {
                    pos++;
                }
                if (x < 0 || y < 0) {
                    break;
                }
                return;
            case 'a', 'f', 'n', 'r', 't', 'v':
                return;
            default:
                break;
        }
        throw new SyntaxError("invalid escape sequence", whole.substring(start, Math.min(pos, whole.length())));
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }

    private static boolean isAlnum(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** {@code \pL}, {@code \p{Greek}}, {@code \PN}, {@code \p{^Han}}. */
    private void parseUnicodeClass() {
        int start = pos;
        pos += 2;
        String name;
        if (more() && peekChar() == '{') {
            int end = whole.indexOf('}', start);
            if (end < 0) {
                throw new SyntaxError("invalid character class range", whole.substring(start));
            }
            name = whole.substring(start + 3, end);
            pos = end + 1;
        } else if (more()) {
            int cp = whole.codePointAt(pos);
            pos += Character.charCount(cp);
            name = new String(Character.toChars(cp));
        } else {
            name = "";
        }
        if (name.startsWith("^")) {
            name = name.substring(1);
        }
        if (!isUnicodeClass(name)) {
            throw new SyntaxError("invalid character class range", whole.substring(start, pos));
        }
    }

    private static boolean isUnicodeClass(String name) {
        if (CATEGORIES.contains(name)) {
            return true;
        }
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return false;
        }
        try {
            Character.UnicodeScript.forName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code [...]}: Go's {@code parseClass}, with POSIX names, Unicode and Perl classes, escapes and ranges. */
    private void parseClass() {
        int classStart = pos;
        pos++; // '['
        if (more() && peekChar() == '^') {
            pos++;
        }
        boolean first = true;
        while (!more() || peekChar() != ']' || first) {
            first = false;
            if (pos + 2 < whole.length() && peekChar() == '[' && whole.charAt(pos + 1) == ':') {
                int close = nextPosixClose(pos + 2);
                if (close >= 0) {
                    String name = whole.substring(pos, close + 2);
                    String bare = name.substring(2, name.length() - 2);
                    if (bare.startsWith("^")) {
                        bare = bare.substring(1);
                    }
                    if (!POSIX_CLASSES.contains(bare)) {
                        throw new SyntaxError("invalid character class range", name);
                    }
                    pos = close + 2;
                    continue;
                }
            }
            if (more() && peekChar() == '\\' && pos + 1 < whole.length()) {
                char n = whole.charAt(pos + 1);
                if (n == 'p' || n == 'P') {
                    parseUnicodeClass();
                    continue;
                }
                if (n == 'd' || n == 'D' || n == 's' || n == 'S' || n == 'w' || n == 'W') {
                    pos += 2;
                    continue;
                }
            }
            int rangeStart = pos;
            int lo = parseClassChar(classStart);
            if (pos + 1 < whole.length() && peekChar() == '-' && whole.charAt(pos + 1) != ']') {
                pos++;
                int hi = parseClassChar(classStart);
                if (hi < lo) {
                    throw new SyntaxError("invalid character class range", whole.substring(rangeStart, pos));
                }
            }
        }
        pos++; // ']'
    }

    /**
     * The next ":]" at or after {@code from}, or -1. Remembered, so that many "[:" in one regex cost one scan in
     * total rather than one each.
     */
    private int nextPosixClose(int from) {
        if (posixClose == -2 || (posixClose >= 0 && posixClose < from)) {
            posixClose = whole.indexOf(":]", from);
        }
        return posixClose;
    }

    /** One character of a class; its code point (escapes resolved well enough to compare ranges). */
    private int parseClassChar(int classStart) {
        if (!more()) {
            throw new SyntaxError("missing closing ]", whole.substring(classStart));
        }
        if (peekChar() == '\\') {
            int start = pos;
            parseEscape();
            return escapedValue(whole.substring(start, pos));
        }
        int cp = whole.codePointAt(pos);
        pos += Character.charCount(cp);
        return cp;
    }

    /** The character an escape stands for (only used to order the ends of a class range). */
    private static int escapedValue(String esc) {
        char c = esc.charAt(1);
        switch (c) {
            case 'a': return 7;
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'v': return 11;
            case 'x':
                if (esc.length() > 2 && esc.charAt(2) == '{') {
                    return Integer.parseInt(esc.substring(3, esc.length() - 1), 16);
                }
                return Integer.parseInt(esc.substring(2), 16);
            default:
                if (c >= '0' && c <= '7') {
                    return Integer.parseInt(esc.substring(1), 8);
                }
                return esc.codePointAt(1);
        }
    }
}
