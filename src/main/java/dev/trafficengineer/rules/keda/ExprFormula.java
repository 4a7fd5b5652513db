package dev.trafficengineer.rules.keda;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a scalingModifiers formula refers to, read the way expr-lang resolves them: member access
 * ({@code .x}), function calls ({@code max(...)}), map keys, closure variables ({@code #}), {@code let} bindings and
 * keywords are not references to the environment. KEDA compiles the formula against the named triggers only, so
 * any other name is an {@code unknown name} error. When unsure a name is a reference, it is left out: the check
 * may miss an error but never invents one.
 */
final class ExprFormula {

    private ExprFormula() {}

    private static final Set<String> KEYWORDS = Set.of("true", "false", "nil", "not", "and", "or", "in", "matches",
            "contains", "startsWith", "endsWith", "let", "if", "else", "$env");

    /** The names the formula reads from its environment, in order of appearance. */
    static Set<String> references(String formula) {
        Set<String> refs = new LinkedHashSet<>();
        Set<String> defined = new LinkedHashSet<>();
        int braces = 0;
        boolean defineNext = false;
        int i = 0;
        int n = formula.length();
        while (i < n) {
            char c = formula.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(formula, i);
                continue;
            }
            if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces = Math.max(0, braces - 1);
            }
            if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(formula.charAt(i)) || formula.charAt(i) == '_'
                        || formula.charAt(i) == '.' && i + 1 < n && Character.isDigit(formula.charAt(i + 1)))) {
                    i++;
                }
                continue;
            }
            if (c == '#') {
                i++;
                while (i < n && (Character.isLetterOrDigit(formula.charAt(i)) || formula.charAt(i) == '_')) {
                    i++;
                }
                continue;
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(formula.charAt(i)) || formula.charAt(i) == '_'
                        || formula.charAt(i) == '$')) {
                    i++;
                }
                String name = formula.substring(start, i);
                char before = previous(formula, start);
                char after = next(formula, i);
                if (defineNext) {
                    defined.add(name);
                    defineNext = false;
                } else if (name.equals("let")) {
                    defineNext = true;
                } else if (before == '.' || after == '(' || KEYWORDS.contains(name)) {
                    continue;
                } else if (after == ':' && braces > 0) {
                    continue; // a map literal key
                } else if (formula.startsWith("=>", skipSpaces(formula, i))) {
                    defined.add(name);
                } else {
                    refs.add(name);
                }
                continue;
            }
            i++;
        }
        refs.removeAll(defined);
        return refs;
    }

    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        i++;
        while (i < s.length() && s.charAt(i) != quote) {
            i += s.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    private static char previous(String s, int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(s.charAt(j))) {
            j--;
        }
        return j >= 0 ? s.charAt(j) : ' ';
    }

    private static char next(String s, int i) {
        int j = skipSpaces(s, i);
        return j < s.length() ? s.charAt(j) : ' ';
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
