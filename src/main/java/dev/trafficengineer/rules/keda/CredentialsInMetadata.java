package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A password, token, key or connection string written in trigger metadata. */
public final class CredentialsInMetadata implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/credentials-in-metadata", Severity.ERROR)
            .summary("A trigger's metadata holds a credential in clear text")
            .rationale("""
                    ScaledObjects and ScaledJobs are not Secrets: anyone who can read them, their Git history or \
                    `kubectl get -o yaml` output can read a password, token, key or connection string written in \
                    `metadata`, including one embedded in a URL (`amqp://user:password@host`). Several scalers also \
                    ignore credentials in metadata and read them only from a TriggerAuthentication. This finding \
                    never repeats the value.""")
            .example("""
                    triggers:
                      - type: rabbitmq
                        metadata:
                          host: amqp://guest:s3cret@rabbitmq:5672/   # a password in clear text""")
            .remedy("""
                    Put the credential in a Secret, reference it from a TriggerAuthentication \
                    (`secretTargetRef: [{parameter: host, name: rabbitmq, key: url}]`) and point the trigger's \
                    `authenticationRef` at it; or read it from the target's environment with `<name>FromEnv`.""")
            .source("""
                    [D] concepts/authentication.md; [K] pkg/scalers/*_scaler.go (parameter sources); \
                    research/keda.md §14.""")
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
            for (Map.Entry<String, String> e : t.metadata().entrySet()) {
                if (Credentials.holdsCredential(e.getKey(), e.getValue())) {
                    out.add(o.finding(INFO, t.metadataAt(e.getKey()), true, "The " + t.label() + " holds a credential"
                            + " in clear text in `" + e.getKey() + "`; move it to a Secret referenced from a"
                            + " TriggerAuthentication (`authenticationRef`) and rotate it.", null));
                }
            }
        }
        return out;
    }
}
