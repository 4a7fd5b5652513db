package dev.trafficengineer.review.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.ObjectRef;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Summary;
import java.io.UncheckedIOException;
import java.util.List;

/** The review as one JSON object: {@code {"findings": [...], "summary": {...}}}, the shape DESIGN.md fixes. */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    public static String render(Review review) {
        ObjectNode root = JSON.createObjectNode();
        root.set("findings", findings(review.findings()));
        root.set("summary", summary(review.summary()));
        return write(root);
    }

    public static ArrayNode findings(List<Finding> findings) {
        ArrayNode out = JSON.createArrayNode();
        findings.forEach(f -> out.add(finding(f)));
        return out;
    }

    public static ObjectNode finding(Finding f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ruleId", f.ruleId());
        n.put("severity", f.severity().label());
        n.put("message", f.message());
        n.put("file", f.file());
        n.put("line", f.range().line());
        n.put("column", f.range().column());
        n.put("endLine", f.range().endLine());
        n.put("endColumn", f.range().endColumn());
        n.put("pointer", f.pointer().value());
        ObjectRef o = f.object();
        if (o == null) {
            n.putNull("object");
        } else {
            ObjectNode on = n.putObject("object");
            on.put("apiVersion", o.apiVersion());
            on.put("kind", o.kind());
            if (o.namespace() == null) {
                on.putNull("namespace");
            } else {
                on.put("namespace", o.namespace());
            }
            on.put("name", o.name());
        }
        if (f.fix() != null) {
            n.set("fix", fix(f.fix()));
        }
        return n;
    }

    private static ObjectNode fix(Fix fix) {
        ObjectNode n = JSON.createObjectNode();
        n.put("description", fix.description());
        n.put("safe", fix.safe());
        ArrayNode edits = n.putArray("edits");
        for (Edit e : fix.edits()) {
            ObjectNode en = edits.addObject();
            en.put("line", e.line());
            en.put("column", e.column());
            en.put("endLine", e.endLine());
            en.put("endColumn", e.endColumn());
            en.put("text", e.text());
        }
        return n;
    }

    public static ObjectNode summary(Summary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("files", s.files());
        n.put("objects", s.objects());
        n.put("error", s.error());
        n.put("warning", s.warning());
        n.put("info", s.info());
        return n;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
