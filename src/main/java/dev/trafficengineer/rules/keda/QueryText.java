package dev.trafficengineer.rules.keda;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ScalarSpan;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;

/**
 * A query as written in a YAML scalar, and where its characters sit in the file: ranges of the query (code points,
 * as the PromQL parser and lint give them) map through quoting, escapes and block indentation to line:column.
 */
record QueryText(KubeObject owner, JsonPointer at, String text) {

    /** The file range of the query's code points [start, end); the whole value when it cannot be traced. */
    SourceRange range(int start, int end) {
        ScalarSpan span = owner.scalarSpan(at);
        if (span == null) {
            return owner.locate(at).preferred(false);
        }
        if (start == end) {
            start = end = endOfContent(start);
        }
        return span.range(start, end);
    }

    /**
     * A point after which only white space follows (an error at the end of the input) moves back to just after the
     * last token: the same place in the query, but on the query's last line rather than after a block scalar's
     * final line break.
     */
    private int endOfContent(int point) {
        int[] cps = text.codePoints().toArray();
        for (int i = point; i < cps.length; i++) {
            if (!Character.isWhitespace(cps[i])) {
                return point;
            }
        }
        int p = Math.min(point, cps.length);
        while (p > 0 && Character.isWhitespace(cps[p - 1])) {
            p--;
        }
        return p;
    }
}
