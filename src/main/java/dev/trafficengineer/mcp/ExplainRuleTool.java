package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.review.report.RuleDocs;
import dev.trafficengineer.rules.RuleRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code explain_rule}: a rule's documentation, the section of docs/rules.md, by id. */
final class ExplainRuleTool implements McpTool {

    private final RuleRegistry registry;

    ExplainRuleTool(RuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "explain_rule";
    }

    @Override
    public String title() {
        return "Explain a review rule";
    }

    @Override
    public String description() {
        return "The documentation of one review rule by its id (the ruleId of a finding, e.g. "
                + "hpa/scale-down-unstabilized): what it catches, why it matters, an example that fires, what to "
                + "write instead, and the upstream source it rests on. Use it to explain a finding to the user and "
                + "to cite the rule. The whole catalogue is the resource " + RuleResources.CATALOGUE_URI + ".";
    }

    @Override
    public ObjectNode inputSchema() {
        return ToolSchemas.input(name());
    }

    @Override
    public ObjectNode outputSchema() {
        return ToolSchemas.output(name());
    }

    @Override
    public ToolOutput call(Args args, CallContext context) {
        String id = args.requiredText("ruleId").strip();
        Optional<RuleInfo> rule = registry.find(id);
        if (rule.isEmpty()) {
            throw new ToolException(unknown(id));
        }
        RuleInfo r = rule.get();
        ObjectNode out = RuleDocs.node(r);
        out.put("resource", RuleResources.uri(r));
        return new ToolOutput(RuleDocs.section(r), out);
    }

    /** Says the id is unknown and lists the ids the caller most likely meant: those of the same area, or all areas. */
    private String unknown(String id) {
        List<RuleInfo> all = registry.catalogue();
        int slash = id.indexOf('/');
        String area = slash < 0 ? id.toLowerCase(Locale.ROOT) : id.substring(0, slash).toLowerCase(Locale.ROOT);
        String tail = slash < 0 ? "" : id.substring(slash + 1).toLowerCase(Locale.ROOT);
        List<String> sameArea = all.stream().map(RuleInfo::id).filter(r -> r.startsWith(area + "/")).toList();
        List<String> similar = all.stream().map(RuleInfo::id)
                .filter(r -> !tail.isEmpty() && (r.contains(tail) || tail.contains(r.substring(r.indexOf('/') + 1))))
                .toList();
        StringBuilder msg = new StringBuilder("unknown rule id `").append(id).append("`.");
        if (!similar.isEmpty()) {
            msg.append(" Did you mean: ").append(String.join(", ", similar.subList(0, Math.min(5, similar.size()))))
                    .append('?');
        } else if (!sameArea.isEmpty()) {
            msg.append(" Rules of area ").append(area).append(": ").append(String.join(", ", sameArea)).append('.');
        } else {
            msg.append(" Rule ids are area/kebab-name; areas: ").append(String.join(", ",
                    all.stream().map(RuleInfo::area).distinct().toList())).append('.');
        }
        return msg.append(" The catalogue is the resource ").append(RuleResources.CATALOGUE_URI).append('.')
                .toString();
    }
}
