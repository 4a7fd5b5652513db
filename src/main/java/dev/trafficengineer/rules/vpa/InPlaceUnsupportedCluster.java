package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.List;

/** In-place update modes on a cluster older than Kubernetes 1.33. */
public final class InPlaceUnsupportedCluster implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/in-place-unsupported-cluster", Severity.WARNING)
            .summary("A VPA resizes pods in place on a cluster that cannot")
            .rationale("""
                    `InPlaceOrRecreate` and `InPlace` resize running pods through the pod resize API, which needs \
                    Kubernetes 1.33 or later (InPlacePodVerticalScaling). On an older cluster \
                    `InPlaceOrRecreate` silently falls back to evicting pods, and `InPlace` never applies a \
                    recommendation. The cluster version follows `--kubernetes-version`.""")
            .example("""
                    updatePolicy:
                      updateMode: InPlaceOrRecreate     # on Kubernetes 1.31""")
            .remedy("Upgrade to Kubernetes 1.33 or later, or say what happens with `updateMode: Recreate`.")
            .source("[A] docs/features.md (in-place updates); research/vpa.md §2.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        if (!VpaView.isVpa(o)) {
            return false;
        }
        String mode = VpaView.of(o).effectiveMode();
        return mode.equals("InPlaceOrRecreate") || mode.equals("InPlace");
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        var v = ctx.options().kubernetesVersion();
        if (v.atLeast(1, 33)) {
            return List.of();
        }
        String mode = VpaView.of(o).effectiveMode();
        String effect = mode.equals("InPlace") ? "the VPA never applies a recommendation"
                : "the VPA falls back to evicting pods";
        return List.of(o.finding(INFO, VpaView.UPDATE_MODE, false, "`updateMode: " + mode + "` needs in-place pod"
                + " resize (Kubernetes 1.33 or later), but the cluster is " + v + ", so " + effect + "; upgrade, or"
                + " use `Recreate`.", null));
    }
}
