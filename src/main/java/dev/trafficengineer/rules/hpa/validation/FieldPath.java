package dev.trafficengineer.rules.hpa.validation;

import dev.trafficengineer.source.JsonPointer;

/**
 * A field path in two spellings at once: the server's ({@code spec.metrics[0].type}, as apimachinery's
 * {@code field.Path.String()} writes it) and the JSON pointer of the same node ({@code /spec/metrics/0/type}).
 */
public record FieldPath(String text, JsonPointer pointer) {

    public static final FieldPath ROOT = new FieldPath("", JsonPointer.ROOT);

    public static FieldPath of(String... names) {
        FieldPath p = ROOT;
        for (String n : names) {
            p = p.child(n);
        }
        return p;
    }

    /** A struct field: {@code a.b}. */
    public FieldPath child(String name) {
        return new FieldPath(text.isEmpty() ? name : text + "." + name, pointer.child(name));
    }

    /** A list element: {@code a[0]}. */
    public FieldPath index(int i) {
        return new FieldPath(text + "[" + i + "]", pointer.child(i));
    }

    /** A map entry: {@code a[key]} (field.Path.Key prints the key bare). */
    public FieldPath key(String key) {
        return new FieldPath(text + "[" + key + "]", pointer.child(key));
    }

    @Override
    public String toString() {
        return text;
    }
}
