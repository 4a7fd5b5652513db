package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes credentials from manifests before they are stored, shown or sent anywhere: the values of Secrets
 * ({@code data}, {@code stringData}), values under credential-like keys and environment variables (passwords,
 * tokens, API keys, SASL settings, connection strings), credentials inside URLs, and kubectl's last-applied
 * annotation (a full copy of the object). Each value becomes {@value #REDACTED}; every other byte of the text stays
 * as it was. References to Secrets ({@code secretName}, {@code secretKeyRef}) are names, not values, and are kept.
 */
public final class Redactor {

    public static final String REDACTED = "<redacted>";

    /** Keys whose scalar values are credentials; names and references ({@code ...Name}, {@code ...Ref}) are not. */
    private static final Pattern CREDENTIAL_KEY = Pattern.compile(
            "(?i).*(?:password|passwd|pwd|passphrase|token|secret|api[-_]?key|access[-_]?key|private[-_]?key"
                    + "|credential|auth|connection[-_]?string|conn[-_]?str|dsn|sasl|cookie|session[-_]?key|signing"
                    + "|client[-_]?secret|cert(?:ificate)?[-_]?key).*");
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(?:name|ref|refs|mechanism|type|path|file"
            + "|mode|enabled|key)$");
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s:]+:[^/@\\s]+@");
    private static final Pattern INLINE_SECRET = Pattern.compile(
            "(?i)(password|passwd|pwd|token|secret|api[-_]?key)\\s*[=:]\\s*[^\\s;&,]+");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Redactor() {}

    /** The file's text with every credential replaced; null when the file has no text. */
    public static String redact(LoadedFile file) {
        if (file.source() == null) {
            return null;
        }
        List<Edit> edits = new ArrayList<>();
        for (KubeObject o : file.objects()) {
            collect(o, o.tree(), JsonPointer.ROOT, null, edits);
        }
        edits.sort(Edit::compareStart);
        List<Edit> distinct = new ArrayList<>();
        for (Edit e : edits) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).overlaps(e)) {
                distinct.add(e);
            }
        }
        return splice(file.source(), distinct);
    }

    /** Free text with credential-like assignments and URL credentials replaced: "password=x" → "password=<redacted>". */
    public static String redactText(String text) {
        String out = URL_CREDENTIALS.matcher(text).replaceAll("$1" + REDACTED + "@");
        return INLINE_SECRET.matcher(out).replaceAll(m -> m.group(1) + "=" + REDACTED);
    }

    private static void collect(KubeObject o, JsonNode node, JsonPointer at, String key, List<Edit> out) {
        boolean secret = o.kind().equals("Secret") && at.tokens().size() >= 1
                && (at.tokens().get(0).equals("data") || at.tokens().get(0).equals("stringData"));
        if (node.isObject()) {
            boolean envSecret = node.has("name") && node.has("value") && node.get("value").isValueNode()
                    && credentialKey(node.get("name").asText());
            if (envSecret) {
                add(o, at.child("value"), out); // an environment variable such as DB_PASSWORD
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(LAST_APPLIED)) {
                    add(o, at.child(e.getKey()), out);
                } else if (!(envSecret && e.getKey().equals("value"))) {
                    collect(o, e.getValue(), at.child(e.getKey()), e.getKey(), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(o, node.get(i), at.child(i), key, out);
            }
        } else if (node.isValueNode() && !node.isNull()) {
            String text = node.asText();
            if (secret || key != null && credentialKey(key) && !text.isEmpty()) {
                add(o, at, out);
            } else if (URL_CREDENTIALS.matcher(text).find() || INLINE_SECRET.matcher(text).find()) {
                Edit e = Edits.replaceValue(o, at, quote(redactText(text)));
                if (e != null) {
                    out.add(e);
                }
            }
        }
    }

    private static boolean credentialKey(String key) {
        return CREDENTIAL_KEY.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches()
                || key.matches("(?i).*(?:api[-_]?key|private[-_]?key|access[-_]?key|signing[-_]?key|session[-_]?key"
                        + "|secret[-_]?key)");
    }

    private static void add(KubeObject o, JsonPointer p, List<Edit> out) {
        Edit e = Edits.replaceValue(o, p, quote(REDACTED));
        if (e != null) {
            out.add(e);
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Applies non-overlapping edits from the end backwards (the fix package is a layer above this one). */
    private static String splice(SourceText source, List<Edit> edits) {
        StringBuilder out = new StringBuilder(source.text());
        for (int i = edits.size() - 1; i >= 0; i--) {
            Edit e = edits.get(i);
            int from = index(source, e.line(), e.column());
            int to = index(source, e.endLine(), e.endColumn());
            out.replace(from, to, e.text());
        }
        return out.toString();
    }

    private static int index(SourceText source, int line, int column) {
        return line > source.lineCount() ? source.text().length() : source.charIndex(line, column);
    }
}
