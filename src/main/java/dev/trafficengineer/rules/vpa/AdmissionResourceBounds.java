package dev.trafficengineer.rules.vpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** VPA admission: maxAllowed below minAllowed, and CPU or memory bounds finer than the API can apply. */
public final class AdmissionResourceBounds implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("vpa/admission-max-below-min", Severity.ERROR)
            .summary("A VPA container policy's maxAllowed is below its minAllowed")
            .rationale("""
                    Recommendations are capped into [minAllowed, maxAllowed] per resource; a maximum below the \
                    minimum has no valid value, so the admission controller rejects it: `...maxAllowed[cpu]: Invalid \
                    value: "10m": max resource for cpu is lower than min of "100m"`. It is often a unit slip \
                    (`512M` against `1Gi`, `100` cores against `100m`).""")
            .example("""
                    containerPolicies:
                      - containerName: app
                        minAllowed: {cpu: 500m}
                        maxAllowed: {cpu: 200m}""")
            .remedy("Make each maxAllowed at least its minAllowed, checking the units.")
            .source("""
                    [A] pkg/admission-controller/resource/vpa/validation.go (validateVPASpecResourcePolicy); \
                    research/vpa.md §4.""")
            .build();

    private static final RuleInfo PRECISION = RuleInfo.builder("vpa/admission-quantity-precision", Severity.ERROR)
            .summary("A VPA bound is finer than a millicore of CPU or a byte of memory")
            .rationale("""
                    Requests are set in whole millicores and whole bytes, so the admission controller rejects CPU \
                    bounds such as `0.0001` (`must be a whole number of milli CPUs`) and memory bounds such as \
                    `100m`, which means 0.1 byte (`must be a whole number of bytes`); the latter is usually `100M` \
                    or `100Mi` mistyped.""")
            .example("""
                    minAllowed:
                      memory: 100m     # 0.1 byte; meant 100Mi""")
            .remedy("Write CPU in millicores (`250m`) and memory in bytes with a binary suffix (`256Mi`).")
            .source("""
                    [A] pkg/admission-controller/resource/vpa/validation.go (validateCPUResolution, \
                    validateMemoryResolution); research/vpa.md §4.""")
            .build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(PRECISION);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return VpaView.isVpa(o) && o.at(VpaView.POLICIES).isArray();
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (VpaView.ContainerPolicy p : VpaView.of(o).policies()) {
            JsonNode min = p.node().path("minAllowed");
            JsonNode max = p.node().path("maxAllowed");
            precision(o, p.at().child("minAllowed"), min, out);
            precision(o, p.at().child("maxAllowed"), max, out);
            for (Map.Entry<String, JsonNode> e : min.properties()) {
                String loText = text(e.getValue());
                String hiText = text(max.path(e.getKey()));
                Optional<Quantity> lo = Quantity.tryParse(loText);
                Optional<Quantity> hi = Quantity.tryParse(hiText);
                if (lo.isPresent() && hi.isPresent() && hi.get().compareTo(lo.get()) < 0) {
                    JsonPointer at = p.at().child("maxAllowed").child(e.getKey());
                    out.add(o.finding(INFO, at, false, "The VPA admission controller rejects this: `"
                            + p.at().child("maxAllowed").fieldPath() + "[" + e.getKey() + "]: Invalid value: \""
                            + hiText + "\": max resource for " + e.getKey() + " is lower than min of \""
                            + loText + "\"`; raise maxAllowed or lower minAllowed.", null));
                }
            }
        }
        return out;
    }

    private static void precision(KubeObject o, JsonPointer at, JsonNode bounds, List<Finding> out) {
        for (String resource : List.of("cpu", "memory")) {
            String text = text(bounds.path(resource));
            Optional<Quantity> q = Quantity.tryParse(text);
            if (q.isEmpty()) {
                continue;
            }
            boolean cpu = resource.equals("cpu");
            if (cpu ? !q.get().isWholeMilli() : !q.get().isWhole()) {
                out.add(o.finding(PRECISION, at.child(resource), false, "The VPA admission controller rejects this: `"
                        + at.fieldPath() + "[" + resource + "]: Invalid value: \"" + text + "\": must be a"
                        + " whole number of " + (cpu ? "milli CPUs" : "bytes") + "`; write "
                        + (cpu ? "CPU in millicores such as `250m`." : "memory in bytes such as `256Mi`."), null));
            }
        }
    }

    /** A bound as the JSON decoding reads it: without surrounding white space; null when it is not written. */
    private static String text(JsonNode bound) {
        String written = bound.asText(null);
        return written == null ? null : written.strip();
    }
}
