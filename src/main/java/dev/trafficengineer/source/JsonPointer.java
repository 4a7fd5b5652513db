package dev.trafficengineer.source;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An RFC 6901 JSON pointer into a Kubernetes object, e.g. {@code /spec/behavior/scaleDown/policies/0}.
 * The empty pointer addresses the whole object.
 */
public record JsonPointer(String value) implements Comparable<JsonPointer> {

    public static final JsonPointer ROOT = new JsonPointer("");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    public JsonPointer {
        if (!value.isEmpty() && value.charAt(0) != '/') {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + value);
        }
    }

    /** Builds a pointer from raw (unescaped) reference tokens. */
    public static JsonPointer of(String... tokens) {
        JsonPointer p = ROOT;
        for (String t : tokens) {
            p = p.child(t);
        }
        return p;
    }

    /**
     * Parses {@code /a/b/0}, or the dotted field path Kubernetes messages use: {@code a.b[0]},
     * {@code metadata.labels[app.kubernetes.io/name]} (a bracketed token may hold dots).
     */
    public static JsonPointer parse(String text) {
        if (text.isEmpty() || text.charAt(0) == '/') {
            return new JsonPointer(text);
        }
        JsonPointer p = ROOT;
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.' || c == '[') {
                if (name.length() > 0) {
                    p = p.child(name.toString());
                    name.setLength(0);
                }
                if (c == '[') {
                    int close = text.indexOf(']', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [ in field path: " + text);
                    }
                    p = p.child(text.substring(i + 1, close));
                    i = close;
                }
            } else {
                name.append(c);
            }
            i++;
        }
        if (name.length() > 0) {
            p = p.child(name.toString());
        }
        return p;
    }

    public JsonPointer child(String token) {
        return new JsonPointer(value + "/" + token.replace("~", "~0").replace("/", "~1"));
    }

    public JsonPointer child(int index) {
        return new JsonPointer(value + "/" + index);
    }

    public boolean isRoot() {
        return value.isEmpty();
    }

    /** The pointer one level up; the root is its own parent. */
    public JsonPointer parent() {
        int slash = value.lastIndexOf('/');
        return slash <= 0 ? ROOT : new JsonPointer(value.substring(0, slash));
    }

    /** The unescaped reference tokens, outermost first. */
    public List<String> tokens() {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) {
            return out;
        }
        for (String raw : value.substring(1).split("/", -1)) {
            out.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** The last token, or "" for the root. */
    public String last() {
        List<String> t = tokens();
        return t.isEmpty() ? "" : t.get(t.size() - 1);
    }

    public boolean startsWith(JsonPointer prefix) {
        return value.equals(prefix.value) || value.startsWith(prefix.value + "/");
    }

    /** This pointer with {@code prefix} in front, e.g. an object's pointer inside a {@code kind: List}. */
    public JsonPointer under(JsonPointer prefix) {
        return new JsonPointer(prefix.value + value);
    }

    /**
     * The field path in the API server's own terms: {@code spec.metrics[0].resource.target}. Array indexes are
     * bracketed; a token that is not a plain identifier is quoted, as in {@code metadata.labels[app.kubernetes.io/name]}.
     */
    public String fieldPath() {
        StringBuilder out = new StringBuilder();
        for (String t : tokens()) {
            if (isIndex(t)) {
                out.append('[').append(t).append(']');
            } else if (IDENTIFIER.matcher(t).matches()) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(t);
            } else {
                out.append('[').append(t).append(']');
            }
        }
        return out.toString();
    }

    private static boolean isIndex(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(JsonPointer o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
