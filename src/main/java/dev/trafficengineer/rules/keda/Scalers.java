package dev.trafficengineer.rules.keda;

import static dev.trafficengineer.rules.keda.Param.of;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The scalers whose metadata this tool checks, with their parameters as KEDA declares them, and the names of every
 * trigger type KEDA knows. Sources: [K] pkg/scalers/*_scaler.go (typed config tags and Validate methods),
 * schema/generated/scalers-schema.yaml, and research/keda.md §8. Scalers not listed here are known by name only:
 * their metadata is not checked, so nothing is claimed about them.
 */
final class Scalers {

    private Scalers() {}

    /** Every type [K] pkg/scaling/scalers_builder.go builds; anything else fails with "no scaler found". */
    static final Set<String> KNOWN_TYPES = Set.of("activemq", "apache-kafka", "arangodb", "artemis-queue",
            "aws-cloudwatch", "aws-dynamodb", "aws-dynamodb-streams", "aws-kinesis-stream", "aws-sqs-queue",
            "azure-app-insights", "azure-blob", "azure-data-explorer", "azure-eventhub", "azure-log-analytics",
            "azure-monitor", "azure-pipelines", "azure-queue", "azure-servicebus", "beanstalkd", "cassandra",
            "couchdb", "cpu", "cron", "datadog", "dynatrace", "elasticsearch", "etcd", "external", "external-mock",
            "external-push", "forgejo-runner", "gcp-cloudtasks", "gcp-pubsub", "gcp-stackdriver", "gcp-storage",
            "github-runner", "gitlab-runner", "graphite", "huawei-cloudeye", "ibmmq", "influxdb", "kafka",
            "kubernetes-resource", "kubernetes-workload", "liiklus", "loki", "memory", "metrics-api", "mongodb",
            "mssql", "mysql", "nats-jetstream", "new-relic", "nsq", "openstack-metric", "openstack-swift",
            "postgresql", "predictkube", "prometheus", "pulsar", "rabbitmq", "redis", "redis-cluster",
            "redis-cluster-streams", "redis-sentinel", "redis-sentinel-streams", "redis-streams", "selenium-grid",
            "solace-direct-messaging", "solace-event-queue", "solarwinds", "solr", "splunk", "splunk-observability",
            "stan", "sumologic", "temporal");

    private static final Map<String, ScalerSpec> SPECS = specs();

    static ScalerSpec get(String type) {
        return SPECS.get(type);
    }

    /** The scaler's parameter that sets the HPA target and the one that sets activation, when it has them. */
    static final Map<String, List<String>> TARGET_AND_ACTIVATION = Map.ofEntries(
            Map.entry("prometheus", List.of("threshold", "activationThreshold")),
            Map.entry("kafka", List.of("lagThreshold", "activationLagThreshold")),
            Map.entry("apache-kafka", List.of("lagThreshold", "activationLagThreshold")),
            Map.entry("aws-sqs-queue", List.of("queueLength", "activationQueueLength")),
            Map.entry("redis", List.of("listLength", "activationListLength")),
            Map.entry("azure-servicebus", List.of("messageCount", "activationMessageCount")),
            Map.entry("azure-queue", List.of("queueLength", "activationQueueLength")),
            Map.entry("gcp-pubsub", List.of("value", "activationValue")),
            Map.entry("postgresql", List.of("targetQueryValue", "activationTargetQueryValue")),
            Map.entry("mysql", List.of("queryValue", "activationQueryValue")),
            Map.entry("nats-jetstream", List.of("lagThreshold", "activationLagThreshold")),
            Map.entry("metrics-api", List.of("targetValue", "activationTargetValue")),
            Map.entry("kubernetes-workload", List.of("value", "activationValue")),
            Map.entry("mongodb", List.of("queryValue", "activationQueryValue")),
            Map.entry("rabbitmq", List.of("value", "activationValue")));

    private static Map<String, ScalerSpec> specs() {
        Map<String, ScalerSpec> m = new TreeMap<>();
        put(m, ScalerSpec.of("prometheus", List.of(
                of("serverAddress").required(),
                of("query").required(),
                of("queryParameters").map(),
                of("threshold").required().f64().target(),
                of("activationThreshold").f64().activation(),
                of("namespace"),
                of("customHeaders").map(),
                of("ignoreNullValues").bool().def("true"),
                of("unsafeSsl").bool(),
                of("awsRegion").auth(),
                of("timeout").duration(),
                of("identityOwner"),
                of("authModes").auth().oneOf("apiKey", "basic", "tls", "bearer", "custom", "oauth")),
                List.of(ScalerChecks::prometheus))
                .ignoring(Map.of("metricName", "KEDA names external metrics itself since v2.12",
                        "cortexOrgID", "KEDA no longer reads it; send `X-Scope-OrgID` through `customHeaders`")));
        put(m, ScalerSpec.of("kafka", List.of(
                of("bootstrapServers").env().required(),
                of("consumerGroup").env().required(),
                of("topic").env(),
                of("partitionLimitation"),
                of("lagThreshold").parseInt().def("10").target("\"lagThreshold\" must be positive number"),
                of("activationLagThreshold").parseInt().def("0").activation(),
                of("offsetResetPolicy").oneOf("latest", "earliest").def("latest"),
                of("allowIdleConsumers").bool(),
                of("excludePersistentLag").bool(),
                of("scaleToZeroOnInvalidOffset").bool(),
                of("limitToPartitionsWithLag").bool(),
                of("ensureEvenDistributionOfPartitions").bool(),
                of("fullMetadata").bool().def("true"),
                of("version"),
                of("tls").auth().oneOf("enable", "disable").def("disable"),
                of("unsafeSsl").bool(),
                of("sasl").auth().oneOf("none", "plaintext", "scram_sha256", "scram_sha512", "oauthbearer", "gssapi")
                        .def("none"),
                of("saslTokenProvider").auth().oneOf("bearer", "aws_msk_iam").def("bearer"),
                of("awsRegion"),
                of("username").authOnly(), of("password").authOnly(),
                of("ca").authOnly(), of("cert").authOnly(), of("key").authOnly(), of("keyPassword").authOnly(),
                of("oauthTokenEndpointUri").authOnly(), of("scopes").authOnly(), of("oauthExtensions").authOnly(),
                of("keytab").authOnly(), of("realm").authOnly(), of("kerberosConfig").authOnly(),
                of("kerberosServiceName").authOnly(), of("kerberosDisableFAST").authOnly()),
                List.of(ScalerChecks::kafka)));
        put(m, ScalerSpec.of("apache-kafka", List.of(
                of("bootstrapServers").env().required(),
                of("consumerGroup").env().required(),
                of("topic").env(),
                of("partitionLimitation"),
                of("lagThreshold").i64().def("10").target("lagThreshold must be a positive number"),
                of("activationLagThreshold").i64().def("0").activation(),
                of("offsetResetPolicy").oneOf("earliest", "latest").def("latest"),
                of("allowIdleConsumers").bool(),
                of("excludePersistentLag").bool(),
                of("scaleToZeroOnInvalidOffset").bool(),
                of("limitToPartitionsWithLag").bool(),
                of("ensureEvenDistributionOfPartitions").bool(),
                of("sasl").auth().oneOf("none", "plaintext", "scram_sha256", "scram_sha512", "gssapi", "aws_msk_iam")
                        .def("none"),
                of("tls").auth().oneOf("enable", "disable").def("disable"),
                of("awsRegion"),
                of("username").authOnly(), of("password").authOnly(),
                of("ca").authOnly(), of("cert").authOnly(), of("key").authOnly(), of("keyPassword").authOnly()),
                List.of(ScalerChecks::apacheKafka)));
        for (String type : List.of("cpu", "memory")) {
            put(m, ScalerSpec.of(type, List.of(
                    of("type").removed("scaler " + type + " info: The 'type' setting is DEPRECATED and is removed in"
                            + " v2.18 - Use 'metricType' instead."),
                    of("value").required(),
                    of("containerName")),
                    List.of(ScalerChecks::cpuMemory)));
        }
        put(m, ScalerSpec.of("cron", List.of(
                of("timezone").required(),
                of("start").required(),
                of("end").required(),
                of("desiredReplicas").required().i64()),
                List.of(ScalerChecks::cron)));
        put(m, ScalerSpec.of("rabbitmq", List.of(
                of("queueName").required(),
                of("mode").def("Unknown"),
                of("queueLength").f64(),
                of("value").f64(),
                of("activationValue").f64().activation(),
                of("host").auth().env().required(),
                of("protocol").auth().def("auto"),
                of("vhostName").auth(),
                of("useRegex").bool(),
                of("excludeUnacknowledged").bool(),
                of("pageSize").i64().def("100"),
                of("operation").def("sum"),
                of("timeout").duration(),
                of("unsafeSsl").bool(),
                of("username").authOrEnv(), of("password").authOrEnv(),
                of("ca").authOnly(), of("cert").authOnly(), of("key").authOnly(), of("keyPassword").authOnly(),
                of("tls").authOnly().def("disable"),
                of("workloadIdentityResource").authOnly()),
                List.of(ScalerChecks::rabbitmq)));
        put(m, ScalerSpec.of("aws-sqs-queue", List.of(
                of("queueURL").env().required(),
                of("awsRegion").auth().required(),
                of("queueLength").i64().def("5").target(),
                of("activationQueueLength").i64().def("0").activation(),
                of("awsEndpoint"),
                of("scaleOnInFlight").bool().def("true"),
                of("scaleOnDelayed").bool().def("false"),
                of("identityOwner")),
                List.of()));
        for (String type : List.of("redis", "redis-cluster", "redis-sentinel")) {
            put(m, ScalerSpec.of(type, redis(List.of(
                    of("listName").required(),
                    of("listLength").i64().def("5").target(),
                    of("activationListLength").i64().activation())),
                    List.of(ScalerChecks::redis)));
        }
        for (String type : List.of("redis-streams", "redis-cluster-streams", "redis-sentinel-streams")) {
            put(m, ScalerSpec.of(type, redis(List.of(
                    of("stream").required(),
                    of("consumerGroup"),
                    of("pendingEntriesCount").i64().def("5"),
                    of("streamLength").i64().def("5"),
                    of("lagCount").i64(),
                    of("activationLagCount").i64().def("0").activation())),
                    List.of(ScalerChecks::redis)));
        }
        put(m, ScalerSpec.of("azure-servicebus", List.of(
                of("queueName"),
                of("topicName"),
                of("subscriptionName"),
                of("messageCount").i64().def("5").target(),
                of("activationMessageCount").i64().activation(),
                of("connection").authOrEnv(),
                of("namespace"),
                of("useRegex").bool(),
                of("operation").oneOf("sum", "max", "avg").def("sum"),
                of("cloud"),
                of("endpointSuffix")),
                List.of(ScalerChecks::serviceBus)));
        put(m, ScalerSpec.of("azure-queue", List.of(
                of("queueName").required(),
                of("queueLength").i64().def("5").target(),
                of("activationQueueLength").i64().def("0").activation(),
                of("connection").auth().env(),
                of("accountName"),
                of("endpointSuffix"),
                of("cloud"),
                of("queueLengthStrategy").oneOf("all", "visibleonly").def("all")),
                List.of(ScalerChecks::azureQueue)));
        put(m, ScalerSpec.of("gcp-pubsub", List.of(
                of("subscriptionSize").removed("The 'subscriptionSize' setting is DEPRECATED and is removed in"
                        + " v2.20 - Use 'mode' and 'value' instead"),
                of("subscriptionName").env(),
                of("topicName").env(),
                of("mode").def("SubscriptionSize"),
                of("value").f64().def("10").target(),
                of("activationValue").f64().def("0").activation(),
                of("aggregation"),
                of("timeHorizon"),
                of("valueIfNull").f64(),
                of("credentials").env(),
                of("credentialsFromEnvFile")),
                List.of(ScalerChecks::pubsub)));
        put(m, ScalerSpec.of("postgresql", List.of(
                of("query").required(),
                of("targetQueryValue").f64().target(),
                of("activationTargetQueryValue").f64().activation(),
                of("connection").authOrEnv(),
                of("host").auth(), of("port").auth(), of("userName").auth(), of("dbName").auth(),
                of("sslmode").auth(),
                of("password").authOrEnv()),
                List.of(ScalerChecks::postgresql)));
        put(m, ScalerSpec.of("mysql", List.of(
                of("query").required(),
                of("queryValue").required().f64().target(),
                of("activationQueryValue").f64().def("0").activation(),
                of("connectionString").authOrEnv(),
                of("username").auth().env(), of("host").auth(), of("port").auth(), of("dbName").auth(),
                of("password").authOrEnv()),
                List.of(ScalerChecks::mysql)));
        put(m, ScalerSpec.of("nats-jetstream", List.of(
                of("natsServerMonitoringEndpoint").auth().required(),
                of("account").auth(),
                of("accountID").auth(),
                of("stream").required(),
                of("consumer").required(),
                of("lagThreshold").i64().def("10").target(),
                of("activationLagThreshold").i64().def("0").activation(),
                of("useHttps").bool().def("false")),
                List.of(ScalerChecks::nats)));
        put(m, ScalerSpec.of("metrics-api", List.of(
                of("url").required(),
                of("valueLocation").required(),
                of("targetValue").f64().target(),
                of("activationTargetValue").f64().def("0").activation(),
                of("format").oneOf("prometheus", "json", "xml", "yaml").def("json"),
                of("aggregationType").oneOf("average", "sum", "max", "min").def("average"),
                of("aggregateFromKubeServiceEndpoints").bool().def("false"),
                of("unsafeSsl").bool().def("false"),
                of("authMode"),
                of("method")),
                List.of(ScalerChecks::metricsApi)));
        put(m, ScalerSpec.of("kubernetes-workload", List.of(
                of("podSelector").required(),
                of("value").f64().def("0").target("value must be a float greater than 0"),
                of("activationValue").f64().def("0").activation()),
                List.of(ScalerChecks::kubernetesWorkload)));
        put(m, ScalerSpec.of("aws-cloudwatch", List.of(
                of("awsRegion").auth().required(),
                of("targetMetricValue").required().f64().target(),
                of("activationTargetMetricValue").f64(),
                of("minMetricValue").required().f64(),
                of("expression"),
                of("namespace"), of("metricName"), of("dimensionName"), of("dimensionValue"),
                of("ignoreNullValues").bool().def("true"),
                of("metricCollectionTime").i64().def("300"),
                of("metricStat").def("Average"),
                of("metricUnit"),
                of("metricStatPeriod").i64().def("300"),
                of("metricEndTimeOffset").i64().def("0"),
                of("awsEndpoint"),
                of("identityOwner")),
                List.of(ScalerChecks::cloudwatch)));
        put(m, ScalerSpec.of("mongodb", List.of(
                of("connectionString").auth().env(),
                of("scheme").auth().def("mongodb"),
                of("host").auth(), of("port").auth(), of("username").auth(),
                of("password").auth().env(),
                of("dbName").auth().required(),
                of("collection").required(),
                of("query").required(),
                of("queryValue").required().f64().target(),
                of("activationQueryValue").f64().def("0").activation()),
                List.of()));
        return Map.copyOf(m);
    }

    private static List<Param.Builder> redis(List<Param.Builder> own) {
        List<Param.Builder> all = new java.util.ArrayList<>(own);
        all.addAll(List.of(
                of("databaseIndex").i64(),
                of("enableTLS").bool(),
                of("tls").authOnly().oneOf("enable", "disable"),
                of("address").auth().env(), of("addresses").auth().env(),
                of("host").auth().env(), of("hosts").auth().env(),
                of("port").auth().env(), of("ports").auth().env(),
                of("username").auth().env(), of("password").auth().env(),
                of("sentinelUsername").auth().env(), of("sentinelPassword").auth().env(),
                of("sentinelMaster").auth().env(),
                of("unsafeSsl").bool().def("false"),
                of("cert").authOnly(), of("key").authOnly(), of("keyPassword").authOnly(), of("ca").authOnly()));
        return all;
    }

    private static void put(Map<String, ScalerSpec> m, ScalerSpec s) {
        m.put(s.type(), s);
    }
}
