package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TriggerAuthentication admission and runtime, authenticationRef resolution, Secrets, and credentials. */
class KedaAuthRulesTest {

    private static String auth(String kind, String spec) {
        return "apiVersion: keda.sh/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: auth\n"
                + (kind.equals("TriggerAuthentication") ? "  namespace: shop\n" : "") + "spec:\n"
                + spec.stripIndent().indent(2);
    }

    @Test
    void azureWorkloadIdentityFieldsMustNotBeEmpty() {
        String empty = auth("TriggerAuthentication", """
                podIdentity:
                  provider: azure-workload
                  identityId: ""
                """);
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), empty)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("identityId of PodIdentity should not be empty"));
        String host = auth("ClusterTriggerAuthentication", """
                podIdentity:
                  provider: azure-workload
                  identityAuthorityHost: https://login.microsoftonline.us/
                """);
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), host)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("identityTenantID of PodIdentity should not be nil or empty when"
                + " identityAuthorityHost"));
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), host.replace("login.microsoftonline.us/\n",
                "login.microsoftonline.us/\n    identityTenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47\n"))).isEmpty();
    }

    @Test
    void awsRoleArnNeedsKedaAsIdentityOwner() {
        String both = auth("TriggerAuthentication", """
                podIdentity:
                  provider: aws
                  identityOwner: workload
                  roleArn: arn:aws:iam::123456789012:role/keda-sqs
                """);
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), both)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("roleArn of PodIdentity can't be set if KEDA isn't identityOwner"));
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), both.replace("identityOwner: workload",
                "identityOwner: keda"))).isEmpty();
        String external = auth("TriggerAuthentication", "podIdentity: {provider: aws, externalID: ext-1}\n");
        assertThat(RuleTester.check(new AdmissionPodIdentityInvalid(), external)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("externalID of PodIdentity requires roleArn"));
    }

    @Test
    void oauth2ChecksAreSkippedForGcpAsKedasCodeDoes() {
        String bad = auth("TriggerAuthentication", """
                oauth2:
                  clientId: keda
                  tokenUrl: auth.example.com/token
                """);
        assertThat(RuleTester.check(new AdmissionOauth2Invalid(), bad)).singleElement().satisfies(x -> assertThat(
                x.message()).contains("oauth2.tokenUrl must be a valid http or https URL"));
        assertThat(RuleTester.check(new AdmissionOauth2Invalid(), bad.replace("clientId: keda", "clientId: \"\"")))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("oauth2.clientId is required"));
        assertThat(RuleTester.check(new AdmissionOauth2Invalid(), bad.replace("spec:\n",
                "spec:\n  podIdentity: {provider: gcp}\n"))).isEmpty();
        assertThat(RuleTester.check(new AdmissionOauth2Invalid(), bad.replace("auth.example.com",
                "https://auth.example.com"))).isEmpty();
    }

    @Test
    void filePathWorksOnlyOnClusterTriggerAuthenticationsWithRelativePaths() {
        assertThat(RuleTester.check(new RuntimeFilePathInvalid(), auth("TriggerAuthentication",
                "filePath: creds/kafka.json\n"))).singleElement().satisfies(x -> assertThat(x.message())
                .contains("filePath is only supported for ClusterTriggerAuthentication"));
        assertThat(RuleTester.check(new RuntimeFilePathInvalid(), auth("ClusterTriggerAuthentication",
                "filePath: ../etc/creds.json\n"))).singleElement().satisfies(x -> assertThat(x.message())
                .contains("filePath must be relative and not contain '..'"));
        assertThat(RuleTester.check(new RuntimeFilePathInvalid(), auth("ClusterTriggerAuthentication",
                "filePath: creds/kafka.json\n"))).isEmpty();
    }

    @Test
    void authenticationRefsAreResolvedInTheScaledObjectsNamespaceAndByKind() {
        String so = Yaml.trigger("prometheus", "authenticationRef:\n  name: prom-creds\n",
                Yaml.PROMETHEUS + "authModes: bearer\n");
        String elsewhere = """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: prom-creds, namespace: default}
                spec:
                  secretTargetRef: [{parameter: bearerToken, name: prom, key: token}]
                """;
        assertThat(RuleTester.check(new RuntimeAuthRefUnresolved(), so + elsewhere)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("only in namespace `shop`, but it is in `default`"));
        assertThat(RuleTester.check(new RuntimeAuthRefUnresolved(), so + elsewhere.replace("default", "shop")))
                .isEmpty();
        String cluster = """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ClusterTriggerAuthentication
                metadata: {name: prom-creds}
                spec:
                  podIdentity: {provider: gcp}
                """;
        List<Finding> f = RuleTester.check(new RuntimeAuthRefUnresolved(), so + cluster);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("set `kind: ClusterTriggerAuthentication`");
            assertThat(x.fix().safe()).isFalse();
            assertThat(x.fix().edits().get(0).text()).isEqualTo("        kind: ClusterTriggerAuthentication\n");
        });
        assertThat(RuleTester.check(new RuntimeAuthRefUnresolved(), so.replace("name: prom-creds",
                "name: prom-creds\n        kind: ClusterTriggerAuthentication") + cluster)).isEmpty();
        assertThat(RuleTester.check(new RuntimeAuthRefUnresolved(), so)).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("keda/auth-ref-not-in-review");
            assertThat(x.severity()).isEqualTo(Severity.INFO);
        });
    }

    @Test
    void secretTargetRefKeysMustExistInAReviewedSecretWithoutEverReadingValues() {
        String ta = auth("TriggerAuthentication", """
                secretTargetRef:
                  - parameter: password
                    name: kafka-credentials
                    key: pasword
                """);
        String secret = """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: kafka-credentials, namespace: shop}
                stringData:
                  username: orders
                  password: correct-horse-battery-staple
                """;
        assertThat(RuleTester.check(new RuntimeSecretKeyMissing(), ta + secret)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("has no key `pasword`").contains("`password`, `username`");
            assertThat(x.message()).doesNotContain("correct-horse");
        });
        assertThat(RuleTester.check(new RuntimeSecretKeyMissing(), ta.replace("pasword", "password") + secret))
                .isEmpty();
        // a Secret that is not reviewed may exist in the cluster
        assertThat(RuleTester.check(new RuntimeSecretKeyMissing(), ta)).isEmpty();
    }

    @Test
    void credentialsInMetadataAreReportedByKeyNeverByValue() {
        String so = Yaml.trigger("rabbitmq", """
                queueName: orders
                host: amqp://orders:s3cr3t-pass@rabbitmq.shop:5672/
                """);
        assertThat(RuleTester.check(new CredentialsInMetadata(), so)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("`host`").doesNotContain("s3cr3t");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(RuleTester.check(new CredentialsInMetadata(), Yaml.trigger("rabbitmq",
                "queueName: orders\nhost: amqp://rabbitmq.shop:5672/\n"))).isEmpty();
        assertThat(RuleTester.check(new CredentialsInMetadata(), Yaml.trigger("azure-queue",
                "queueName: q\nconnectionFromEnv: STORAGE_CONNECTION\n"))).isEmpty();
        assertThat(RuleTester.check(new CredentialsInMetadata(), Yaml.trigger("azure-queue",
                "queueName: q\nconnection: DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==\n")))
                .singleElement().satisfies(x -> assertThat(x.message()).doesNotContain("abc=="));
    }

    @Test
    void credentialsWrittenIntoATriggerAuthentication() {
        String vault = auth("TriggerAuthentication", """
                hashiCorpVault:
                  address: https://vault.shop:8200
                  authentication: token
                  credential:
                    token: hvs.CAESIJlWh3o
                  secrets:
                    - {parameter: password, key: password, path: secret/data/kafka}
                """);
        assertThat(RuleTester.check(new CredentialsInTriggerAuthentication(), vault)).singleElement()
                .satisfies(x -> assertThat(x.message()).doesNotContain("hvs."));
        assertThat(RuleTester.check(new CredentialsInTriggerAuthentication(), auth("TriggerAuthentication",
                "configMapTargetRef: [{parameter: password, name: app-config, key: db-password}]\n")))
                .hasSize(1);
        assertThat(RuleTester.check(new CredentialsInTriggerAuthentication(), auth("TriggerAuthentication",
                "configMapTargetRef: [{parameter: host, name: app-config, key: rabbit-host}]\n"))).isEmpty();
    }
}
