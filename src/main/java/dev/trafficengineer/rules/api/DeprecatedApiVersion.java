package dev.trafficengineer.rules.api;

import dev.trafficengineer.finding.Edit;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.finding.FixAvailability;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.Edits;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** An apiVersion the target cluster still serves but has deprecated. */
public final class DeprecatedApiVersion implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("api/deprecated-version", Severity.WARNING)
            .summary("The apiVersion is deprecated and will be removed")
            .rationale("""
                    A deprecated version still works on the cluster named by `--kubernetes-version`, but the \
                    manifest breaks on the upgrade that removes it, usually when nobody is looking at autoscaling.""")
            .example("""
                    apiVersion: autoscaling/v2beta2   # deprecated in 1.23, removed in 1.26
                    kind: HorizontalPodAutoscaler""")
            .remedy("Move to the replacement version the message names before upgrading.")
            .source("Kubernetes deprecated API migration guide (kubernetes.io/docs/reference/using-api/deprecation-guide/).")
            .fix(FixAvailability.SOMETIMES)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ApiVersions.find(o.apiVersion(), o.kind()).isPresent();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ApiVersions.Entry e = ApiVersions.find(o.apiVersion(), o.kind()).orElseThrow();
        var v = ctx.options().kubernetesVersion();
        if (e.removedIn(v) || !e.deprecatedIn(v)) {
            return List.of();
        }
        String message = "`" + e.apiVersion() + "` is deprecated since Kubernetes " + e.deprecated()
                + " and removed in " + e.removed() + "; move to `" + e.replacement() + "` (" + e.note() + ").";
        Fix fix = null;
        if (e.renameOnly()) {
            Edit edit = Edits.replaceScalar(o, RemovedApiVersion.API_VERSION, e.replacement());
            if (edit != null) {
                fix = Fix.safe("Change apiVersion to " + e.replacement(), edit);
            }
        }
        return List.of(o.finding(INFO, RemovedApiVersion.API_VERSION, false, message, fix));
    }
}
