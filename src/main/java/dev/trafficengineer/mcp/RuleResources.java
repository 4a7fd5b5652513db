package dev.trafficengineer.mcp;

import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.review.report.RuleDocs;
import dev.trafficengineer.rules.RuleRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The documentation the assistant can read without calling a tool: the rule catalogue (docs/rules.md, generated
 * from the same rules the review runs), one resource per rule, and the requirements format for drafting.
 */
final class RuleResources {

    static final String CATALOGUE_URI = "traffic-engineer://rules";
    static final String RULE_PREFIX = "traffic-engineer://rules/";
    static final String RULE_TEMPLATE = RULE_PREFIX + "{area}/{name}";
    static final String REQUIREMENTS_URI = "traffic-engineer://schemas/requirements";

    /** JSON-RPC code MCP gives "resource not found". */
    private static final int RESOURCE_NOT_FOUND = -32002;

    private static final String MARKDOWN = "text/markdown";

    private final RuleRegistry registry;

    RuleResources(RuleRegistry registry) {
        this.registry = registry;
    }

    static String uri(RuleInfo r) {
        return RULE_PREFIX + r.id();
    }

    List<SyncResourceSpecification> resources() {
        List<SyncResourceSpecification> out = new ArrayList<>();
        out.add(new SyncResourceSpecification(McpSchema.Resource.builder()
                .uri(CATALOGUE_URI)
                .name("rules.md")
                .title("traffic-engineer rules")
                .description("Every review rule: id, severity, what it catches, why, an example, what to do, source.")
                .mimeType(MARKDOWN)
                .build(), (exchange, req) -> text(CATALOGUE_URI, MARKDOWN, RuleDocs.markdown(registry.catalogue()))));
        out.add(new SyncResourceSpecification(McpSchema.Resource.builder()
                .uri(REQUIREMENTS_URI)
                .name("requirements.schema.json")
                .title("Requirements format")
                .description("The JSON Schema of the `requirements` object draft_autoscaling takes; every field is"
                        + " optional and each default used is reported as an assumption.")
                .mimeType("application/schema+json")
                .build(), (exchange, req) -> text(REQUIREMENTS_URI, "application/schema+json",
                        ToolSchemas.text(ToolSchemas.load("/schemas/requirements.schema.json")))));
        for (RuleInfo r : registry.catalogue()) {
            out.add(new SyncResourceSpecification(McpSchema.Resource.builder()
                    .uri(uri(r))
                    .name(r.id())
                    .title(r.summary())
                    .description(r.severity().label() + ": " + r.summary())
                    .mimeType(MARKDOWN)
                    .build(), (exchange, req) -> text(uri(r), MARKDOWN, RuleDocs.section(r))));
        }
        return out;
    }

    /** Reads any rule by URI, so that a client that builds the URI from a finding's ruleId needs no listing. */
    SyncResourceTemplateSpecification template() {
        McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder()
                .uriTemplate(RULE_TEMPLATE)
                .name("rule")
                .title("A review rule")
                .description("The documentation of one rule; {area}/{name} is the ruleId of a finding, e.g."
                        + " hpa/scale-down-unstabilized.")
                .mimeType(MARKDOWN)
                .build();
        return new SyncResourceTemplateSpecification(t, (exchange, req) -> read(req.uri()));
    }

    private McpSchema.ReadResourceResult read(String uri) {
        Optional<RuleInfo> rule = uri.startsWith(RULE_PREFIX)
                ? registry.find(uri.substring(RULE_PREFIX.length())) : Optional.empty();
        if (rule.isEmpty()) {
            throw McpError.builder(RESOURCE_NOT_FOUND)
                    .message("no rule at " + uri + "; the catalogue is " + CATALOGUE_URI)
                    .data(uri)
                    .build();
        }
        return text(uri, MARKDOWN, RuleDocs.section(rule.get()));
    }

    private static McpSchema.ReadResourceResult text(String uri, String mime, String text) {
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, mime, text)));
    }
}
