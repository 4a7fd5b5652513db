package dev.trafficengineer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials in manifests and in free text, before prompts and in chat state. */
class RedactorCasesTest {

    private static String manifests(String yaml) {
        return Redactor.redact(new ManifestLoader("default").load(new dev.trafficengineer.source.SourceText("t.yaml",
                yaml), false));
    }

    @Test
    void masksSecretDataAndCredentialLikeValuesButKeepsReferences() {
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata: {name: kafka-creds}
                data:
                  password: c2VjcmV0
                stringData:
                  username: admin
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: auth}
                spec:
                  secretTargetRef:
                    - {parameter: password, name: kafka-creds, key: password}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: so}
                spec:
                  triggers:
                    - type: kafka
                      metadata:
                        sasl: scram_sha512
                        password: "plain-in-metadata"
                        bootstrapServers: kafka:9092
                    - type: postgresql
                      metadata:
                        connectionFromEnv: PG_CONN
                        host: db
                """;
        String out = manifests(yaml);
        assertThat(out).doesNotContain("c2VjcmV0").doesNotContain("admin").doesNotContain("plain-in-metadata");
        assertThat(out).contains("parameter: password, name: kafka-creds, key: password")
                .contains("sasl: scram_sha512").contains("connectionFromEnv: PG_CONN").contains("kafka:9092");
        assertThat(out).contains("password: \"<redacted>\"");
    }

    @Test
    void masksEnvVarsWithCredentialNamesAndUrlCredentials() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - {name: DB_PASSWORD, value: hunter2}
                            - {name: LOG_LEVEL, value: debug}
                            - {name: UPSTREAM, value: "https://svc:t0ps3cret@api.example.com/v1"}
                """;
        String out = manifests(yaml);
        assertThat(out).doesNotContain("hunter2").doesNotContain("t0ps3cret").contains("value: debug")
                .contains("https://svc:<redacted>@api.example.com/v1");
    }

    @Test
    void masksCredentialsInFreeText() {
        assertThat(Redactor.redactText("use password=hunter2 and token: abc.def, Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x"))
                .doesNotContain("hunter2").doesNotContain("abc.def").doesNotContain("eyJhbGciOiJIUzI1NiJ9")
                .contains("password=<redacted>");
        assertThat(Redactor.redactText("AccountKey=abc123==;EndpointSuffix=core.windows.net"))
                .isEqualTo("AccountKey=<redacted>;EndpointSuffix=core.windows.net");
        assertThat(Redactor.redactText("our API does 800 rps at peak")).isEqualTo("our API does 800 rps at peak");
    }

    @Test
    void textThatIsNotYamlIsMaskedLineByLine() {
        assertThat(manifests("password: hunter2\n  broken: [")).doesNotContain("hunter2");
    }
}
