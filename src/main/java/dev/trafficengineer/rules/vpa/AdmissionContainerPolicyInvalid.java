package dev.trafficengineer.rules.vpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** VPA admission: container policies need a name, and mode Off excludes controlledValues RequestsAndLimits. */
public final class AdmissionContainerPolicyInvalid implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-container-policy-invalid", Severity.ERROR)
            .summary("A VPA container policy has no name, or sets controlledValues on a container it turns off")
            .rationale("""
                    The admission controller requires every `containerPolicies` entry to name its container (or \
                    `*`), and forbids `controlledValues: RequestsAndLimits` together with `mode: Off`: a container \
                    the VPA leaves alone has no values to control (`controlledValues shouldn't be specified if \
                    container scaling mode is off`).""")
            .example("""
                    resourcePolicy:
                      containerPolicies:
                        - containerName: istio-proxy
                          mode: "Off"
                          controlledValues: RequestsAndLimits""")
            .remedy("Name the container (or `*`); remove `controlledValues` from containers whose mode is `Off`.")
            .source("""
                    [A] pkg/admission-controller/resource/vpa/validation.go (validateVPASpecResourcePolicy); \
                    research/vpa.md §3-§4.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(VpaView.POLICIES).isArray();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (VpaView.ContainerPolicy p : VpaView.of(o).policies()) {
            if (p.containerName().isEmpty()) {
                out.add(o.finding(INFO, p.at(), true, "The VPA admission controller rejects this: `" + p.at().child(
                        "containerName").fieldPath() + ": Required value`; name the container, or use `*` for all.",
                        null));
            }
            if (p.off() && "RequestsAndLimits".equals(p.node().path("controlledValues").asText(""))) {
                out.add(o.finding(INFO, p.at().child("controlledValues"), true, "The VPA admission controller rejects"
                        + " this: `" + p.at().child("controlledValues").fieldPath() + ": Forbidden: controlledValues"
                        + " shouldn't be specified if container scaling mode is off`; remove `controlledValues`.",
                        null));
            }
        }
        return out;
    }
}
