package dev.trafficengineer.review.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.source.SourceText;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The review as SARIF 2.1.0, as GitHub code scanning takes it: every rule in the driver, one result per finding. */
public final class SarifReport {

    public static final String RULES_DOC = "https://traffic-engineer.dev/docs/rules.md";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {}

    public static String render(Review review, List<RuleInfo> catalogue, String version) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "traffic-engineer");
        driver.put("version", version);
        driver.put("semanticVersion", version);
        driver.put("informationUri", "https://traffic-engineer.dev/");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : catalogue) {
            index.put(r.id(), index.size());
            rules.add(rule(r));
        }
        run.put("columnKind", "unicodeCodePoints");
        ArrayNode results = run.putArray("results");
        Map<String, SourceText> sources = review.sources();
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : review.findings()) {
            results.add(result(f, index, sources.get(f.file()), seen));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode rule(RuleInfo r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("name", camel(r.id()));
        n.putObject("shortDescription").put("text", r.summary());
        n.putObject("fullDescription").put("text", r.rationale());
        n.put("helpUri", RULES_DOC + "#" + r.anchor());
        ObjectNode help = n.putObject("help");
        help.put("text", r.remedy());
        help.put("markdown", r.remedy() + "\n\nSource: " + r.source());
        n.putObject("defaultConfiguration").put("level", level(r.severity()));
        ObjectNode props = n.putObject("properties");
        props.putArray("tags").add(r.area()).add("autoscaling");
        props.put("precision", "high");
        props.put("problem.severity", r.severity() == Severity.INFO ? "recommendation" : r.severity().label());
        return n;
    }

    private static ObjectNode result(Finding f, Map<String, Integer> index, SourceText src,
            Map<String, Integer> seen) {
        ObjectNode n = JSON.createObjectNode();
        n.put("ruleId", f.ruleId());
        Integer i = index.get(f.ruleId());
        if (i != null) {
            n.put("ruleIndex", i);
        }
        n.put("level", level(f.severity()));
        n.putObject("message").put("text", f.message());
        ObjectNode loc = n.putArray("locations").addObject().putObject("physicalLocation");
        loc.putObject("artifactLocation").put("uri", uri(f.file()));
        ObjectNode region = loc.putObject("region");
        region.put("startLine", f.range().line());
        region.put("startColumn", f.range().column());
        region.put("endLine", f.range().endLine());
        region.put("endColumn", f.range().endColumn());
        // stable across runs when unrelated lines move: the rule, the file and the text of the line
        String line = src != null && f.range().line() <= src.lineCount() ? src.line(f.range().line()).strip() : "";
        String key = f.ruleId() + "\u0000" + f.file() + "\u0000" + line;
        int occurrence = seen.merge(key, 1, Integer::sum);
        n.putObject("partialFingerprints").put("primaryLocationLineHash", hash(key) + ":" + occurrence);
        return n;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[/-]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    static String uri(String path) {
        String p = path.replace('\\', '/');
        try {
            return new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return p;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
