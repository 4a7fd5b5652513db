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
import java.util.regex.Pattern;

/** KEDA's TriggerAuthentication webhook: oauth2 client-credentials settings. */
public final class AdmissionOauth2Invalid implements Rule {

    private static final JsonPointer OAUTH2 = JsonPointer.of("spec", "oauth2");
    /** scheme://host..., as Go's url.Parse reads an absolute http(s) URL with a host. */
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\s]+.*");

    private static final RuleInfo INFO = RuleInfo.builder("keda/admission-oauth2-invalid", Severity.ERROR)
            .summary("A TriggerAuthentication's oauth2 settings are incomplete")
            .rationale("""
                    KEDA's webhook checks `oauth2`: its `type` must be `clientCredentials`, `clientId` and \
                    `tokenUrl` must be non-empty, and `tokenUrl` must be an absolute http or https URL. The checks \
                    are skipped when the pod identity provider is gcp, aws-eks or none, a quirk of the webhook's \
                    code that this rule follows.""")
            .example("""
                    spec:
                      oauth2:
                        clientId: keda
                        tokenUrl: auth.example.com/token     # no scheme""")
            .remedy("Write `tokenUrl` as a full URL such as `https://auth.example.com/oauth/token` and set `clientId`.")
            .source("[K] apis/keda/v1alpha1/triggerauthentication_webhook.go (validateSpec); research/keda.md §5.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAuthView.isTriggerAuth(o) && o.at(OAUTH2).isObject();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        JsonNode pod = o.at(AdmissionPodIdentityInvalid.POD_IDENTITY);
        String provider = pod.path("provider").asText("");
        if (pod.isObject() && !provider.equals("azure-workload") && !provider.equals("aws")) {
            return List.of(); // validateSpec returns before the oauth2 checks for the other providers
        }
        JsonNode oauth = o.at(OAUTH2);
        String type = oauth.path("type").asText("clientCredentials");
        if (!type.equals("clientCredentials")) {
            return reject(o, "type", "oauth2.type must be 'clientCredentials', got '" + type + "'",
                    "use `clientCredentials`");
        }
        if (oauth.path("clientId").asText("").isEmpty()) {
            return reject(o, "clientId", "oauth2.clientId is required when oauth2 is configured", "set `clientId`");
        }
        String url = oauth.path("tokenUrl").asText("");
        if (url.isEmpty()) {
            return reject(o, "tokenUrl", "oauth2.tokenUrl is required when oauth2 is configured", "set `tokenUrl`");
        }
        if (!HTTP_URL.matcher(url).matches()) {
            return reject(o, "tokenUrl", "oauth2.tokenUrl must be a valid http or https URL",
                    "write a full URL such as `https://auth.example.com/oauth/token`");
        }
        return List.of();
    }

    private List<Finding> reject(KubeObject o, String field, String error, String remedy) {
        return List.of(o.finding(INFO, OAUTH2.child(field), false, "KEDA's webhook rejects this " + o.kind() + ": `"
                + error + "`; " + remedy + ".", null));
    }
}
