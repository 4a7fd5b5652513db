package dev.trafficengineer.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A YAML document as the drafter builds it: mappings in insertion order, sequences, scalars, and a comment on any
 * entry. {@link #write} prints it in block style with each comment on the lines above its entry.
 */
public sealed interface YamlTree {

    /** A mapping; entries keep their order. */
    record Mapping(List<Entry> entries) implements YamlTree {
        public Mapping {
            entries = List.copyOf(entries);
        }
    }

    record Sequence(List<YamlTree> items) implements YamlTree {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A scalar, already written as YAML (quoted where YAML would read it as something else). */
    record Scalar(String yaml) implements YamlTree {}

    record Entry(String key, YamlTree value, String comment) {}

    /** Strings YAML 1.1 would read as another type, or that start with a character with a meaning. */
    Pattern NEEDS_QUOTES = Pattern.compile(
            "(?i)(y|n|yes|no|on|off|true|false|null|~)|[-+]?[0-9._]+(e[-+]?[0-9]+)?|0x[0-9a-f]+|[-+]?\\.(inf|nan)"
                    + "|\\d{4}-\\d{1,2}-\\d{1,2}.*|[0-9:]+|.*(: | #).*|[\\[\\]{}>|*&!%@`'\",?-].*|.*:|\\s.*|.*\\s|");

    static Scalar string(String s) {
        return NEEDS_QUOTES.matcher(s).matches() ? quoted(s) : new Scalar(s);
    }

    /** Always double-quoted: KEDA metadata values are strings, whatever they look like. */
    static Scalar quoted(String s) {
        return new Scalar("\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    static Scalar number(long n) {
        return new Scalar(String.valueOf(n));
    }

    static Scalar bool(boolean b) {
        return new Scalar(String.valueOf(b));
    }

    static Builder mapping() {
        return new Builder();
    }

    static Sequence sequence(YamlTree... items) {
        return new Sequence(List.of(items));
    }

    /** Builds a mapping entry by entry. */
    final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        public Builder put(String key, YamlTree value) {
            return put(key, value, null);
        }

        public Builder put(String key, YamlTree value, String comment) {
            entries.add(new Entry(key, value, comment));
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, string(value), null);
        }

        public Builder put(String key, long value, String comment) {
            return put(key, number(value), comment);
        }

        public Builder put(String key, Builder value) {
            return put(key, value.build(), null);
        }

        public Builder put(String key, Builder value, String comment) {
            return put(key, value.build(), comment);
        }

        public Mapping build() {
            return new Mapping(entries);
        }
    }

    /** The tree as block YAML, with {@code header} lines as comments on top. */
    static String write(YamlTree tree, List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String h : header) {
            comment(out, 0, h);
        }
        writeMapping(out, (Mapping) tree, 0, false);
        return out.toString();
    }

    private static void writeMapping(StringBuilder out, Mapping m, int indent, boolean firstInlined) {
        boolean first = true;
        for (Entry e : m.entries()) {
            boolean inline = first && firstInlined;
            if (e.comment() != null && !inline) {
                comment(out, indent, e.comment());
            }
            if (!inline) {
                out.append(" ".repeat(indent));
            }
            out.append(key(e.key())).append(':');
            YamlTree v = e.value();
            if (v instanceof Scalar s) {
                out.append(' ').append(s.yaml()).append('\n');
            } else if (v instanceof Mapping child && !child.entries().isEmpty()) {
                out.append('\n');
                writeMapping(out, child, indent + 2, false);
            } else if (v instanceof Sequence seq && !seq.items().isEmpty()) {
                out.append('\n');
                writeSequence(out, seq, indent + 2);
            } else {
                out.append(v instanceof Mapping ? " {}" : " []").append('\n');
            }
            first = false;
        }
    }

    private static void writeSequence(StringBuilder out, Sequence seq, int indent) {
        for (YamlTree item : seq.items()) {
            if (item instanceof Mapping m && !m.entries().isEmpty()) {
                Entry head = m.entries().get(0);
                if (head.comment() != null) {
                    comment(out, indent, head.comment());
                }
                out.append(" ".repeat(indent)).append("- ");
                writeMapping(out, m, indent + 2, true);
            } else if (item instanceof Scalar s) {
                out.append(" ".repeat(indent)).append("- ").append(s.yaml()).append('\n');
            } else {
                throw new IllegalArgumentException("nested sequences are not drafted");
            }
        }
    }

    private static String key(String k) {
        return NEEDS_QUOTES.matcher(k).matches() && !k.contains("/") ? quoted(k).yaml() : k;
    }

    /** Writes a comment wrapped at about 100 columns. */
    private static void comment(StringBuilder out, int indent, String text) {
        int width = Math.max(40, 100 - indent - 2);
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.append(" ".repeat(indent)).append("# ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            out.append(" ".repeat(indent)).append('#').append(line.length() > 0 ? " " + line : "").append('\n');
        }
    }
}
