package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.fix.TextFixer;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets before anything reaches a model: the values of Secret {@code data} and {@code stringData}, values
 * under credential-like keys (passwords, tokens, keys, SASL credentials), env vars with such names, and the
 * credentials inside connection strings. Manifests keep their shape, so the model still sees which fields exist.
 */
public final class Redactor {

    public static final String MASK = "<redacted>";

    /** Keys whose values are credentials; names of Secrets and references to them are not. */
    static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i)(.*(password|passwd|passphrase|secretkey|secret_key"
            + "|accesskey|access_key|apikey|api_key|api-key|token|privatekey|private_key|private-key|credential"
            + "|connectionstring|connection_string|sharedaccesskey|accountkey|clientsecret|client_secret|keytab"
            + ").*|pwd|secret|username|user|userName)");

    /** Keys that merely name or point at a secret, never hold one. */
    private static final Pattern REFERENCE_KEY = Pattern.compile("(?i).*(name|ref|fromenv|fromfile|parameter"
            + "|secretname|credentialssecret|mode|provider|type|tokenprovider|sasl|tls)$");

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(://[^/\\s:@]+):[^@\\s/]+@");
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)\\b(password|pwd|passwd|token|secret|apikey"
            + "|api_key|sharedaccesskey|accountkey|accesskey|client_secret)(\\s*[=:]\\s*)(?![\"']?<redacted>)"
            + "(\"[^\"]*\"|'[^']*'|[^\\s;,&]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Pattern AWS_KEY = Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b");

    private final ManifestLoader loader = new ManifestLoader("default");

    /** Manifests with every secret value masked; text that does not parse is masked line by line instead. */
    public String manifests(String yaml) {
        LoadedFile f = loader.load(new SourceText("redact.yaml", yaml), false);
        if (!f.problems().isEmpty() || f.source() == null) {
            return text(yaml);
        }
        List<Edit> edits = new ArrayList<>();
        for (KubeObject o : f.objects()) {
            collect(o, o.tree(), JsonPointer.ROOT, o.kind().equals("Secret"), edits);
        }
        String masked = TextFixer.splice(f.source(), edits);
        return text(masked); // connection strings and tokens inside other values
    }

    private static void collect(KubeObject o, JsonNode n, JsonPointer at, boolean secret, List<Edit> edits) {
        if (n.isObject()) {
            boolean secretData = secret && (at.value().equals("/data") || at.value().equals("/stringData"));
            JsonNode envName = n.get("name");
            boolean credentialEnv = n.has("value") && envName != null && envName.isTextual()
                    && credentialKey(envName.asText());
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                JsonPointer child = at.child(e.getKey());
                JsonNode v = e.getValue();
                boolean mask = v.isValueNode() && !v.isNull() && (secretData || credentialKey(e.getKey())
                        || credentialEnv && e.getKey().equals("value"));
                if (mask) {
                    Edit edit = Edits.replaceValue(o, child, "\"" + MASK + "\"");
                    if (edit != null) {
                        edits.add(edit);
                    }
                } else {
                    collect(o, v, child, secret, edits);
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(o, n.get(i), at.child(i), secret, edits);
            }
        }
    }

    static boolean credentialKey(String key) {
        return CREDENTIAL_KEY.matcher(key).matches() && !REFERENCE_KEY.matcher(key).matches();
    }

    /** Free text (a user's message, a line that is not YAML) with credentials in it masked. */
    public String text(String text) {
        String out = URL_CREDENTIALS.matcher(text).replaceAll("$1:" + Matcher.quoteReplacement(MASK) + "@");
        out = KEY_VALUE.matcher(out).replaceAll("$1$2" + Matcher.quoteReplacement(MASK));
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return AWS_KEY.matcher(out).replaceAll(MASK);
    }
}
