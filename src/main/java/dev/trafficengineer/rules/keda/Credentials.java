package dev.trafficengineer.rules.keda;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a credential in trigger metadata or auth parameters. Decisions look at the value only to classify
 * it; no caller ever puts a value into a message.
 */
final class Credentials {

    private Credentials() {}

    /** Parameter names that hold secrets in KEDA's scalers (lower case). */
    private static final Set<String> NAMES = Set.of("password", "passwd", "sentinelpassword", "keypassword",
            "token", "bearertoken", "apitoken", "accesstoken", "authtoken", "personalaccesstoken", "apikey", "appkey",
            "querykey", "clientsecret", "secret", "secretkey", "accesskey", "accesssecretkey", "awssecretaccesskey",
            "awssessiontoken", "connection", "connectionstring", "sasstoken", "accountkey", "credentials",
            "activedirectoryclientpassword", "keytab", "customauthvalue");

    /** {@code scheme://user:password@host}: a URL that carries a password. */
    private static final Pattern URL_PASSWORD = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:]*:[^/@\\s]+@.*");
    /** Connection strings with a key or password part (Azure, SQL). */
    private static final Pattern SECRET_PART = Pattern.compile(
            "(?i).*(accountkey|sharedaccesskey|password|pwd)\\s*=\\s*[^;\\s]+.*");

    static boolean isCredentialName(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Whether a metadata entry holds a credential: by its name, or by a value that embeds one. */
    static boolean holdsCredential(String key, String value) {
        if (value == null || value.isBlank() || key.endsWith("FromEnv") || key.endsWith("FromEnvFile")) {
            return false;
        }
        if (isCredentialName(key)) {
            return true;
        }
        String v = value.strip();
        return URL_PASSWORD.matcher(v).matches() || SECRET_PART.matcher(v).matches()
                || v.startsWith("-----BEGIN") && v.contains("PRIVATE KEY");
    }
}
