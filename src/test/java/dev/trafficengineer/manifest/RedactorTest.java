package dev.trafficengineer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.source.SourceText;
import org.junit.jupiter.api.Test;

/** Credentials never survive redaction; names, references and layout do. */
class RedactorTest {

    private static String redact(String yaml) {
        return Redactor.redact(new ManifestLoader("default").load(new SourceText("x.yaml", yaml), false));
    }

    @Test
    void secretValuesGo() {
        String out = redact("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: kafka-credentials   # used by the TriggerAuthentication
                type: Opaque
                data:
                  password: aHVudGVyMg==
                stringData:
                  username: svc-orders
                """);
        assertThat(out).isEqualTo("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: kafka-credentials   # used by the TriggerAuthentication
                type: Opaque
                data:
                  password: "<redacted>"
                stringData:
                  username: "<redacted>"
                """);
    }

    @Test
    void credentialsInADeploymentGoAndReferencesStay() {
        String out = redact("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{"spec":{"env":"DB_PASSWORD=x"}}'
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env:
                            - name: DB_PASSWORD
                              value: hunter2
                            - name: API_KEY
                              value: "sk-123"
                            - name: LOG_LEVEL
                              value: debug
                            - name: DATABASE_URL
                              value: postgres://web:s3cret@db:5432/web
                            - name: CACHE_TOKEN
                              valueFrom:
                                secretKeyRef: {name: cache, key: token}
                          volumes:
                            - secret: {secretName: tls-certs}
                """);
        assertThat(out).doesNotContain("hunter2", "sk-123", "s3cret", "DB_PASSWORD=x")
                .contains("value: \"<redacted>\"", "value: debug", "postgres://web:<redacted>@db:5432/web",
                        "secretKeyRef: {name: cache, key: token}", "secretName: tls-certs",
                        "kubectl.kubernetes.io/last-applied-configuration: \"<redacted>\"");
    }

    @Test
    void freeText() {
        assertThat(Redactor.redactText("use password=hunter2 and token: abc, at https://u:p@host/x"))
                .isEqualTo("use password=<redacted> and token: <redacted>, at https://u:<redacted>@host/x");
        assertThat(Redactor.redactText("max 20 replicas")).isEqualTo("max 20 replicas");
    }
}
