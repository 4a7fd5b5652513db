package dev.trafficengineer.rules.vpa;

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

/** VPA admission: fields behind alpha feature gates, which are off by default. */
public final class AdmissionFeatureGateRequired implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-feature-gate-required", Severity.ERROR)
            .summary("A VPA uses a field behind a feature gate that is off by default")
            .rationale("""
                    VPA 1.7 keeps three alpha features behind admission-controller feature gates, all off by \
                    default: `updateMode: InPlace` (gate `InPlace`), `startupBoost` (gate `CPUStartupBoost`), and the \
                    per-VPA settings `evictAfterOOMSeconds`, `oomBumpUpRatio`, `oomMinBumpUp` and the memory \
                    aggregation interval (gate `PerVPAConfig`). Without the gate the admission controller rejects the \
                    VPA with `Forbidden`. `InPlaceOrRecreate` needs no gate since VPA 1.7.""")
            .example("""
                    spec:
                      updatePolicy:
                        updateMode: InPlace""")
            .remedy("""
                    Enable the gate on the VPA admission controller and updater (`--feature-gates=InPlace=true`), \
                    or use a generally available setting such as `updateMode: InPlaceOrRecreate`.""")
            .source("""
                    [A] pkg/admission-controller/resource/vpa/validation.go, pkg/features/versioned_features.go; \
                    research/vpa.md §2-§4.""")
            .build();

    private static final List<String> PER_VPA = List.of("oomBumpUpRatio", "oomMinBumpUp",
            "memoryAggregationIntervalSeconds", "memoryAggregationIntervalCount");

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
        List<Finding> out = new ArrayList<>();
        if ("InPlace".equals(vpa.updateMode())) {
            out.add(forbidden(o, VpaView.UPDATE_MODE, false, "in order to use UpdateMode InPlace, you must enable"
                    + " feature gate InPlace in the admission-controller args", "InPlace"));
        }
        JsonPointer evict = VpaView.UPDATE_POLICY.child("evictAfterOOMSeconds");
        if (!o.at(evict).isMissingNode()) {
            out.add(forbidden(o, evict, true, "not supported when feature flag PerVPAConfig is disabled",
                    "PerVPAConfig"));
        }
        JsonPointer boost = VpaView.SPEC.child("startupBoost");
        if (o.at(boost).isObject()) {
            out.add(forbidden(o, boost, true, "in order to use startupBoost, you must enable feature gate"
                    + " CPUStartupBoost in the admission-controller args", "CPUStartupBoost"));
        }
        for (VpaView.ContainerPolicy p : vpa.policies()) {
            for (String field : PER_VPA) {
                if (!p.node().path(field).isMissingNode()) {
                    out.add(forbidden(o, p.at().child(field), true, "not supported when feature flag PerVPAConfig"
                            + " is disabled", "PerVPAConfig"));
                }
            }
            JsonNode containerBoost = p.node().path("startupBoost");
            if (containerBoost.isObject()) {
                out.add(forbidden(o, p.at().child("startupBoost"), true, "in order to use startupBoost, you must"
                        + " enable feature gate CPUStartupBoost in the admission-controller args", "CPUStartupBoost"));
            }
        }
        return out;
    }

    private Finding forbidden(KubeObject o, JsonPointer at, boolean atKey, String detail, String gate) {
        return o.finding(INFO, at, atKey, "The VPA admission controller rejects this unless feature gate `" + gate
                + "` is enabled: `" + at.fieldPath() + ": Forbidden: " + detail + "`; enable the gate or drop the"
                + " field.", null);
    }
}
