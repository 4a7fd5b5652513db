package dev.trafficengineer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    private static SecretValues of(String yaml) {
        return SecretValues.of(List.of(new ManifestLoader("default").load(new SourceText("m.yaml", yaml), false)));
    }

    @Test
    void secretDataStringDataAndTheDecodedDataAreSecret() {
        SecretValues s = of("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data:
                  token: c3VwZXItc2VjcmV0LXRva2Vu
                stringData:
                  username: admin-user
                """);
        assertThat(s.redact("a c3VwZXItc2VjcmV0LXRva2Vu b")).isEqualTo("a [redacted] b");
        assertThat(s.redact("decoded: super-secret-token")).isEqualTo("decoded: [redacted]");
        assertThat(s.redact("user admin-user")).isEqualTo("user [redacted]");
        assertThat(s.redact("the Secret db")).as("names are not secret").isEqualTo("the Secret db");
    }

    @Test
    void credentialFieldsEnvPairsAndUrlPasswordsAreSecret() {
        SecretValues s = of("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker}
                spec:
                  scaleTargetRef: {name: worker}
                  triggers:
                    - type: rabbitmq
                      metadata:
                        host: amqp://guest:hunter2hunter2@rabbit:5672/
                        apiKey: key-0123456789
                        passwordFromEnv: RABBIT_PASSWORD
                        queueName: jobs
                      authenticationRef: {name: rabbit-auth}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker}
                spec:
                  template:
                    spec:
                      containers:
                        - name: w
                          env:
                            - {name: DB_PASSWORD, value: env-secret-value}
                            - {name: LOG_LEVEL, value: debug-verbose}
                """);
        assertThat(s.redact("amqp://guest:hunter2hunter2@rabbit")).isEqualTo("amqp://guest:[redacted]@rabbit");
        assertThat(s.redact("key-0123456789 env-secret-value")).isEqualTo("[redacted] [redacted]");
        assertThat(s.redact("RABBIT_PASSWORD jobs rabbit-auth debug-verbose"))
                .as("references, names and ordinary values stay").isEqualTo("RABBIT_PASSWORD jobs rabbit-auth"
                        + " debug-verbose");
    }

    @Test
    void numbersAreReplacedWhereTheyStandAloneAndShortValuesOnlyWhole() {
        SecretValues s = of("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data:
                  pin: "1"
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: w}
                spec:
                  template:
                    spec:
                      containers:
                        - name: w
                          env:
                            - {name: DB_PASSWORD, value: 12345678}
                            - {name: API_TOKEN, value: abc}
                """);
        assertThat(s.redact("value: 12345678")).isEqualTo("value: [redacted]");
        assertThat(s.redact("9123456789 replicas")).isEqualTo("9123456789 replicas");
        assertThat(s.redact("abc")).isEqualTo("[redacted]");
        assertThat(s.redact("\"abc\"")).isEqualTo("[redacted]");
        assertThat(s.redact("abcdef has abc in it")).isEqualTo("abcdef has abc in it");
    }

    @Test
    void linesOfTextThatDoesNotParseAreScanned() {
        SecretValues s = of("""
                apiVersion: v1
                kind: Secret
                stringData:
                  password: "pa55-w0rd-x"   # quoted
                  clientSecret: plain-secret # a comment
                broken: [
                """);
        assertThat(s.redact("pa55-w0rd-x and plain-secret")).isEqualTo("[redacted] and [redacted]");
        assertThat(s.redact("a comment")).isEqualTo("a comment");
    }

    @Test
    void treesAreRedactedInValuesAndKeys() throws Exception {
        SecretValues s = of("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                stringData: {password: tree-secret-1}
                """);
        JsonNode tree = new ObjectMapper().readTree("""
                {"message": "got tree-secret-1", "n": 3, "list": ["tree-secret-1"], "tree-secret-1": true}""");
        assertThat(s.redact(tree).toString())
                .isEqualTo("{\"message\":\"got [redacted]\",\"n\":3,\"list\":[\"[redacted]\"],\"[redacted]\":true}");
    }

    @Test
    void credentialNamesHoldValuesAndPointersDoNot() {
        for (String holds : List.of("password", "DB_PASSWORD", "apiKey", "api-key", "token", "bearerToken",
                "connectionString", "connection", "awsSecretAccessKey", "clientSecret", "privateKey", "sasToken")) {
            assertThat(SecretValues.isCredentialName(holds)).as(holds).isTrue();
        }
        for (String points : List.of("passwordFromEnv", "secretName", "secretKeyRef", "secretTargetRef", "key",
                "tokenSecretName", "credentialsSecret", "username", "queueName", "tokenExpirationSeconds")) {
            assertThat(SecretValues.isCredentialName(points)).as(points).isFalse();
        }
    }

    @Test
    void booleansAndEmptyValuesAreNeverSecret() {
        SecretValues s = of("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  automountServiceAccountToken: false
                  containers: [{name: c, env: [{name: TOKEN, value: ""}]}]
                """);
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.redact("false")).isEqualTo("false");
    }

    @Test
    void nothingSecretMeansNothingChanges() {
        SecretValues s = of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n");
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.redact("a b c")).isEqualTo("a b c");
    }
}
