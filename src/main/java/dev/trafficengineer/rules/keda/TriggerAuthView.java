package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A read-only view of a TriggerAuthentication or ClusterTriggerAuthentication: which scaler parameters it can
 * provide and where they come from. It never holds a credential value.
 *
 * @param parameters   every {@code parameter} name its sources fill
 * @param opaque       true when a {@code filePath} is set: the file may provide any parameter
 * @param podIdentity  {@code podIdentity.provider}, or null
 */
record TriggerAuthView(KubeObject object, Set<String> parameters, boolean opaque, String podIdentity,
        List<TargetRefEntry> secretRefs, List<TargetRefEntry> configMapRefs) {

    static final JsonPointer SPEC = JsonPointer.of("spec");

    /** One {@code secretTargetRef} or {@code configMapTargetRef} entry: names only. */
    record TargetRefEntry(String parameter, String name, String key, JsonPointer at) {}

    static boolean isTriggerAuth(KubeObject o) {
        return o.apiVersion().equals("keda.sh/v1alpha1")
                && (o.kind().equals("TriggerAuthentication") || o.kind().equals("ClusterTriggerAuthentication"));
    }

    static TriggerAuthView of(KubeObject o) {
        JsonNode spec = o.tree().path("spec");
        Set<String> params = new LinkedHashSet<>();
        List<TargetRefEntry> secrets = refs(spec, "secretTargetRef", params);
        List<TargetRefEntry> configMaps = refs(spec, "configMapTargetRef", params);
        collect(spec.path("env"), params);
        collect(spec.path("hashiCorpVault").path("secrets"), params);
        collect(spec.path("azureKeyVault").path("secrets"), params);
        collect(spec.path("gcpSecretManager").path("secrets"), params);
        collect(spec.path("awsSecretManager").path("secrets"), params);
        collect(spec.path("boundServiceAccountToken"), params);
        if (spec.path("oauth2").isObject()) {
            // the resolver turns oauth2 into these auth params ([K] pkg/scaling/resolver/scale_resolvers.go)
            params.addAll(List.of("oauthTokenURI", "clientID", "clientSecret", "scopes", "endpointParams"));
        }
        JsonNode pod = spec.path("podIdentity");
        String provider = pod.path("provider").isTextual() ? pod.path("provider").asText() : null;
        if ("aws".equals(provider) && !pod.path("roleArn").asText("").isEmpty()) {
            params.add("awsRoleArn");
        }
        boolean opaque = spec.path("filePath").isTextual() && !spec.path("filePath").asText().isEmpty();
        return new TriggerAuthView(o, params, opaque, provider, secrets, configMaps);
    }

    private static List<TargetRefEntry> refs(JsonNode spec, String field, Set<String> params) {
        List<TargetRefEntry> out = new ArrayList<>();
        JsonNode list = spec.path(field);
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String parameter = e.path("parameter").asText("");
            if (!parameter.isEmpty()) {
                params.add(parameter);
            }
            out.add(new TargetRefEntry(parameter, e.path("name").asText(""), e.path("key").asText(""),
                    SPEC.child(field).child(i)));
        }
        return out;
    }

    private static void collect(JsonNode list, Set<String> params) {
        for (JsonNode e : list) {
            String parameter = e.path("parameter").asText("");
            if (!parameter.isEmpty()) {
                params.add(parameter);
            }
        }
    }

    /** Whether this authentication may fill the parameter. */
    boolean provides(String parameter) {
        return opaque || parameters.contains(parameter);
    }

    boolean cluster() {
        return object.kind().equals("ClusterTriggerAuthentication");
    }
}
