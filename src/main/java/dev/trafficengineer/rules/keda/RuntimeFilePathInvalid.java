package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.List;

/** filePath auth works only on ClusterTriggerAuthentications and only with a relative path inside the root. */
public final class RuntimeFilePathInvalid implements Rule {

    private static final JsonPointer FILE_PATH = JsonPointer.of("spec", "filePath");

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-file-path-invalid", Severity.ERROR)
            .summary("A TriggerAuthentication's filePath cannot be resolved")
            .rationale("""
                    `filePath` reads auth parameters from a JSON file under the operator's \
                    `--filepath-auth-root-path`. KEDA resolves it only for ClusterTriggerAuthentications and only \
                    for a relative path without `..`; anything else passes admission and fails when a scaler \
                    resolves its parameters (`filePath is only supported for ClusterTriggerAuthentication`, \
                    `filePath must be relative and not contain '..'`).""")
            .example("""
                    kind: TriggerAuthentication
                    spec:
                      filePath: /etc/keda/creds.json""")
            .remedy("""
                    Use a ClusterTriggerAuthentication with a path relative to the auth root, or reference a Secret \
                    with `secretTargetRef`.""")
            .source("[K] pkg/scaling/resolver/scale_resolvers.go (filePath resolution); research/keda.md §14.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return TriggerAuthView.isTriggerAuth(o) && o.at(FILE_PATH).isTextual() && !o.at(FILE_PATH).asText().isEmpty();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        String path = o.at(FILE_PATH).asText();
        if (o.kind().equals("TriggerAuthentication")) {
            return List.of(o.finding(INFO, FILE_PATH, false, "Every scaler that uses this TriggerAuthentication fails"
                    + " to resolve it: `filePath is only supported for ClusterTriggerAuthentication, got kind:"
                    + " TriggerAuthentication`; use a ClusterTriggerAuthentication or a `secretTargetRef`.", null));
        }
        if (path.startsWith("/") || List.of(path.split("[/\\\\]")).contains("..")) {
            return List.of(o.finding(INFO, FILE_PATH, false, "Every scaler that uses this ClusterTriggerAuthentication"
                    + " fails to resolve it: `filePath must be relative and not contain '..'`; write a path relative"
                    + " to the operator's --filepath-auth-root-path.", null));
        }
        return List.of();
    }
}
