package dev.trafficengineer.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret values found in some manifests, and the means to keep them out of anything shown to a person or sent to
 * a model: reports quote values (a fix that quotes a scalar repeats it, a schema message may name it), so front ends
 * that hand results to an assistant scrub every string of the result with {@link #redact(String)}.
 *
 * <p>Secret means: every value under a Secret's {@code data} (and its base64 decoding) and {@code stringData}; the
 * value of a field whose name says it holds a credential ({@code password}, {@code apiKey}, {@code token},
 * {@code connectionString}, ...; not {@code secretName}, {@code passwordFromEnv}, {@code secretKeyRef}, which only
 * point at one); the {@code value} of a {@code {name, value}} pair whose name says so ({@code env: [{name:
 * DB_PASSWORD, value: ...}]}); the password of a URL ({@code amqp://user:pw@host}); a PEM private key. Files that do
 * not parse are scanned line by line for {@code key: value} with a credential key, so a syntax error elsewhere does
 * not expose them.
 *
 * <p>Values of four characters or more are replaced wherever they occur, numbers of six digits or more wherever
 * they stand alone; shorter ones (where a match inside other text would mangle unrelated numbers and words) only
 * where a whole string equals them.
 */
public final class SecretValues {

    /** What a redacted value reads as. */
    public static final String MARK = "[redacted]";

    public static final SecretValues NONE = new SecretValues(Set.of());

    /** Lower-case, separator-free fragments of field names that hold credentials. */
    private static final List<String> CREDENTIAL_WORDS = List.of("password", "passwd", "passphrase", "secret",
            "token", "credential", "connectionstring", "sastoken", "bearer", "authorization", "keytab",
            "customauthvalue");

    /** Endings of names that hold a key (an "apiKey" is a credential, a "key" names one in a Secret). */
    private static final List<String> KEY_HOLDERS = List.of("apikey", "appkey", "querykey", "secretkey",
            "accesskey", "privatekey", "accountkey");

    /** Names that hold a credential although no credential word is in them (KEDA's Azure scalers). */
    private static final Set<String> EXACT_HOLDERS = Set.of("connection");

    /** Names that hold the name of a Secret, not a credential (the requirements' Kafka credentialsSecret). */
    private static final Set<String> EXACT_POINTERS = Set.of("credentialssecret");

    /** Endings of names that point at a credential, or describe one, rather than hold it. */
    private static final List<String> POINTER_SUFFIXES = List.of("fromenv", "fromenvfile", "ref", "refs", "name",
            "names", "key", "keys", "path", "file", "mode", "modes", "type", "seconds", "timeout", "enabled",
            "provider", "audience", "method");

    private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]*:([^/@\\s]+)@");
    private static final Pattern KEY_VALUE_LINE = Pattern.compile(
            "^\\s*(?:-\\s+)?[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:\\s*(.*?)\\s*,?\\s*$");
    private static final Set<String> NOT_SECRET = Set.of("", "true", "false", "yes", "no", "on", "off", "null", "~",
            "{}", "[]", "|", ">", "|-", ">-");
    /** Shorter values are replaced only where a whole string equals them: "abc" is in too many words. */
    private static final int MIN_SUBSTRING_LENGTH = 4;
    /** Shorter numbers are replaced only where a whole string equals them: replica counts are numbers too. */
    private static final int MIN_NUMBER_LENGTH = 6;

    /** Longest first, so that a secret containing another is replaced whole. */
    private final Set<String> values;

    private SecretValues(Set<String> values) {
        this.values = values;
    }

    /** The secret values in the given files: their objects, and the raw text of every file. */
    public static SecretValues of(List<LoadedFile> files) {
        Set<String> found = newSet();
        for (LoadedFile f : files) {
            if (f == null) {
                continue;
            }
            for (KubeObject o : f.objects()) {
                collect(o, found);
            }
            if (f.source() != null && !f.problems().isEmpty()) {
                // documents that did not parse have no objects to walk; the line scan finds what it can there
                scanText(f.source().text(), found);
            }
        }
        return new SecretValues(found);
    }

    /** These values and those of {@code other}. */
    public SecretValues and(SecretValues other) {
        if (other.values.isEmpty()) {
            return this;
        }
        Set<String> all = newSet();
        all.addAll(values);
        all.addAll(other.values);
        return new SecretValues(all);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** How many distinct values are secret (for tests and logs; never the values themselves). */
    public int size() {
        return values.size();
    }

    /** The text with every secret value replaced by {@link #MARK}. */
    public String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String v : values) {
            if (out.equals(v) || out.equals('"' + v + '"') || out.equals("'" + v + "'")) {
                return MARK;
            }
            if (isDigits(v) && v.length() >= MIN_NUMBER_LENGTH) {
                // a number is replaced only where it stands alone: 12345678, not the middle of 9123456789
                out = Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(v) + "(?![0-9A-Za-z])").matcher(out)
                        .replaceAll(Matcher.quoteReplacement(MARK));
            } else if (!isDigits(v) && v.length() >= MIN_SUBSTRING_LENGTH) {
                out = out.replace(v, MARK);
            }
        }
        return out;
    }

    /** A copy of the tree with every string (values and field names) passed through {@link #redact(String)}. */
    public JsonNode redact(JsonNode node) {
        if (node == null || values.isEmpty()) {
            return node;
        }
        if (node.isTextual()) {
            String r = redact(node.textValue());
            return r.equals(node.textValue()) ? node : TextNode.valueOf(r);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(redact(child)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(redact(e.getKey()), redact(e.getValue()));
            }
            return out;
        }
        return node;
    }

    /** Whether a field of this name holds a credential (and does not merely name or point at one). */
    public static boolean isCredentialName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.') {
                b.append(Character.toLowerCase(c));
            }
        }
        String n = b.toString();
        if (EXACT_HOLDERS.contains(n)) {
            return true;
        }
        if (EXACT_POINTERS.contains(n)) {
            return false;
        }
        for (String k : KEY_HOLDERS) {
            if (n.endsWith(k)) {
                return true;
            }
        }
        for (String suffix : POINTER_SUFFIXES) {
            if (n.endsWith(suffix)) {
                return false;
            }
        }
        for (String w : CREDENTIAL_WORDS) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> newSet() {
        return new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    }

    private static boolean isDigits(String v) {
        return !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void collect(KubeObject o, Set<String> found) {
        JsonNode tree = o.tree();
        if ("Secret".equals(o.kind())) {
            tree.path("data").forEach(v -> {
                add(found, text(v));
                add(found, decodeBase64(text(v)));
            });
            tree.path("stringData").forEach(v -> add(found, text(v)));
        }
        walk(tree, found);
    }

    private static void walk(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            JsonNode name = node.get("name");
            JsonNode value = node.get("value");
            if (name != null && name.isTextual() && value != null && isCredentialName(name.textValue())) {
                add(found, text(value));
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isValueNode() && isCredentialName(e.getKey())) {
                    add(found, text(e.getValue()));
                }
                walk(e.getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, found));
        } else if (node.isTextual()) {
            addEmbedded(node.textValue(), found);
        }
    }

    /** Credentials inside a longer value: a URL's password, a PEM private key. */
    private static void addEmbedded(String text, Set<String> found) {
        Matcher m = URL_PASSWORD.matcher(text);
        while (m.find()) {
            add(found, m.group(1));
        }
        if (text.contains("PRIVATE KEY-----")) {
            add(found, text.strip());
        }
    }

    /** A line-by-line pass over raw text, for what the parser could not turn into objects. */
    private static void scanText(String text, Set<String> found) {
        for (String line : text.split("\r?\n")) {
            Matcher m = KEY_VALUE_LINE.matcher(line);
            if (m.matches() && isCredentialName(m.group(1))) {
                add(found, scalarText(m.group(2)));
            }
            addEmbedded(line, found);
        }
    }

    /** A scalar as written after {@code key:}: a quoted one up to its closing quote, a plain one up to a comment. */
    private static String scalarText(String v) {
        if (v.startsWith("\"") || v.startsWith("'")) {
            int close = v.indexOf(v.charAt(0), 1);
            return close < 0 ? v.substring(1) : v.substring(1, close);
        }
        int hash = v.indexOf(" #");
        return hash < 0 ? v : v.substring(0, hash).strip();
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String decodeBase64(String v) {
        if (v == null) {
            return null;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(v.strip());
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null; // not base64 text: the encoded value is redacted already
        }
    }

    private static void add(Set<String> found, String v) {
        if (v == null) {
            return;
        }
        String s = v.strip();
        if (!NOT_SECRET.contains(s.toLowerCase(Locale.ROOT))) {
            found.add(s);
        }
    }
}
