package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trigger metadata as each scaler parses it: required keys, types, enums, conflicts, removed keys, targets. */
class TriggerParameterRulesTest {

    private static List<String> messages(Rule rule, String yaml) {
        return RuleTester.check(rule, yaml).stream().map(Finding::message).toList();
    }

    @Test
    void prometheusNeedsServerAddressQueryAndThreshold() {
        String so = Yaml.trigger("prometheus", "query: sum(rate(http_requests_total[2m]))\n");
        assertThat(messages(new RuntimeMissingParameter(), so)).containsExactly(
                "KEDA cannot build the scaler of the `prometheus` trigger #1: `missing required parameter"
                        + " \"serverAddress\" in [triggerMetadata]`; set `serverAddress` in the trigger metadata.",
                "KEDA cannot build the scaler of the `prometheus` trigger #1: `missing required parameter"
                        + " \"threshold\" in [triggerMetadata]`; set `threshold` in the trigger metadata.");
        assertThat(RuleTester.check(new RuntimeMissingParameter(), Yaml.trigger("prometheus", Yaml.PROMETHEUS)))
                .isEmpty();
    }

    @Test
    void prometheusValuesAreParsedAsKedaDoes() {
        String so = Yaml.trigger("prometheus", """
                serverAddress: http://prometheus.monitoring:9090/api/v1
                query: up
                threshold: "1,5"
                ignoreNullValues: "yes"
                customHeaders: "X-Scope-OrgID"
                timeout: 10 seconds
                """);
        assertThat(messages(new RuntimeInvalidParameter(), so)).hasSize(5).anySatisfy(m -> assertThat(m)
                        .contains("unable to set param \"threshold\" value \"1,5\""))
                .anySatisfy(m -> assertThat(m).contains("strconv.ParseBool: parsing \"yes\": invalid syntax"))
                .anySatisfy(m -> assertThat(m).contains("expected format key=value, got \"X-Scope-OrgID\""))
                .anySatisfy(m -> assertThat(m).contains("time: invalid duration"))
                .anySatisfy(m -> assertThat(m).contains("drop `/api/v1` from `serverAddress`"));
        assertThat(RuleTester.check(new RuntimeInvalidParameter(), Yaml.trigger("prometheus", Yaml.PROMETHEUS
                + "ignoreNullValues: \"false\"\ntimeout: \"2500\"\ncustomHeaders: \"X-Scope-OrgID=team-a\"\n")))
                .isEmpty();
    }

    @Test
    void prometheusAuthModesNeedTheirParametersFromATriggerAuthentication() {
        String so = Yaml.trigger("prometheus", Yaml.PROMETHEUS + "authModes: bearer\n");
        assertThat(messages(new RuntimeMissingParameter(), so)).singleElement().satisfies(m -> assertThat(m)
                .contains("bearer token=<empty> is required when bearer auth is enabled"));
        String withAuth = Yaml.trigger("prometheus", "authenticationRef: {name: prom-auth}",
                Yaml.PROMETHEUS + "authModes: bearer\n") + """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: prom-auth, namespace: shop}
                spec:
                  secretTargetRef:
                    - {parameter: bearerToken, name: prom-token, key: token}
                """;
        assertThat(RuleTester.check(new RuntimeMissingParameter(), withAuth)).isEmpty();
        assertThat(messages(new RuntimeInvalidParameter(), so.replace("authModes: bearer", "authModes: Bearer")))
                .singleElement().satisfies(m -> assertThat(m).contains("must be one of [apiKey basic tls bearer"
                        + " custom oauth]").contains("write `bearer`"));
        assertThat(messages(new RuntimeConflictingParameters(), withAuth.replace("secretTargetRef:",
                "podIdentity: {provider: azure-workload}\n  secretTargetRef:"))).singleElement()
                .satisfies(m -> assertThat(m).contains("pod identity cannot be enabled with other auth types"));
    }

    @Test
    void aZeroOrTinyThresholdMakesTheHpaInvalid() {
        assertThat(messages(new RuntimeThresholdNotPositive(), Yaml.trigger("prometheus",
                Yaml.PROMETHEUS.replace("\"50\"", "\"0.0004\"")))).singleElement()
                .satisfies(m -> assertThat(m).contains("the metric target must be positive"));
        assertThat(messages(new RuntimeThresholdNotPositive(), Yaml.trigger("kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                topic: orders
                lagThreshold: "0"
                """))).singleElement().satisfies(m -> assertThat(m).contains("\"lagThreshold\" must be positive"));
        assertThat(RuleTester.check(new RuntimeThresholdNotPositive(), Yaml.trigger("prometheus",
                Yaml.PROMETHEUS.replace("\"50\"", "\"0.5\"")))).isEmpty();
    }

    @Test
    void kafkaSpellingsOfTheKafkaClientAreFixedToKedas() {
        String so = Yaml.trigger("kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                topic: orders
                sasl: SCRAM-SHA-512
                tls: "true"
                """);
        List<Finding> f = RuleTester.check(new RuntimeInvalidParameter(), so);
        assertThat(f).extracting(x -> x.fix().edits().get(0).text()).containsExactly("scram_sha512", "enable");
        assertThat(f).allSatisfy(x -> assertThat(x.fix().safe()).isTrue());
    }

    @Test
    void kafkaSaslNeedsCredentialsFromATriggerAuthenticationNotMetadata() {
        String so = Yaml.trigger("kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                topic: orders
                sasl: scram_sha512
                tls: enable
                username: orders-consumer
                password: hunter2
                """);
        assertThat(messages(new RuntimeMissingParameter(), so)).containsExactlyInAnyOrder(
                "KEDA cannot build the scaler of the `kafka` trigger #1: `no username given`; provide `username`"
                        + " through a TriggerAuthentication.",
                "KEDA cannot build the scaler of the `kafka` trigger #1: `no password given`; provide `password`"
                        + " through a TriggerAuthentication.");
        assertThat(messages(new MetadataParameterIgnored(), so)).hasSize(2)
                .allSatisfy(m -> assertThat(m).contains("KEDA ignores it in metadata").doesNotContain("hunter2"));
        assertThat(messages(new CredentialsInMetadata(), so)).singleElement()
                .satisfies(m -> assertThat(m).contains("`password`").doesNotContain("hunter2"));
    }

    @Test
    void kafkaOptionsThatExcludeEachOther() {
        String so = Yaml.trigger("kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                allowIdleConsumers: "true"
                limitToPartitionsWithLag: "true"
                """);
        assertThat(messages(new RuntimeConflictingParameters(), so)).singleElement().satisfies(m -> assertThat(m)
                .contains("allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously"));
        assertThat(messages(new RuntimeMissingParameter(), so)).singleElement().satisfies(m -> assertThat(m)
                .contains("topic must be specified when using limitToPartitionsWithLag"));
        assertThat(messages(new RuntimeInvalidParameter(), so.replace("allowIdleConsumers: \"true\"",
                "partitionLimitation: \"1,2,x\""))).singleElement().satisfies(m -> assertThat(m)
                .contains("invalid partition limitation: 1,2,x"));
        assertThat(messages(new RuntimeInvalidParameter(), so.replace("allowIdleConsumers: \"true\"",
                "version: 1.2.3.4"))).singleElement().satisfies(m -> assertThat(m)
                .contains("error parsing kafka version: invalid version `1.2.3.4`"));
        for (String version : List.of("0.10.2.1", "0.10.2", "3.6.0")) {
            assertThat(RuleTester.check(new RuntimeInvalidParameter(), so.replace("allowIdleConsumers: \"true\"",
                    "version: " + version))).as(version).isEmpty();
        }
    }

    @Test
    void apacheKafkaRejectsSaslInBothPlacesAndMskWithoutTls() {
        String so = Yaml.trigger("apache-kafka", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                topic: orders
                sasl: aws_msk_iam
                tls: disable
                """);
        assertThat(messages(new RuntimeInvalidParameter(), so)).singleElement()
                .satisfies(m -> assertThat(m).contains("TLS must be enabled when using AWS MSK IAM"));
        assertThat(messages(new RuntimeMissingParameter(), so)).singleElement()
                .satisfies(m -> assertThat(m).contains("awsRegion must be set when using AWS MSK IAM"));
        String both = Yaml.trigger("apache-kafka", "authenticationRef: {name: kafka-auth}", """
                bootstrapServers: kafka.data:9092
                consumerGroup: orders
                sasl: plaintext
                """) + """
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: kafka-auth, namespace: shop}
                spec:
                  secretTargetRef:
                    - {parameter: sasl, name: kafka, key: sasl}
                    - {parameter: username, name: kafka, key: username}
                    - {parameter: password, name: kafka, key: password}
                """;
        assertThat(messages(new RuntimeConflictingParameters(), both)).singleElement().satisfies(m -> assertThat(m)
                .contains("unable to set `sasl` in both ScaledObject and TriggerAuthentication together"));
        assertThat(RuleTester.check(new RuntimeMissingParameter(), both)).isEmpty();
    }

    @Test
    void cpuAndMemoryNeedATriggerLevelMetricTypeAndAValueOfTheRightKind() {
        String so = Yaml.trigger("cpu", """
                type: Utilization
                value: "70%"
                """);
        assertThat(messages(new RuntimeRemovedParameter(), so)).singleElement()
                .satisfies(m -> assertThat(m).contains("removed in v2.18 - Use 'metricType' instead"));
        assertThat(messages(new RuntimeMetricTypeInvalid(), so)).singleElement().satisfies(m -> assertThat(m)
                .contains("unknown metric type: , allowed values are 'Utilization' or 'AverageValue'"));
        String typed = Yaml.trigger("cpu", "metricType: utilization", "value: \"70%\"\n");
        assertThat(RuleTester.check(new RuntimeMetricTypeInvalid(), typed)).singleElement()
                .satisfies(x -> assertThat(x.fix().edits().get(0).text()).isEqualTo("Utilization"));
        String utilization = typed.replace("utilization", "Utilization");
        assertThat(messages(new RuntimeInvalidParameter(), utilization)).singleElement()
                .satisfies(m -> assertThat(m).contains("whole percentage"));
        assertThat(RuleTester.check(new RuntimeInvalidParameter(), utilization.replace("70%", "70"))).isEmpty();
        assertThat(messages(new RuntimeThresholdNotPositive(), utilization.replace("70%", "0"))).hasSize(1);
        String average = utilization.replace("Utilization", "AverageValue").replace("70%", "1.5Gb");
        assertThat(messages(new RuntimeInvalidParameter(), average)).singleElement()
                .satisfies(m -> assertThat(m).contains("quantities must match"));
        assertThat(RuleTester.check(new RuntimeInvalidParameter(), average.replace("1.5Gb", "1536Mi"))).isEmpty();
    }

    @Test
    void externalTriggersRejectUtilizationAndMisspelledMetricTypes() {
        String so = Yaml.trigger("prometheus", "metricType: value", Yaml.PROMETHEUS);
        assertThat(RuleTester.check(new RuntimeMetricTypeInvalid(), so)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("the HPA API rejects target type \"value\"");
            assertThat(x.fix().edits().get(0).text()).isEqualTo("Value");
        });
        assertThat(messages(new RuntimeMetricTypeInvalid(), so.replace("metricType: value",
                "metricType: Utilization"))).singleElement().satisfies(m -> assertThat(m)
                .contains("'Utilization' metric type is unsupported for external metrics"));
        assertThat(RuleTester.check(new RuntimeMetricTypeInvalid(), so.replace("metricType: value",
                "metricType: AverageValue"))).isEmpty();
    }

    @Test
    void cronSchedulesTimezonesAndDesiredReplicas() {
        String so = Yaml.trigger("cron", """
                timezone: Europe/Berlín
                start: 0 0 8 * * 1-5
                end: "@daily"
                desiredReplicas: "0"
                """);
        assertThat(messages(new RuntimeInvalidParameter(), so)).containsExactlyInAnyOrder(
                "The `cron` trigger #1 fails every time KEDA polls it: `unable to load timezone: unknown time zone"
                        + " Europe/Berlín`; use an IANA zone name such as `Europe/Berlin` or `UTC`.",
                "KEDA cannot build the scaler of the `cron` trigger #1: `error parsing start schedule: expected"
                        + " exactly 5 fields, found 6: [0 0 8 * * 1-5]`; write five fields: minute hour day-of-month"
                        + " month day-of-week, e.g. `0 8 * * 1-5`.",
                "KEDA cannot build the scaler of the `cron` trigger #1: `error parsing end schedule: parser does not"
                        + " accept descriptors: @daily`; write five fields: minute hour day-of-month month"
                        + " day-of-week, e.g. `0 8 * * 1-5`.");
        assertThat(messages(new RuntimeMissingParameter(), so)).singleElement()
                .satisfies(m -> assertThat(m).contains("no desiredReplicas specified"));
        String good = Yaml.trigger("cron", """
                timezone: America/New_York
                start: 30 7 * * MON-FRI
                end: 0 19 * * mon-fri
                desiredReplicas: "6"
                """);
        assertThat(RuleTester.check(new RuntimeInvalidParameter(), good)).isEmpty();
        assertThat(RuleTester.check(new RuntimeMissingParameter(), good)).isEmpty();
        assertThat(messages(new RuntimeInvalidParameter(), good.replace("0 19 * * mon-fri", "30 7 * * MON-FRI")))
                .singleElement().satisfies(m -> assertThat(m).contains("start and end can not have exactly same"));
    }

    @Test
    void rabbitmqModesProtocolsAndTheDeprecatedQueueLength() {
        String so = Yaml.trigger("rabbitmq", """
                queueName: orders
                host: amqp://rabbitmq.shop:5672/
                mode: MessageRate
                value: "100"
                """);
        assertThat(messages(new RuntimeInvalidParameter(), so)).singleElement().satisfies(m -> assertThat(m)
                .contains("protocol amqp not supported; must be HTTP to use trigger mode MessageRate"));
        assertThat(RuleTester.check(new RuntimeInvalidParameter(), so.replace("amqp://", "http://")
                .replace(":5672", ":15672"))).isEmpty();
        assertThat(messages(new RuntimeConflictingParameters(), so.replace("mode: MessageRate",
                "queueLength: \"20\""))).singleElement().satisfies(m -> assertThat(m)
                .contains("queueLength is deprecated; use mode and value"));
        // queueLength alone, as KEDA's own sample writes it, still works
        String sample = Yaml.trigger("rabbitmq", "queueName: hello\nqueueLength: \"5\"\nhostFromEnv: RABBIT_URL\n");
        for (Rule r : List.of(new RuntimeInvalidParameter(), new RuntimeConflictingParameters(),
                new RuntimeMissingParameter())) {
            assertThat(RuleTester.check(r, sample)).as(r.info().id()).isEmpty();
        }
        assertThat(messages(new RuntimeMissingParameter(), sample.replace("      hostFromEnv: RABBIT_URL\n", "")))
                .singleElement().satisfies(m -> assertThat(m).contains("missing required parameter \"host\" in"
                        + " [triggerMetadata authParams resolvedEnv]"));
    }

    @Test
    void otherCommonScalersRequiredParameters() {
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("aws-sqs-queue",
                "queueURL: https://sqs.eu-west-1.amazonaws.com/123456789012/orders\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("\"awsRegion\""));
        assertThat(messages(new RuntimeConflictingParameters(), Yaml.trigger("azure-servicebus",
                "queueName: orders\ntopicName: orders\nsubscriptionName: s\nconnectionFromEnv: SB\n")))
                .singleElement().satisfies(m -> assertThat(m).contains("both topic and queue name"));
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("azure-servicebus", "queueName: orders\n")))
                .singleElement().satisfies(m -> assertThat(m).contains("no connection setting given"));
        assertThat(messages(new RuntimeConflictingParameters(), Yaml.trigger("gcp-pubsub",
                "subscriptionName: a\ntopicName: b\ncredentialsFromEnv: GCP\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("exactly one of subscription or topic name"));
        assertThat(messages(new RuntimeRemovedParameter(), Yaml.trigger("gcp-pubsub",
                "subscriptionName: a\nsubscriptionSize: \"5\"\n"))).hasSize(1);
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("redis", "listName: jobs\n")))
                .singleElement().satisfies(m -> assertThat(m).contains("no addresses or hosts given"));
        assertThat(RuleTester.check(new RuntimeMissingParameter(), Yaml.trigger("redis",
                "listName: jobs\naddress: redis.shop:6379\n"))).isEmpty();
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("postgresql",
                "query: select count(*) from jobs\ntargetQueryValue: \"5\"\nhost: pg\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("no port given"));
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("kubernetes-workload",
                "podSelector: app=worker\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("value must be a float greater than 0"));
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("nats-jetstream",
                "natsServerMonitoringEndpoint: nats.shop:8222\nstream: s\nconsumer: c\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("no account name or id given"));
        assertThat(messages(new RuntimeMissingParameter(), Yaml.trigger("metrics-api",
                "url: http://api/metrics\nvalueLocation: pending\n"))).singleElement()
                .satisfies(m -> assertThat(m).contains("no targetValue given"));
    }

    @Test
    void unknownTypesAndKeys() {
        String so = Yaml.trigger("Prometheus", Yaml.PROMETHEUS);
        assertThat(RuleTester.check(new RuntimeUnknownTriggerType(), so)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("no scaler found for type: Prometheus");
            assertThat(x.fix().edits().get(0).text()).isEqualTo("prometheus");
        });
        assertThat(RuleTester.check(new RuntimeUnknownTriggerType(), Yaml.trigger("solace-event-queue", "x: y\n")))
                .isEmpty();
        String typo = Yaml.trigger("prometheus", Yaml.PROMETHEUS + "activationTreshold: \"5\"\nmetricName: rps\n");
        List<Finding> f = RuleTester.check(new MetadataKeyUnknown(), typo);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).message()).contains("did you mean `activationThreshold`");
        assertThat(f.get(0).fix().safe()).isFalse();
        assertThat(f.get(1).message()).contains("`metricName`");
        assertThat(RuleTester.check(new MetadataKeyUnknown(), Yaml.trigger("prometheus", Yaml.PROMETHEUS))).isEmpty();
    }
}
