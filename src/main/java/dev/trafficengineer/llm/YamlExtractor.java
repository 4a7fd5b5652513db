package dev.trafficengineer.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the manifests in what a model answered: fenced code blocks (```yaml, ```yml, ```json or bare), else the
 * text from the first {@code apiVersion:} line or the first JSON brace on. Prose around them is dropped.
 */
public final class YamlExtractor {

    private static final Pattern FENCE = Pattern.compile("(?ms)^[ \\t]*(```|~~~)[ \\t]*([A-Za-z0-9_-]*)[^\\n]*\\n(.*?)^[ \\t]*\\1[ \\t]*$");
    private static final Pattern UNCLOSED_FENCE = Pattern.compile("(?ms)^[ \\t]*```[ \\t]*([A-Za-z0-9_-]*)[^\\n]*\\n(.*)");
    private static final Pattern YAML_START = Pattern.compile("(?m)^(---[ \\t]*\\n)?(apiVersion|kind)[ \\t]*:");

    private YamlExtractor() {}

    /** The manifests in {@code answer}, or the empty string when there are none. */
    public static String extract(String answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        List<String> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(answer);
        while (m.find()) {
            String lang = m.group(2).toLowerCase();
            if (lang.isEmpty() || lang.equals("yaml") || lang.equals("yml") || lang.equals("json")) {
                blocks.add(m.group(3));
            }
        }
        if (!blocks.isEmpty()) {
            return join(blocks);
        }
        Matcher open = UNCLOSED_FENCE.matcher(answer);
        if (open.find()) {
            return open.group(2); // a truncated answer: its fence never closed
        }
        Matcher start = YAML_START.matcher(answer);
        if (start.find()) {
            return answer.substring(start.start());
        }
        int brace = answer.indexOf('{');
        int bracket = answer.indexOf('[');
        int json = brace < 0 ? bracket : bracket < 0 ? brace : Math.min(brace, bracket);
        return json >= 0 ? answer.substring(json) : "";
    }

    private static String join(List<String> blocks) {
        StringBuilder out = new StringBuilder();
        for (String b : blocks) {
            if (out.length() > 0) {
                out.append(out.charAt(out.length() - 1) == '\n' ? "" : "\n").append("---\n");
            }
            out.append(b);
        }
        return out.toString();
    }
}
