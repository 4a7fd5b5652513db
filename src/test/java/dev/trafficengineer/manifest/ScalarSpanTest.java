package dev.trafficengineer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import org.junit.jupiter.api.Test;

class ScalarSpanTest {

    private static SourceRange rangeOf(String yaml, String needle) {
        KubeObject o = new ManifestLoader("default").load(new SourceText("q.yaml", yaml), false).objects().get(0);
        String value = o.tree().at("/q").asText();
        int start = value.indexOf(needle);
        assertThat(start).as("needle in value").isNotNegative();
        return o.scalarSpan(JsonPointer.parse("/q")).range(start, start + needle.length());
    }

    private static final String HEAD = "apiVersion: v1\nkind: A\n";

    @Test
    void plain() {
        SourceRange r = rangeOf(HEAD + "q: sum(rate(http_requests_total[2m]))\n", "http_requests_total");
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.column()).isEqualTo(13);
        assertThat(r.endColumn()).isEqualTo(32);
    }

    @Test
    void doubleQuotedWithEscapes() {
        SourceRange r = rangeOf(HEAD + "q: \"sum(x{a=\\\"b\\\"}) by (le)\"\n", "by");
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.column()).isEqualTo(21); // after sum(x{a=\"b\"}) 
    }

    @Test
    void singleQuoted() {
        SourceRange r = rangeOf(HEAD + "q: 'x{a=''b''} + y'\n", "y");
        assertThat(r.column()).isEqualTo(18);
    }

    @Test
    void literalBlock() {
        SourceRange r = rangeOf(HEAD + "q: |\n  sum(\n    rate(foo[5m])\n  )\n", "rate");
        assertThat(r.line()).isEqualTo(5);
        assertThat(r.column()).isEqualTo(5);
    }

    @Test
    void foldedBlock() {
        SourceRange r = rangeOf(HEAD + "q: >-\n  sum(rate(foo[5m]))\n  by (pod)\n", "pod");
        assertThat(r.line()).isEqualTo(5);
        assertThat(r.column()).isEqualTo(7);
    }

    @Test
    void multiLinePlain() {
        SourceRange r = rangeOf(HEAD + "q: sum(rate(foo[5m]))\n  by (pod)\n", "pod");
        assertThat(r.line()).isEqualTo(4);
        assertThat(r.column()).isEqualTo(7);
    }

    @Test
    void anEmptyRangeAtTheEndIsInsideTheClosingQuote() {
        KubeObject o = new ManifestLoader("default").load(new SourceText("q.yaml", HEAD + "q: \"sum(x) +\"\n"
                + "r: 'y'' +'\n"), false).objects().get(0);
        assertThat(o.scalarSpan(JsonPointer.parse("/q")).range(8, 8)).hasToString("3:13-3:13");
        assertThat(o.scalarSpan(JsonPointer.parse("/r")).range(4, 4)).hasToString("4:10-4:10");
        // a point inside the value is before the code point there
        assertThat(o.scalarSpan(JsonPointer.parse("/q")).range(7, 7)).hasToString("3:12-3:12");
    }
}
