package dev.trafficengineer.rules.vpa;

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

/** updateMode Auto is deprecated and means Recreate. */
public final class AutoModeDeprecated implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/auto-mode-deprecated", Severity.WARNING)
            .summary("A VPA uses the deprecated updateMode Auto")
            .rationale("""
                    `Auto` is deprecated and today means exactly `Recreate`: pods are evicted to apply new requests. \
                    It will be removed in a future API version, and the name suggests in-place updates it does not \
                    do; newer admission controllers answer it with a deprecation warning \
                    (kubernetes/autoscaler#8424).""")
            .example("""
                    updatePolicy:
                      updateMode: Auto""")
            .remedy("""
                    Write `Recreate` (the fix does; the behaviour is unchanged), or choose `InPlaceOrRecreate` to \
                    resize pods in place where the cluster allows it.""")
            .source("[A] pkg/apis/autoscaling.k8s.io/v1/types.go (UpdateModeAuto); research/vpa.md §2.")
            .fix(FixAvailability.SAFE)
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && "Auto".equals(VpaView.of(o).updateMode());
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        Edit edit = Edits.replaceScalar(o, VpaView.UPDATE_MODE, "Recreate");
        return List.of(o.finding(INFO, VpaView.UPDATE_MODE, false, "`updateMode: Auto` is deprecated and means"
                + " `Recreate` (pods are evicted to apply new requests); write `Recreate`, or `InPlaceOrRecreate` to"
                + " resize in place.", edit == null ? null : Fix.safe("Write updateMode: Recreate", edit)));
    }
}
