package dev.trafficengineer.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a value is quoted in a message ("got the string \"10\""), without ever echoing something that may be a
 * secret: values of a Secret's data and stringData, of fields whose name sounds like a credential (password,
 * token, key, connection string, ...), of environment variable values, and any string longer than
 * {@value #MAX_ECHO} characters are described by their type only.
 */
final class ValueText {

    static final int MAX_ECHO = 40;

    /** Words that mark a field as a credential: {@code password}, {@code accessToken}, {@code api_key}, ... */
    private static final Set<String> CREDENTIAL_WORDS = Set.of("pass", "passwd", "password", "passphrase", "pwd",
            "secret", "token", "credential", "credentials", "key", "apikey", "cert", "certificate", "private",
            "auth", "authorization", "bearer", "cookie", "session", "signature", "salt", "dsn", "sas", "connection",
            "connectionstring");
    /** Parts that mark a credential even inside one lower-case word ({@code dbpassword}). */
    private static final List<String> CREDENTIAL_PARTS = List.of("password", "passwd", "secret", "token", "credential");

    private final boolean sensitive;

    private ValueText(boolean sensitive) {
        this.sensitive = sensitive;
    }

    /** The wording rules for the value at {@code pointer} in an object of {@code kind}. */
    static ValueText at(String kind, JsonPointer pointer) {
        List<String> tokens = pointer.tokens();
        boolean secretData = kind.equals("Secret") && !tokens.isEmpty()
                && (tokens.get(0).equals("data") || tokens.get(0).equals("stringData"));
        String last = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
        boolean envValue = last.equals("value") && tokens.contains("env");
        return new ValueText(secretData || envValue || looksLikeCredential(last));
    }

    /** Splits the name into words (camelCase, snake_case, kebab-case) and looks for a credential word. */
    static boolean looksLikeCredential(String fieldName) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= fieldName.length(); i++) {
            char c = i < fieldName.length() ? fieldName.charAt(i) : '_';
            boolean boundary = !Character.isLetterOrDigit(c)
                    || Character.isUpperCase(c) && i > 0 && Character.isLowerCase(fieldName.charAt(i - 1));
            if (boundary && word.length() > 0) {
                String w = word.toString().toLowerCase(Locale.ROOT);
                if (CREDENTIAL_WORDS.contains(w) || containsCredentialPart(w)) {
                    return true;
                }
                word.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            }
        }
        return false;
    }

    private static boolean containsCredentialPart(String word) {
        for (String part : CREDENTIAL_PARTS) {
            if (word.contains(part)) {
                return true;
            }
        }
        return false;
    }

    boolean sensitive() {
        return sensitive;
    }

    /** "the string \"10\"", "the number 1.5", "true", "an object", "a list", "null"; a type only when sensitive. */
    String describe(JsonNode value) {
        if (value.isTextual()) {
            String s = value.asText();
            if (sensitive) {
                return "a string";
            }
            if (s.length() > MAX_ECHO) {
                return "a string of " + s.length() + " characters";
            }
            return s.isEmpty() ? "an empty string" : "the string " + quote(s);
        }
        if (value.isNumber()) {
            return sensitive ? "a number" : "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return sensitive ? "a boolean" : value.asText();
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return "null";
    }

    /** A JSON-style quoted string: what was written, with quotes and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
