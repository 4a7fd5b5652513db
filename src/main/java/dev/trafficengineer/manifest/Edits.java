package dev.trafficengineer.manifest;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/** Text edits that rules attach to findings as fixes, computed from where values sit in the file. */
public final class Edits {

    private Edits() {}

    /**
     * Replaces a scalar's content, keeping its quotes: {@code "autoscaling/v2beta2"} becomes
     * {@code "autoscaling/v2"}. Null when the pointer is not a scalar.
     */
    public static Edit replaceScalar(KubeObject o, JsonPointer p, String text) {
        Located l = o.locate(p);
        if (!l.exact() || !l.scalar()) {
            return null;
        }
        String value = o.at(p).asText();
        SourceRange r = l.value();
        ScalarSpan span = o.scalarSpan(p);
        if (span != null && !value.isEmpty()) {
            SourceRange inner = span.range(0, value.codePointCount(0, value.length()));
            if (!inner.equals(r) || quoted(o.source(), r)) {
                r = inner;
            }
        }
        return new Edit(r.line(), r.column(), r.endLine(), r.endColumn(), text);
    }

    /** Replaces a whole value (scalar with its quotes, or a flow collection) with new text. */
    public static Edit replaceValue(KubeObject o, JsonPointer p, String text) {
        Located l = o.locate(p);
        if (!l.exact()) {
            return null;
        }
        SourceRange r = l.value();
        return new Edit(r.line(), r.column(), r.endLine(), r.endColumn(), text);
    }

    /**
     * Deletes a mapping entry (key and value) written in block style, with its whole lines, so that no blank line
     * is left behind. Null when the entry does not sit on lines of its own.
     */
    public static Edit deleteEntry(KubeObject o, JsonPointer p) {
        Located l = o.locate(p);
        if (!l.exact() || l.key() == null) {
            return null;
        }
        SourceText src = o.source();
        String keyLine = src.line(l.key().line());
        if (!keyLine.substring(0, keyLine.offsetByCodePoints(0, l.key().column() - 1)).isBlank()) {
            return null; // the key shares its line with other text (a flow mapping, or "- key:")
        }
        int end = l.value().endLine();
        String lastLine = src.line(end);
        String after = lastLine.substring(lastLine.offsetByCodePoints(0,
                Math.min(l.value().endColumn() - 1, lastLine.codePointCount(0, lastLine.length()))));
        if (!after.isBlank() && !after.stripLeading().startsWith("#")) {
            return null;
        }
        if (end < src.lineCount()) {
            return new Edit(l.key().line(), 1, end + 1, 1, "");
        }
        return new Edit(l.key().line(), 1, end, lastLine.codePointCount(0, lastLine.length()) + 1, "");
    }

    /**
     * Deletes a list item written in block style ({@code - type: Pods} and the lines of its mapping), with its whole
     * lines. Null when the item shares a line with other text (a flow sequence, or a comment-less single line is
     * fine) or is not a block item.
     */
    public static Edit deleteItem(KubeObject o, JsonPointer item) {
        Located l = o.locate(item);
        if (!l.exact() || l.key() != null) {
            return null;
        }
        SourceText src = o.source();
        SourceRange v = l.value();
        String first = src.line(v.line());
        String before = first.substring(0, first.offsetByCodePoints(0, v.column() - 1));
        if (!before.strip().equals("-")) {
            return null; // a flow sequence, or the dash on a line of its own (then the item is not ours to guess)
        }
        String lastLine = src.line(v.endLine());
        String after = lastLine.substring(lastLine.offsetByCodePoints(0,
                Math.min(v.endColumn() - 1, lastLine.codePointCount(0, lastLine.length()))));
        if (!after.isBlank() && !after.stripLeading().startsWith("#")) {
            return null;
        }
        if (v.endLine() < src.lineCount()) {
            return new Edit(v.line(), 1, v.endLine() + 1, 1, "");
        }
        return new Edit(v.line(), 1, v.endLine(), lastLine.codePointCount(0, lastLine.length()) + 1, "");
    }

    private static boolean quoted(SourceText src, SourceRange r) {
        String line = src.line(r.line());
        int i = line.offsetByCodePoints(0, r.column() - 1);
        return i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'');
    }

    /** The indentation, in spaces, of the line a key sits on. */
    public static int indentOf(KubeObject o, JsonPointer p) {
        Located l = o.locate(p);
        SourceRange at = l.key() != null ? l.key() : l.value();
        return at.column() - 1;
    }

    /**
     * Inserts a new entry into a block mapping, after its last entry, indented like its siblings. {@code block} is
     * the entry as YAML written with two-space indentation ({@code "behavior:\n  scaleDown: ..."}); nested levels
     * are re-indented to the file's own step. Null when the mapping is not a block mapping with entries.
     */
    public static Edit insertEntry(KubeObject o, JsonPointer mapping, String block) {
        Located parent = o.locate(mapping);
        var node = o.at(mapping);
        if (!parent.exact() || !node.isObject() || node.isEmpty()) {
            return null;
        }
        SourceText src = o.source();
        String first = node.fieldNames().next();
        Located firstChild = o.locate(mapping.child(first));
        if (firstChild.key() == null || firstChild.key().line() == parent.value().line() && parent.key() != null
                && firstChild.key().line() == parent.key().line()) {
            return null; // a flow mapping, or entries on the parent's line
        }
        int indent = firstChild.key().column() - 1;
        String keyLine = src.line(firstChild.key().line());
        if (!keyLine.substring(0, keyLine.offsetByCodePoints(0, indent)).isBlank()) {
            return null; // "- key: value": the first entry shares its line with a sequence dash
        }
        int step = indentStep(src);
        int lastLine = parent.value().endLine();
        String nl = src.text().contains("\r\n") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        for (String line : block.stripTrailing().split("\n")) {
            int lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') {
                lead++;
            }
            text.append(" ".repeat(indent + lead / 2 * step + lead % 2)).append(line.substring(lead)).append(nl);
        }
        if (lastLine < src.lineCount()) {
            return Edit.insert(lastLine + 1, 1, text.toString());
        }
        // the mapping ends on the file's last line, which has no line break
        String last = src.line(lastLine);
        return Edit.insert(lastLine, last.codePointCount(0, last.length()) + 1, nl + text.toString().stripTrailing());
    }

    /** The file's indentation step: the smallest positive increase of indentation between consecutive lines. */
    public static int indentStep(SourceText src) {
        int step = Integer.MAX_VALUE;
        int prev = -1;
        for (int i = 1; i <= src.lineCount(); i++) {
            String l = src.line(i);
            if (l.isBlank() || l.stripLeading().startsWith("#")) {
                continue;
            }
            int lead = 0;
            while (lead < l.length() && l.charAt(lead) == ' ') {
                lead++;
            }
            if (prev >= 0 && lead > prev && !src.line(i - 1).stripLeading().startsWith("-")) {
                step = Math.min(step, lead - prev);
            }
            prev = lead;
        }
        return step == Integer.MAX_VALUE ? 2 : step;
    }

    /**
     * The text with non-overlapping edits applied, from the end backwards so earlier positions stay valid. Inserted
     * line breaks follow the file's own ({@code \r\n} or {@code \n}); every other byte stays as it was.
     */
    public static String apply(SourceText source, List<Edit> edits) {
        String text = source.text();
        boolean crlf = text.contains("\r\n");
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> b.compareStart(a));
        StringBuilder out = new StringBuilder(text);
        for (Edit e : sorted) {
            int from = charIndex(source, e.line(), e.column());
            int to = charIndex(source, e.endLine(), e.endColumn());
            String insert = crlf ? e.text().replace("\r\n", "\n").replace("\n", "\r\n") : e.text();
            out.replace(from, to, insert);
        }
        return out.toString();
    }

    private static int charIndex(SourceText source, int line, int column) {
        return line > source.lineCount() ? source.text().length() : source.charIndex(line, column);
    }
}
