package dev.trafficengineer.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates in {@code prompts/} (packaged in the jar), each with the variables the code supplies. A
 * template is rendered only with exactly its declared variables; a test holds the templates to the same list.
 */
public enum Prompt {
    SYSTEM("system.md"),
    DRAFT("draft.md", "requirements", "workload", "rules", "baseline"),
    REFINE("refine.md", "findings", "yaml"),
    FEEDBACK("feedback.md", "feedback", "yaml"),
    EXTRACT("extract.md", "schema", "known", "message"),
    EXPLAIN("explain.md", "sentences", "finding", "rule");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-zA-Z]+)}}");
    private static final Map<Prompt, String> TEXTS = new ConcurrentHashMap<>();

    private final String file;
    private final Set<String> variables;

    Prompt(String file, String... variables) {
        this.file = file;
        this.variables = new LinkedHashSet<>(List.of(variables));
    }

    public Set<String> variables() {
        return variables;
    }

    /** The template as packaged. */
    public String template() {
        return TEXTS.computeIfAbsent(this, p -> {
            try (InputStream in = Prompt.class.getResourceAsStream("/prompts/" + p.file)) {
                if (in == null) {
                    throw new IllegalStateException("prompt template prompts/" + p.file + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The variables the template uses. */
    public Set<String> usedVariables() {
        Set<String> used = new TreeSet<>();
        Matcher m = VARIABLE.matcher(template());
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    /** The template with each {@code {{name}}} replaced; the values must be exactly the declared variables. */
    public String render(Map<String, String> values) {
        if (!values.keySet().equals(variables)) {
            throw new IllegalArgumentException("prompt " + file + " takes " + variables + ", got " + values.keySet());
        }
        Matcher m = VARIABLE.matcher(template());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
