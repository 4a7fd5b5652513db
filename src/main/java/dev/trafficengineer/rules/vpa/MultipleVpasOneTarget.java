package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.kube.ScaleTargetIndex;
import java.util.List;

/** Two VPAs on one workload: which one applies is undefined. */
public final class MultipleVpasOneTarget implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/multiple-vpas-one-target", Severity.WARNING)
            .summary("Two VPAs target the same workload")
            .rationale("""
                    When several VPAs match the same pods the VPA's behaviour is undefined: which recommendation \
                    the admission controller applies, and which VPA the updater acts for, can change between \
                    restarts. The admission controller does not reject it.""")
            .example("""
                    # VPAs web-vpa and web-memory both target Deployment web""")
            .remedy("Keep one VPA per workload and express per-container differences in its `containerPolicies`.")
            .source("[A] docs/known-limitations.md; research/vpa.md §4 and §7.")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        VpaView vpa = VpaView.of(o);
        for (KubeObject other : ScaleTargetIndex.vertical(ctx.index(), o.namespace(), vpa.targetName())) {
            if (other == o || !VpaView.isVpa(other)) {
                continue;
            }
            VpaView them = VpaView.of(other);
            if (them.targetKind().equals(vpa.targetKind()) && them.targetName().equals(vpa.targetName())
                    && !vpa.targetName().isEmpty()) {
                return List.of(o.finding(INFO, VpaView.TARGET.child("name"), false, "VPA `" + other.name()
                        + "` also targets " + vpa.targetKind() + " `" + vpa.targetName() + "`, and which one applies"
                        + " is undefined; keep one VPA per workload.", null));
            }
        }
        return List.of();
    }
}
