package dev.trafficengineer.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.KubernetesVersion;
import dev.trafficengineer.manifest.YamlDocument;
import dev.trafficengineer.manifest.YamlReader;
import dev.trafficengineer.rules.RuleRegistry;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;
import dev.trafficengineer.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .traffic-engineer.yaml}. Unknown keys, unknown rule ids and bad values are errors with the file and
 * line, because a typo in a config silently changes nothing otherwise.
 *
 * <pre>
 * kubernetesVersion: "1.35"
 * requireTargets: true
 * scrapeInterval: 30s
 * namespace: prod
 * promqlExperimental: false
 * rules:
 *   hpa/min-replicas-one: off       # disable
 *   hpa/utilization-target-band: error   # change the severity
 * llm:
 *   provider: auto                  # auto | none | openai
 *   model: gpt-4o-mini
 *   baseUrl: http://localhost:11434/v1
 *   timeoutSeconds: 60
 *   maxRounds: 3
 * </pre>
 */
public final class ConfigReader {

    public static final String FILE_NAME = ".traffic-engineer.yaml";

    private static final Set<String> KEYS = Set.of("kubernetesVersion", "requireTargets", "scrapeInterval",
            "namespace", "promqlExperimental", "rules", "llm");
    public static final Set<String> LLM_KEYS = Set.of("provider", "model", "baseUrl", "apiKey", "timeoutSeconds",
            "maxRounds");

    private final RuleRegistry registry;

    public ConfigReader(RuleRegistry registry) {
        this.registry = registry;
    }

    /** The config in the working directory, if there is one. */
    public Optional<Path> discover(Path workingDirectory) {
        Path p = workingDirectory.resolve(FILE_NAME);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public Config read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the config file (" + e.getMessage() + ")");
        }
        return parse(new SourceText(file.toString(), text));
    }

    public Config parse(SourceText source) throws ConfigException {
        YamlReader.Result r = YamlReader.read(source, false);
        if (!r.problems().isEmpty()) {
            var p = r.problems().get(0);
            throw new ConfigException(source.path() + ":" + p.range().line() + ":" + p.range().column() + ": "
                    + p.message());
        }
        if (r.documents().isEmpty()) {
            return new Config(source.path(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Map.of());
        }
        YamlDocument doc = r.documents().get(0);
        JsonNode root = doc.tree();
        Reader in = new Reader(source, doc);
        if (!root.isObject()) {
            throw in.error(JsonPointer.ROOT, "the config must be a mapping of settings");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw in.error(JsonPointer.of(k), "unknown setting `" + k + "`; known settings: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        Map<String, Optional<Severity>> rules = new LinkedHashMap<>();
        JsonNode rs = root.path("rules");
        if (!rs.isMissingNode()) {
            if (!rs.isObject()) {
                throw in.error(JsonPointer.of("rules"), "`rules` must map rule ids to off, error, warning or info");
            }
            for (Map.Entry<String, JsonNode> e : rs.properties()) {
                JsonPointer at = JsonPointer.of("rules", e.getKey());
                if (registry.find(e.getKey()).isEmpty()) {
                    throw in.error(at, "unknown rule id `" + e.getKey() + "`; `traffic-engineer rules` lists them");
                }
                JsonNode v = e.getValue();
                // `off` is the boolean false to YAML 1.1, so accept both spellings
                if (v.isBoolean() && !v.asBoolean() || v.asText().equals("off") || v.asText().equals("disabled")) {
                    rules.put(e.getKey(), Optional.empty());
                } else {
                    try {
                        rules.put(e.getKey(), Optional.of(Severity.parse(v.asText())));
                    } catch (IllegalArgumentException ex) {
                        throw in.error(at, "`" + v.asText() + "` is not a setting for a rule; use off, error,"
                                + " warning or info");
                    }
                }
            }
        }
        Map<String, String> llm = new LinkedHashMap<>();
        JsonNode l = root.path("llm");
        if (!l.isMissingNode()) {
            if (!l.isObject()) {
                throw in.error(JsonPointer.of("llm"), "`llm` must be a mapping");
            }
            for (Map.Entry<String, JsonNode> e : l.properties()) {
                if (!LLM_KEYS.contains(e.getKey())) {
                    throw in.error(JsonPointer.of("llm", e.getKey()), "unknown llm setting `" + e.getKey()
                            + "`; known: " + String.join(", ", LLM_KEYS.stream().sorted().toList()));
                }
                llm.put(e.getKey(), e.getValue().asText());
            }
        }
        Optional<KubernetesVersion> version = Optional.empty();
        if (root.has("kubernetesVersion")) {
            try {
                version = Optional.of(KubernetesVersion.parse(root.get("kubernetesVersion").asText()));
            } catch (IllegalArgumentException e) {
                throw in.error(JsonPointer.of("kubernetesVersion"), e.getMessage());
            }
        }
        Optional<Duration> scrape = Optional.empty();
        if (root.has("scrapeInterval")) {
            scrape = Optional.of(in.duration(JsonPointer.of("scrapeInterval")));
        }
        return new Config(source.path(), rules, version, in.bool("requireTargets"),
                scrape, root.has("namespace") ? Optional.of(root.get("namespace").asText()) : Optional.empty(),
                in.bool("promqlExperimental"), llm);
    }

    /** Parses {@code 30s}, {@code 1m}, {@code 2m30s}. */
    public static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text.trim());
        Duration d = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.trim().length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 15s or 1m");
        }
        return d;
    }

    private record Reader(SourceText source, YamlDocument doc) {
        ConfigException error(JsonPointer at, String message) {
            SourceRange r = doc.locate(at).preferred(true);
            return new ConfigException(source.path() + ":" + r.line() + ":" + r.column() + ": " + message);
        }

        Optional<Boolean> bool(String key) throws ConfigException {
            JsonNode v = doc.tree().path(key);
            if (v.isMissingNode()) {
                return Optional.empty();
            }
            if (!v.isBoolean()) {
                throw error(JsonPointer.of(key), "`" + key + "` must be true or false");
            }
            return Optional.of(v.asBoolean());
        }

        Duration duration(JsonPointer at) throws ConfigException {
            try {
                return parseDuration(doc.tree().at(at.value()).asText());
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage());
            }
        }
    }
}
