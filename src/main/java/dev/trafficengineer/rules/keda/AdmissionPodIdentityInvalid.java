package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** KEDA's TriggerAuthentication webhook: consistency of azure-workload and aws pod identities. */
public final class AdmissionPodIdentityInvalid implements Rule {

    static final JsonPointer POD_IDENTITY = JsonPointer.of("spec", "podIdentity");

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-pod-identity-invalid", Severity.ERROR)
            .summary("A TriggerAuthentication's pod identity settings contradict each other")
            .rationale("""
                    KEDA's webhook for TriggerAuthentication and ClusterTriggerAuthentication rejects an \
                    azure-workload identity with an empty `identityId` or `identityTenantId`, or an \
                    `identityAuthorityHost` without a tenant, and an aws identity whose `roleArn` is set while the \
                    workload owns the identity (`identityOwner: workload`) or whose `externalID` has no `roleArn`.""")
            .example("""
                    spec:
                      podIdentity:
                        provider: aws
                        identityOwner: workload
                        roleArn: arn:aws:iam::123456789012:role/keda   # not allowed with identityOwner: workload""")
            .remedy("""
                    Remove the empty fields; for aws either let KEDA own the identity and set `roleArn`, or use \
                    `identityOwner: workload` without `roleArn`.""")
            .source("[K] apis/keda/v1alpha1/triggerauthentication_webhook.go (validateSpec); research/keda.md §5.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAuthView.isTriggerAuth(o) && o.at(POD_IDENTITY).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        JsonNode p = o.at(POD_IDENTITY);
        String provider = p.path("provider").asText("");
        if (provider.equals("azure-workload")) {
            if (emptyString(p, "identityId")) {
                return reject(o, "identityId", "identityId of PodIdentity should not be empty. If it's set,"
                        + " identityId has to be different than \"\"", "remove `identityId` or set it");
            }
            if (!p.path("identityAuthorityHost").asText("").isEmpty()) {
                if (p.path("identityTenantId").asText("").isEmpty()) {
                    return reject(o, "identityAuthorityHost", "identityTenantID of PodIdentity should not be nil or"
                            + " empty when identityAuthorityHost of PodIdentity is set", "set `identityTenantId`");
                }
            } else if (emptyString(p, "identityTenantId")) {
                return reject(o, "identityTenantId", "identityTenantId of PodIdentity should not be empty. If it's"
                        + " set, identityTenantId has to be different than \"\"",
                        "remove `identityTenantId` or set it");
            }
        } else if (provider.equals("aws")) {
            boolean roleArn = !p.path("roleArn").asText("").isEmpty();
            if (roleArn && p.path("identityOwner").asText("").equals("workload")) {
                return reject(o, "roleArn", "roleArn of PodIdentity can't be set if KEDA isn't identityOwner",
                        "remove `roleArn`, or drop `identityOwner: workload`");
            }
            if (!p.path("externalID").asText("").isEmpty() && !roleArn) {
                return reject(o, "externalID", "externalID of PodIdentity requires roleArn to be set",
                        "set `roleArn` or remove `externalID`");
            }
        }
        return List.of();
    }

    private static boolean emptyString(JsonNode p, String field) {
        return p.path(field).isTextual() && p.path(field).asText().isEmpty();
    }

    private List<Finding> reject(KubeObject o, String field, String error, String remedy) {
        return List.of(o.finding(INFO, POD_IDENTITY.child(field), true, "KEDA's webhook rejects this " + o.kind()
                + ": `" + error + "`; " + remedy + ".", null));
    }
}
