package dev.trafficengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.testing.Cli;
import org.junit.jupiter.api.Test;

/** No report repeats a secret value, whatever the rule or the format; the user's own files stay whole. */
class SecretsStayOutOfReportsTest {

    private static final String INPUT = """
            apiVersion: v1
            kind: Secret
            metadata: {name: rabbit, namespace: jobs}
            stringData:
              password: s3cr3t-rabbit-pw
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: worker, namespace: jobs}
            spec:
              scaleTargetRef: {name: worker}
              triggers:
                - type: rabbitmq
                  metadata:
                    queueName: jobs
                    host: "amqp://app:s3cr3t-in-url@rabbit.jobs:5672/"
                    password: 98765432
            """;

    @Test
    void reviewReportsInEveryFormatLeaveSecretValuesOut() {
        for (String format : new String[] {"text", "json", "sarif"}) {
            Cli.Result r = Cli.runWithInput(INPUT, "review", "--format", format, "-");
            assertThat(r.out()).as(format).isNotEmpty()
                    .doesNotContain("s3cr3t-rabbit-pw").doesNotContain("s3cr3t-in-url").doesNotContain("98765432");
        }
    }

    @Test
    void fixedTextKeepsTheUsersValuesButTheReportDoesNot() {
        Cli.Result r = Cli.runWithInput(INPUT, "review", "--fix", "-");
        assertThat(r.out()).contains("s3cr3t-rabbit-pw"); // the file, fixed, is the user's own
        assertThat(r.err()).doesNotContain("s3cr3t-rabbit-pw").doesNotContain("98765432");
    }
}
