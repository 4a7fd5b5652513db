package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/** A credential written into a TriggerAuthentication itself, or read from a ConfigMap. */
public final class CredentialsInTriggerAuthentication implements Rule {

    private static final JsonPointer VAULT_TOKEN = JsonPointer.of("spec", "hashiCorpVault", "credential", "token");

    private static final RuleInfo INFO = RuleInfo.builder("keda/credentials-in-trigger-authentication",
                    Severity.ERROR)
            .summary("A TriggerAuthentication holds a credential in clear text")
            .rationale("""
                    A TriggerAuthentication should point at where credentials live, not contain them. \
                    `hashiCorpVault.credential.token` is a literal Vault token in the object, and a \
                    `configMapTargetRef` for a password, token or key reads it from a ConfigMap, which Kubernetes \
                    stores and shows in clear text. This finding never repeats the value.""")
            .example("""
                    spec:
                      configMapTargetRef:
                        - parameter: password
                          name: app-config
                          key: db-password""")
            .remedy("""
                    Keep credentials in Secrets and read them with `secretTargetRef`, or in an external store \
                    (Vault with Kubernetes authentication, a cloud secret manager, pod identity).""")
            .source("""
                    [K] apis/keda/v1alpha1/triggerauthentication_types.go (HashiCorpVault.Credential, \
                    configMapTargetRef); [D] concepts/authentication.md.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAuthView.isTriggerAuth(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        JsonNode token = o.at(VAULT_TOKEN);
        if (token.isTextual() && !token.asText().isBlank()) {
            out.add(o.finding(INFO, VAULT_TOKEN, true, "This " + o.kind() + " holds a Vault token in clear text in"
                    + " `hashiCorpVault.credential.token`; use `authentication: kubernetes` with a role, or keep the"
                    + " token in a Secret, and rotate it.", null));
        }
        for (TriggerAuthView.TargetRefEntry ref : TriggerAuthView.of(o).configMapRefs()) {
            if (Credentials.isCredentialName(ref.parameter())) {
                out.add(o.finding(INFO, ref.at().child("parameter"), false, "The `" + ref.parameter() + "` parameter"
                        + " is read from ConfigMap `" + ref.name() + "`, which keeps it in clear text; store it in a"
                        + " Secret and use `secretTargetRef`.", null));
            }
        }
        return out;
    }
}
