package dev.trafficengineer.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.promql.lint.CheckResult;
import dev.trafficengineer.promql.lint.QueryProblem;

/**
 * One checked PromQL query as JSON, the shape DESIGN.md fixes for {@code promql check --format json}:
 * {@code {"input", "ok", "type" | "error": {"message", "start", "end"}, "lint": [...]}}. The CLI prints it one object
 * per line; the MCP tool returns it as its structured result. {@link #text} is the {@code --format text} form.
 */
public final class QueryReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryReport() {}

    public static ObjectNode json(CheckResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("input", r.input());
        n.put("ok", r.ok());
        if (r.ok()) {
            n.put("type", r.type().apiName());
        } else {
            ObjectNode e = n.putObject("error");
            e.put("message", r.error().message());
            e.put("start", r.error().start());
            e.put("end", r.error().end());
        }
        ArrayNode lint = n.putArray("lint");
        for (QueryProblem p : r.lint()) {
            lint.addObject()
                    .put("ruleId", p.rule().id())
                    .put("severity", p.rule().severity().label())
                    .put("message", p.message())
                    .put("start", p.start())
                    .put("end", p.end());
        }
        return n;
    }

    /** The query, a caret under the error (when it does not parse), and one line per lint finding. */
    public static String text(CheckResult r) {
        StringBuilder out = new StringBuilder(r.input()).append('\n');
        if (r.ok()) {
            out.append("  ok: ").append(r.type().documentedName()).append('\n');
        } else {
            out.append("  ").append(caret(r.input(), r.error().start(), r.error().end())).append('\n');
            out.append("  error: ").append(r.error().message()).append('\n');
        }
        for (QueryProblem p : r.lint()) {
            out.append("  ").append(p.rule().severity().label()).append(' ').append(p.rule().id()).append(": ")
                    .append(p.message()).append('\n');
        }
        return out.toString();
    }

    private static String caret(String input, int start, int end) {
        int from = Math.min(start, input.codePointCount(0, input.length()));
        return " ".repeat(from) + "^".repeat(Math.max(1, end - start));
    }
}
