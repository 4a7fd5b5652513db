package dev.trafficengineer.manifest;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;

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
}
