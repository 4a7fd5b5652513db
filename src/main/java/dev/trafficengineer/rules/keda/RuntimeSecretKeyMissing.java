package dev.trafficengineer.rules.keda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A secretTargetRef or configMapTargetRef key that the reviewed Secret or ConfigMap does not have. */
public final class RuntimeSecretKeyMissing implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("keda/runtime-secret-key-missing", Severity.ERROR)
            .summary("A TriggerAuthentication reads a key its Secret or ConfigMap does not have")
            .rationale("""
                    KEDA resolves each `secretTargetRef` and `configMapTargetRef` when it builds a scaler; a missing \
                    key only logs and yields an empty value, which the scaler then treats as a missing parameter (no \
                    password given, no connection setting given) or, worse, as no authentication at all. The check \
                    runs when the Secret or ConfigMap is reviewed in the TriggerAuthentication's namespace; it reads \
                    key names only, never values.""")
            .example("""
                    secretTargetRef:
                      - parameter: password
                        name: kafka-credentials
                        key: pasword          # the Secret has key password""")
            .remedy("Reference a key the Secret or ConfigMap has, or add the key to it.")
            .source("[K] pkg/scaling/resolver/scale_resolvers.go (resolveAuthSecret); research/keda.md §14.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        // a ClusterTriggerAuthentication reads from KEDA's own namespace, which a review does not know
        return TriggerAuthView.isTriggerAuth(o) && o.kind().equals("TriggerAuthentication");
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        TriggerAuthView ta = TriggerAuthView.of(o);
        List<Finding> out = new ArrayList<>();
        check(o, ctx, ta.secretRefs(), "Secret", List.of("data", "stringData"), out);
        check(o, ctx, ta.configMapRefs(), "ConfigMap", List.of("data", "binaryData"), out);
        return out;
    }

    private void check(KubeObject o, RuleContext ctx, List<TriggerAuthView.TargetRefEntry> refs, String kind,
            List<String> fields, List<Finding> out) {
        for (TriggerAuthView.TargetRefEntry ref : refs) {
            Optional<KubeObject> source = ctx.index().find(kind, o.namespace(), ref.name());
            if (source.isEmpty() || ref.key().isEmpty()) {
                continue;
            }
            Set<String> keys = keys(source.get(), fields);
            if (!keys.contains(ref.key())) {
                out.add(o.finding(INFO, ref.at().child("key"), false, kind + " `" + ref.name() + "` has no key `"
                        + ref.key() + "`, so KEDA resolves `" + ref.parameter() + "` to an empty value; use one of "
                        + (keys.isEmpty() ? "its keys (it has none)" : TriggerAnalysis.backticked(List.copyOf(keys)))
                        + ".", null));
            }
        }
    }

    /** The key names of a Secret or ConfigMap; values are never read. */
    private static Set<String> keys(KubeObject source, List<String> fields) {
        Set<String> keys = new HashSet<>();
        for (String field : fields) {
            JsonNode map = source.tree().path(field);
            map.fieldNames().forEachRemaining(keys::add);
        }
        return new java.util.TreeSet<>(keys);
    }
}
