package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** A trigger parameter has a value its scaler cannot use. */
public final class RuntimeInvalidParameter implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-invalid-parameter", Severity.ERROR)
            .summary("A trigger parameter has a value its scaler cannot use")
            .rationale("""
                    KEDA parses metadata only when it builds the scaler: numbers through Go's JSON decoder \
                    (so `0.5` works for a float but not for an integer), booleans through strconv.ParseBool, \
                    enums exactly as spelled (`scram_sha512`, not `SCRAM-SHA-512`). A bad value passes \
                    admission and then fails the scaler build, or fails every poll (an unknown cron timezone, \
                    a Prometheus `serverAddress` that ends in `/api/v1`).""")
            .example("""
                    triggers:
                      - type: kafka
                        metadata:
                          sasl: SCRAM-SHA-512        # KEDA expects scram_sha512
                          tls: "true"               # KEDA expects enable""")
            .remedy("""
                    Write the value the message asks for. When only the spelling of an enum value is off, the \
                    fix writes the exact value KEDA expects.""")
            .source("""
                    [K] pkg/scalers/scalersconfig/typed_config.go; pkg/scalers/prometheus_scaler.go, \
                    kafka_scaler.go, apache_kafka_scaler.go, cron_scaler.go, rabbitmq_scaler.go, \
                    cpu_memory_scaler.go; robfig/cron v3 parser.go; research/keda.md §7-§8.""")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAnalysis.appliesTo(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        return TriggerAnalysis.of(o, ctx, Problem.Kind.INVALID).stream()
                .map(p -> o.finding(INFO, p.at(), false, p.message(), p.fix()))
                .toList();
    }
}
