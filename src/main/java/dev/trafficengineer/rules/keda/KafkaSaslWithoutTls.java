package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** SASL PLAIN or OAUTHBEARER over a connection without TLS: the credentials cross the network in clear. */
public final class KafkaSaslWithoutTls implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/kafka-sasl-without-tls", Severity.WARNING)
            .summary("A Kafka trigger sends SASL credentials without TLS")
            .rationale("""
                    With `sasl: plaintext` the password, and with `sasl: oauthbearer` the bearer token, travel in \
                    every connection handshake; without `tls: enable` anyone on the network path can read them. \
                    (SCRAM does not send the password, Kerberos neither.) The check runs when both settings are \
                    known from the trigger's metadata and a reviewed TriggerAuthentication does not override them.""")
            .example("""
                    - type: kafka
                      metadata:
                        sasl: plaintext
                        tls: disable""")
            .remedy("Set `tls: enable` (with the broker's `ca` in the TriggerAuthentication if it is private), or use "
                    + "SCRAM.")
            .source("[K] pkg/scalers/kafka_scaler.go, apache_kafka_scaler.go; research/keda.md §15.")
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
        List<Finding> out = new ArrayList<>();
        for (Trigger t : Trigger.of(o)) {
            if (!t.type().equals("kafka") && !t.type().equals("apache-kafka")) {
                continue;
            }
            AuthLookup auth = AuthLookup.of(t, o.namespace(), ctx.index());
            String sasl = t.has("sasl") ? t.value("sasl") : null;
            if (!"plaintext".equals(sasl) && !"oauthbearer".equals(sasl)) {
                continue;
            }
            // metadata wins over the TriggerAuthentication for kafka; apache-kafka rejects both, reported elsewhere
            String tls = t.has("tls") ? t.value("tls") : auth.mayProvide("tls") ? null : "disable";
            if ("disable".equals(tls)) {
                out.add(o.finding(INFO, t.metadataAt("sasl"), false, "The " + t.label() + " uses `sasl: " + sasl
                        + "` without TLS, so its " + ("plaintext".equals(sasl) ? "password" : "bearer token")
                        + " crosses the network in clear; set `tls: enable`.", null));
            }
        }
        return out;
    }
}
