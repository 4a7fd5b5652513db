package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
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

    /** The password in {@code scheme://user:password@host}; the user name says which account, not how to get in. */
    private static final Pattern URL_CREDENTIALS = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s:]+):[^/@\\s]+@");
    /** {@code password=x}, {@code token: "x"}: the name and separator stay, the value goes (unless already gone). */
    private static final Pattern INLINE_SECRET = Pattern.compile("(?i)\\b(password|passwd|pwd|token|secret|apikey"
            + "|api_key|api-key|sharedaccesskey|accountkey|accesskey|client_secret)(\\s*[=:]\\s*)(?![\"']?"
            + "<redacted>)(\"[^\"]*\"|'[^']*'|[^\\s;,&]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern AWS_ACCESS_KEY = Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b");
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
        String masked = Edits.apply(file.source(), distinct);
        // documents that do not parse have no objects to walk: catch what a line-by-line reading can
        return file.problems().isEmpty() ? masked : redactText(masked);
    }

    /** Free text with credential-like assignments and URL credentials replaced: "password=x" → "password=<redacted>". */
    public static String redactText(String text) {
        String out = URL_CREDENTIALS.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(REDACTED) + "@");
        out = INLINE_SECRET.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(REDACTED));
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        return AWS_ACCESS_KEY.matcher(out).replaceAll(Matcher.quoteReplacement(REDACTED));
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
            for (Map.Entry<String, JsonNode> e : node.properties()) {
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
        return SecretValues.isCredentialName(key);
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
}
