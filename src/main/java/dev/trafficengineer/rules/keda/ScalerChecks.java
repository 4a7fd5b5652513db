package dev.trafficengineer.rules.keda;

import static dev.trafficengineer.rules.keda.TriggerAnalysis.fails;
import static dev.trafficengineer.rules.keda.TriggerAnalysis.pollFails;

import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.rules.keda.Problem.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation each scaler does after parsing its parameters, as far as the reviewed files decide it. Every check
 * stays silent when a value may come from a TriggerAuthentication or an environment variable that is not reviewed.
 */
final class ScalerChecks {

    private ScalerChecks() {}

    // ---- prometheus ([K] pkg/scalers/prometheus_scaler.go, pkg/scalers/authentication/authentication_types.go)

    /** Auth params each authMode needs, with the error KEDA reports when they are missing. */
    private static final Map<String, List<String>> PROMETHEUS_AUTH = Map.of(
            "bearer", List.of("bearerToken"),
            "basic", List.of("username"),
            "tls", List.of("cert", "key"),
            "custom", List.of("customAuthHeader", "customAuthValue"),
            "oauth", List.of("oauthTokenURI", "clientID"),
            "apiKey", List.of("apiKey"));
    private static final Map<String, String> PROMETHEUS_AUTH_ERRORS = Map.of(
            "bearer", "bearer token=<empty> is required when bearer auth is enabled",
            "basic", "username=<empty> is required when basic auth is enabled",
            "tls", "cert=<empty> and key=<empty> are required when tls auth is enabled",
            "custom", "customAuthHeader=<empty> and customAuthValue=<empty> are required when custom auth is enabled",
            "oauth", "oauthTokenURI=<empty> and clientID=<empty> are required when oauth is enabled",
            "apiKey", "apiKey is required when apiKey auth is enabled");

    static void prometheus(TriggerScope s) {
        String address = s.meta("serverAddress");
        if (address != null) {
            String path = address.replaceAll("/+$", "");
            if (!address.contains("://")) {
                s.add(Kind.INVALID, "serverAddress", pollFails(s, "unsupported protocol scheme \"\"",
                        "write the scheme, e.g. `http://" + address + "`"));
            } else if (path.endsWith("/api/v1")) {
                s.add(Kind.INVALID, "serverAddress", pollFails(s, "prometheus query api returned error. status: 404",
                        "KEDA appends `/api/v1/query` itself, so drop `/api/v1` from `serverAddress`"));
            }
        }
        // the query itself is checked once per object by PrometheusQuery, positioned inside the YAML scalar
        String modes = s.known("authModes");
        if (modes == null) {
            return;
        }
        if (s.auth.podIdentity() != null && !s.auth.podIdentity().equals("none")) {
            s.add(Kind.CONFLICT, "authModes", fails(s, "pod identity cannot be enabled with other auth types",
                    "remove `authModes` or the pod identity"));
        }
        for (String mode : modes.split(",")) {
            List<String> needs = PROMETHEUS_AUTH.get(mode.strip());
            if (needs == null) {
                continue;
            }
            for (String param : needs) {
                boolean given = s.auth.mayProvide(param) || (param.equals("bearerToken") && s.auth.mayProvide("token"));
                if (!given) {
                    s.add(Kind.MISSING, "authModes", fails(s, PROMETHEUS_AUTH_ERRORS.get(mode.strip()),
                            "provide `" + param + "` through the trigger's TriggerAuthentication"));
                    break;
                }
            }
        }
    }

    // ---- kafka ([K] pkg/scalers/kafka_scaler.go; research/keda.md §8.2, §15)

    static void kafka(TriggerScope s) {
        kafkaCommon(s, "\"activationLagThreshold\" must be a non-negative number");
        String version = s.meta("version");
        if (version != null && !version.matches("0\\.[0-9]+\\.[0-9]+\\.[0-9]+|[0-9]+\\.[0-9]+\\.[0-9]+")) {
            s.add(Kind.INVALID, "version", fails(s, "error parsing kafka version: invalid version `" + version + "`",
                    "write a Kafka version such as `3.6.0`"));
        }
        if (Boolean.FALSE.equals(s.knownBool("fullMetadata")) && s.absent("topic")) {
            s.add(Kind.MISSING, "topic", fails(s, "topic must be specified when fullMetadata is false",
                    "set `topic`"));
        }
        String sasl = s.known("sasl");
        String tls = s.known("tls");
        if (sasl == null) {
            return;
        }
        switch (sasl) {
            case "plaintext", "scram_sha256", "scram_sha512" -> {
                needAuth(s, "sasl", "username", "no username given");
                needAuth(s, "sasl", "password", "no password given");
            }
            case "oauthbearer" -> {
                String provider = s.known("saslTokenProvider");
                if ("aws_msk_iam".equals(provider)) {
                    if (tls != null && !tls.equals("enable")) {
                        s.add(Kind.INVALID, "sasl", fails(s, "TLS is required for AWS MSK authentication",
                                "set `tls: enable`"));
                    }
                    if (s.meta("awsRegion") == null) {
                        s.add(Kind.MISSING, "sasl", fails(s, "no awsRegion given", "set `awsRegion`"));
                    }
                } else if ("bearer".equals(provider)) {
                    String oauth = "error parsing OAuth token provider configuration: ";
                    needAuth(s, "sasl", "username", oauth + "no username given");
                    needAuth(s, "sasl", "password", oauth + "no password given");
                    needAuth(s, "sasl", "oauthTokenEndpointUri", oauth + "no oauth token endpoint uri given");
                }
            }
            case "gssapi" -> {
                needAuth(s, "sasl", "username", "no username given");
                if (!s.auth.mayProvide("password") && !s.auth.mayProvide("keytab")) {
                    s.add(Kind.MISSING, "sasl", fails(s, "exactly one of 'password' or 'keytab' must be provided for"
                            + " GSSAPI authentication",
                            "provide `password` or `keytab` through a TriggerAuthentication"));
                } else if (s.auth.status() == AuthLookup.Status.FOUND && s.auth.auth().parameters().contains("password")
                        && s.auth.auth().parameters().contains("keytab")) {
                    s.add(Kind.CONFLICT, "sasl", fails(s, "exactly one of 'password' or 'keytab' must be provided for"
                            + " GSSAPI authentication", "drop `password` or `keytab` from the TriggerAuthentication"));
                }
                needAuth(s, "sasl", "realm", "no realm given");
                needAuth(s, "sasl", "kerberosConfig", "no Kerberos configuration file (kerberosConfig) given");
            }
            default -> { }
        }
        if ("enable".equals(tls)) {
            certAndKey(s, "key must be provided with cert", "cert must be provided with key");
        }
    }

    static void apacheKafka(TriggerScope s) {
        kafkaCommon(s, "activationLagThreshold must be a positive number");
        for (String both : List.of("sasl", "tls")) {
            if (s.meta(both) != null && s.auth.status() == AuthLookup.Status.FOUND && s.auth.auth().provides(both)) {
                s.add(Kind.CONFLICT, both, fails(s, "unable to set `" + both + "` in both ScaledObject and"
                        + " TriggerAuthentication together", "keep `" + both + "` in one place"));
            }
        }
        String sasl = s.known("sasl");
        String tls = s.known("tls");
        if ("gssapi".equals(sasl)) {
            s.add(Kind.INVALID, "sasl", fails(s, "err sasl type \"gssapi\" given",
                    "use the `kafka` trigger type for Kerberos"));
        } else if ("plaintext".equals(sasl) || "scram_sha256".equals(sasl) || "scram_sha512".equals(sasl)) {
            if (s.absent("username") || s.absent("password")) {
                s.add(Kind.MISSING, "sasl", fails(s, "username and password must be set when using SASL",
                        "provide `username` and `password` through a TriggerAuthentication"));
            }
        } else if ("aws_msk_iam".equals(sasl)) {
            if (s.meta("awsRegion") == null) {
                s.add(Kind.MISSING, "sasl", fails(s, "awsRegion must be set when using AWS MSK IAM",
                        "set `awsRegion`"));
            }
            if (tls != null && !tls.equals("enable")) {
                s.add(Kind.INVALID, "sasl", fails(s, "TLS must be enabled when using AWS MSK IAM",
                        "set `tls: enable`"));
            }
        }
        if ("enable".equals(tls)) {
            certAndKey(s, "can't set only one of cert or key when using TLS",
                    "can't set only one of cert or key when using TLS");
        }
    }

    private static void kafkaCommon(TriggerScope s, String negativeActivation) {
        String activation = s.meta("activationLagThreshold");
        if (activation != null && activation.matches("[+-]?[0-9]+") && activation.startsWith("-")) {
            s.add(Kind.INVALID, "activationLagThreshold", fails(s, negativeActivation, "use 0 or more"));
        }
        String limitation = s.meta("partitionLimitation");
        if (limitation != null) {
            for (String part : limitation.split(",", -1)) {
                String p = part.strip();
                if (!p.matches("[0-9]+(-[0-9]+)?")) {
                    s.add(Kind.INVALID, "partitionLimitation", fails(s, "invalid partition limitation: " + limitation,
                            "list partition ids and ranges such as `0,2,10-20`"));
                    break;
                }
            }
        }
        boolean idle = s.isTrue("allowIdleConsumers");
        boolean withLag = s.isTrue("limitToPartitionsWithLag");
        boolean even = s.isTrue("ensureEvenDistributionOfPartitions");
        if (idle && withLag) {
            s.add(Kind.CONFLICT, "limitToPartitionsWithLag", fails(s,
                    "allowIdleConsumers and limitToPartitionsWithLag cannot be set simultaneously", "keep one"));
        }
        if (withLag && even) {
            s.add(Kind.CONFLICT, "ensureEvenDistributionOfPartitions", fails(s,
                    "limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot be set simultaneously",
                    "keep one"));
        }
        if (withLag && s.absent("topic")) {
            s.add(Kind.MISSING, "limitToPartitionsWithLag", fails(s,
                    "topic must be specified when using limitToPartitionsWithLag", "set `topic`"));
        }
        if (even && s.absent("topic")) {
            s.add(Kind.MISSING, "ensureEvenDistributionOfPartitions", fails(s,
                    "topic must be specified when using ensureEvenDistributionOfPartitions", "set `topic`"));
        }
    }

    private static void needAuth(TriggerScope s, String key, String param, String error) {
        if (!s.auth.mayProvide(param)) {
            s.add(Kind.MISSING, key, fails(s, error, "provide `" + param + "` through a TriggerAuthentication"));
        }
    }

    /** A reviewed TriggerAuthentication that gives a client certificate without its key, or the reverse. */
    private static void certAndKey(TriggerScope s, String keyMissing, String certMissing) {
        if (s.auth.status() != AuthLookup.Status.FOUND || s.auth.auth().opaque()) {
            return;
        }
        Set<String> p = s.auth.auth().parameters();
        if (p.contains("cert") && !p.contains("key")) {
            s.add(Kind.MISSING, "tls", fails(s, keyMissing, "add `key` to the TriggerAuthentication"));
        } else if (p.contains("key") && !p.contains("cert")) {
            s.add(Kind.MISSING, "tls", fails(s, certMissing, "add `cert` to the TriggerAuthentication"));
        }
    }

    // ---- cpu and memory ([K] pkg/scalers/cpu_memory_scaler.go)

    static void cpuMemory(TriggerScope s) {
        String value = s.meta("value");
        String metricType = s.trigger.metricType();
        if (value == null || metricType == null) {
            return; // a missing metricType is reported by keda/runtime-metric-type-invalid
        }
        if (metricType.equals("Utilization")) {
            if (!value.matches("[+-]?[0-9]+") || value.length() > 11
                    || Math.abs(Long.parseLong(value.replace("+", ""))) > Integer.MAX_VALUE) {
                s.add(Kind.INVALID, "value", fails(s, "strconv.ParseInt: parsing \"" + value + "\": invalid syntax",
                        "write the utilization as a whole percentage such as `70` (no `%`, no decimals)"));
            } else if (Long.parseLong(value.replace("+", "")) <= 0) {
                s.add(Kind.THRESHOLD, "value", "The " + s.trigger.label() + " sets `value` to `" + value + "`, so the"
                        + " HPA KEDA creates is rejected (averageUtilization must be greater than 0); use a"
                        + " percentage above 0.");
            }
        } else if (metricType.equals("AverageValue")) {
            var q = Quantity.tryParse(value.strip());
            if (q.isEmpty()) {
                s.add(Kind.INVALID, "value", fails(s, "quantities must match the regular expression"
                        + " '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", "write a quantity such as `500m` or"
                        + " `512Mi`"));
            } else if (q.get().signum() <= 0) {
                s.add(Kind.THRESHOLD, "value", "The " + s.trigger.label() + " sets `value` to `" + value + "`, so the"
                        + " HPA KEDA creates is rejected (averageValue must be positive); use a quantity above 0.");
            }
        }
    }

    // ---- cron ([K] pkg/scalers/cron_scaler.go)

    static void cron(TriggerScope s) {
        String zone = s.meta("timezone");
        if (zone != null && !CronSchedule.knownZone(zone)) {
            s.add(Kind.INVALID, "timezone", pollFails(s, "unable to load timezone: unknown time zone " + zone,
                    "use an IANA zone name such as `Europe/Berlin` or `UTC`"));
        }
        String start = s.meta("start");
        String end = s.meta("end");
        for (String key : List.of("start", "end")) {
            String spec = s.meta(key);
            String error = spec == null ? null : CronSchedule.error(spec);
            if (error != null) {
                s.add(Kind.INVALID, key, fails(s, "error parsing " + key + " schedule: " + error,
                        "write five fields: minute hour day-of-month month day-of-week, e.g. `0 8 * * 1-5`"));
            }
        }
        if (start != null && start.equals(end)) {
            s.add(Kind.INVALID, "end", fails(s, "start and end can not have exactly same time input",
                    "make `end` differ from `start`"));
        }
        String desired = s.meta("desiredReplicas");
        if (desired != null && GoValues.int64Error(desired) == null && Long.parseLong(desired) == 0) {
            s.add(Kind.MISSING, "desiredReplicas", fails(s, "no desiredReplicas specified",
                    "set `desiredReplicas` to the replica count wanted inside the window"));
        }
    }

    // ---- rabbitmq ([K] pkg/scalers/rabbitmq_scaler.go Validate)

    private static final List<String> RABBIT_MODES = List.of("QueueLength", "MessageRate", "DeliverGetRate",
            "PublishedToDeliveredRatio", "ExpectedQueueConsumptionTime");

    static void rabbitmq(TriggerScope s) {
        String protocol = s.known("protocol");
        if (protocol != null && !List.of("amqp", "http", "auto").contains(protocol)) {
            s.add(Kind.INVALID, "protocol", fails(s, "the protocol has to be either `amqp`, `http`, or `auto` but is `"
                    + protocol + "`", "use `amqp`, `http` or `auto`"));
            return;
        }
        String pageSize = s.meta("pageSize");
        if (pageSize != null && GoValues.int64Error(pageSize) == null && Long.parseLong(pageSize) < 1) {
            s.add(Kind.INVALID, "pageSize", fails(s, "pageSize should be 1 or greater", "use 1 or more"));
        }
        String host = s.known("host");
        if ("auto".equals(protocol) && host != null) {
            String scheme = host.contains("://")
                    ? host.substring(0, host.indexOf("://")).toLowerCase(java.util.Locale.ROOT) : "";
            switch (scheme) {
                case "amqp", "amqps" -> protocol = "amqp";
                case "http", "https" -> protocol = "http";
                default -> {
                    s.add(Kind.INVALID, "host", fails(s, "unknown host URL scheme: `" + scheme + "`",
                            "start `host` with `amqp://`, `amqps://`, `http://` or `https://`"));
                    return;
                }
            }
        }
        if ("amqp".equals(protocol)) {
            for (String httpOnly : List.of("useRegex", "excludeUnacknowledged")) {
                if (s.isTrue(httpOnly)) {
                    s.add(Kind.INVALID, httpOnly, fails(s, "configure " + httpOnly + "=true only with HTTP protocol",
                            "use the management API (`http://`) or drop `" + httpOnly + "`"));
                }
            }
        }
        double queueLength = number(s.meta("queueLength"));
        double value = number(s.meta("value"));
        String mode = s.meta("mode");
        if (queueLength != 0 && (mode != null || value != 0)) {
            s.add(Kind.CONFLICT, "queueLength", fails(s, "queueLength is deprecated; use mode and value",
                    "replace `queueLength` with `mode: QueueLength` and `value`"));
            return;
        }
        if (queueLength < 0 || value < 0) {
            s.add(Kind.THRESHOLD, queueLength < 0 ? "queueLength" : "value", "The " + s.trigger.label()
                    + " has a negative target, so the HPA KEDA creates is rejected; use a value above 0.");
        }
        if (queueLength != 0 || (mode == null && value == 0)) {
            return; // the deprecated queueLength alone, or nothing at all (QueueLength 20)
        }
        if (mode == null) {
            s.add(Kind.MISSING, "value", fails(s, "mode must be specified", "set `mode`, e.g. `QueueLength`"));
        } else if (value == 0) {
            s.add(Kind.MISSING, "mode", fails(s, "value must be specified", "set `value`"));
        } else if (!RABBIT_MODES.contains(mode)) {
            s.add(Kind.INVALID, "mode", fails(s, "trigger mode " + mode + " must be one of QueueLength, MessageRate,"
                    + " DeliverGetRate, PublishedToDeliveredRatio or ExpectedQueueConsumptionTime",
                    "use one of those modes"));
        } else if (!mode.equals("QueueLength") && "amqp".equals(protocol)) {
            s.add(Kind.INVALID, "mode", fails(s, "protocol amqp not supported; must be HTTP to use trigger mode "
                    + mode, "point `host` at the management API (`http://`)"));
        }
        if ("amqp".equals(protocol) && s.meta("timeout") != null) {
            s.add(Kind.INVALID, "timeout", fails(s, "AMQP protocol doesn't support custom timeouts",
                    "drop `timeout` or use the HTTP protocol"));
        }
    }

    private static double number(String v) {
        var n = GoValues.number(v);
        return n == null ? 0 : n.doubleValue();
    }

    // ---- redis family ([K] pkg/scalers/redis_scaler.go, redis_streams_scaler.go)

    static void redis(TriggerScope s) {
        if (s.meta("enableTLS") != null && s.auth.status() == AuthLookup.Status.FOUND
                && s.auth.auth().provides("tls")) {
            s.add(Kind.CONFLICT, "enableTLS", fails(s, "unable to set `tls` in both ScaledObject and"
                    + " TriggerAuthentication together", "keep TLS in one place"));
        }
        if (s.absent("address") && s.absent("addresses") && s.absent("host") && s.absent("hosts")) {
            s.add(Kind.MISSING, "address", fails(s, "no addresses or hosts given. address should be in the format of"
                    + " host:port or you should set the host/port values", "set `address` (host:port)"));
        }
    }

    // ---- azure ([K] pkg/scalers/azure_servicebus_scaler.go, azure_queue_scaler.go)

    static void serviceBus(TriggerScope s) {
        boolean queue = s.meta("queueName") != null;
        boolean topic = s.meta("topicName") != null;
        if (queue && topic) {
            s.add(Kind.CONFLICT, "topicName", fails(s, "both topic and queue name metadata provided", "keep one"));
        } else if (topic && s.meta("subscriptionName") == null) {
            s.add(Kind.MISSING, "topicName", fails(s, "no subscription name provided with topic name",
                    "set `subscriptionName`"));
        } else if (!queue && !topic) {
            s.add(Kind.MISSING, "queueName", fails(s, "no service bus name provided", "set `queueName`, or"
                    + " `topicName` and `subscriptionName`"));
        }
        if (s.absent("connection") && s.auth.podIdentityKnown()) {
            if ("azure-workload".equals(s.auth.podIdentity())) {
                if (s.meta("namespace") == null) {
                    s.add(Kind.MISSING, "namespace", fails(s, "namespace are required when using pod identity",
                            "set `namespace` to the Service Bus namespace"));
                }
            } else {
                s.add(Kind.MISSING, "connection", fails(s, "no connection setting given", "provide `connection`"
                        + " through a TriggerAuthentication or `connectionFromEnv`, or use azure-workload identity"));
            }
        }
    }

    static void azureQueue(TriggerScope s) {
        if (!s.absent("connection") || !s.auth.podIdentityKnown()) {
            return;
        }
        if ("azure-workload".equals(s.auth.podIdentity())) {
            if (s.meta("accountName") == null) {
                s.add(Kind.MISSING, "accountName", fails(s, "no accountName given", "set `accountName`"));
            }
        } else {
            s.add(Kind.MISSING, "connection", fails(s, "no connection setting given", "provide `connection` through a"
                    + " TriggerAuthentication or `connectionFromEnv`, or use azure-workload identity"));
        }
    }

    // ---- gcp-pubsub ([K] pkg/scalers/gcp_pubsub_scaler.go)

    static void pubsub(TriggerScope s) {
        boolean subscription = s.maybe("subscriptionName");
        boolean topic = s.maybe("topicName");
        if (subscription == topic) {
            s.add(subscription ? Kind.CONFLICT : Kind.MISSING, subscription ? "topicName" : "subscriptionName",
                    fails(s, "exactly one of subscription or topic name must be given",
                            "set `subscriptionName` or `topicName`, not both"));
        }
    }

    // ---- SQL ([K] pkg/scalers/postgresql_scaler.go, mysql_scaler.go)

    static void postgresql(TriggerScope s) {
        if (s.meta("targetQueryValue") == null && !s.usesModifiers()) {
            s.add(Kind.MISSING, "targetQueryValue", fails(s, "no targetQueryValue given", "set `targetQueryValue`"));
        }
        if (s.absent("connection")) {
            for (String p : List.of("host", "port", "userName", "dbName", "sslmode")) {
                if (s.absent(p)) {
                    s.add(Kind.MISSING, p, fails(s, "no " + p + " given", "set `" + p + "`, or provide `connection`"));
                    return;
                }
            }
        }
    }

    static void mysql(TriggerScope s) {
        if (s.absent("connectionString")) {
            for (String p : List.of("host", "port", "username", "dbName", "password")) {
                if (s.absent(p)) {
                    s.add(Kind.MISSING, p, fails(s, "no " + p + " given",
                            "set `" + p + "`, or provide `connectionString`"));
                    return;
                }
            }
        }
    }

    // ---- others

    static void nats(TriggerScope s) {
        if (s.absent("account") && s.absent("accountID")) {
            s.add(Kind.MISSING, "account", fails(s, "no account name or id given", "set `account` or `accountID`"));
        }
    }

    static void metricsApi(TriggerScope s) {
        if (s.meta("targetValue") == null && !s.usesModifiers()) {
            s.add(Kind.MISSING, "targetValue", fails(s, "no targetValue given in metadata", "set `targetValue`"));
        }
    }

    static void kubernetesWorkload(TriggerScope s) {
        if (s.meta("value") == null) {
            s.add(Kind.MISSING, "value", fails(s, "value must be a float greater than 0", "set `value`"));
        }
    }

    static void cloudwatch(TriggerScope s) {
        if (s.meta("expression") != null) {
            return;
        }
        for (String p : List.of("namespace", "metricName", "dimensionName", "dimensionValue")) {
            if (s.meta(p) == null) {
                s.add(Kind.MISSING, p, fails(s, p + " not given", "set `" + p + "`, or write an `expression`"));
                return;
            }
        }
        if (s.meta("dimensionName").split(";").length != s.meta("dimensionValue").split(";").length) {
            s.add(Kind.INVALID, "dimensionValue", fails(s, "dimensionName and dimensionValue are not matching in size",
                    "give one value per dimension name, separated by `;`"));
        }
    }
}
