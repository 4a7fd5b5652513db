package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** cooldownPeriod and pollingInterval sanity for ScaledObjects that scale to zero or idle. */
public final class ScaleToZeroTiming implements Rule {

    /** Below this, every short lull drops the workload to zero. */
    static final int SHORT_COOLDOWN = 30;
    /** Above this, waking from zero waits noticeably for the next poll. */
    static final int LONG_POLLING = 60;

    private static final RuleInfo SHORT = RuleInfo.builder("keda/cooldown-period-short", Severity.WARNING)
            .summary("A ScaledObject scales to zero after a very short cooldownPeriod")
            .rationale("""
                    `cooldownPeriod` is how long every trigger must stay inactive before KEDA scales the workload to \
                    zero (or to `idleReplicaCount`); the default is 300 s. A few seconds turns every lull between \
                    bursts into a scale to zero and the next event into a cold start, and it flaps the replica \
                    count that other tools (PDBs, dashboards) see.""")
            .example("""
                    spec:
                      minReplicaCount: 0
                      cooldownPeriod: 5""")
            .remedy("Use a cooldown longer than the usual gap between bursts, e.g. 300 s (the default).")
            .source("[D] reference/scaledobject-spec.md (cooldownPeriod); research/keda.md §10.")
            .build();

    private static final RuleInfo LONG = RuleInfo.builder("keda/polling-interval-long", Severity.INFO)
            .summary("A ScaledObject that scales to zero polls its triggers rarely")
            .rationale("""
                    While the workload is at zero only KEDA's own polling can wake it, every `pollingInterval` \
                    seconds (default 30). A long interval delays the first replica by up to that long on top of \
                    the pod's start.""")
            .example("""
                    spec:
                      minReplicaCount: 0
                      pollingInterval: 300""")
            .remedy("Poll more often (15-30 s) unless the source is expensive to query or latency does not matter.")
            .source("[D] reference/scaledobject-spec.md (pollingInterval); research/keda.md §10.")
            .build();

    @Override
    public RuleInfo info() {
        return SHORT;
    }

    @Override
    public List<RuleInfo> alsoReports() {
        return List.of(LONG);
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return ScaledObjectView.isScaledObject(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        ScaledObjectView so = ScaledObjectView.of(o);
        boolean sleeps = (so.scalesToZero() && !so.onlyCpuMemory()) || so.idleReplicaCount() != null;
        if (!sleeps) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Integer cooldown = so.cooldownPeriod();
        if (cooldown != null && cooldown < SHORT_COOLDOWN) {
            out.add(o.finding(SHORT, ScaledObjectView.COOLDOWN, false, "`cooldownPeriod: " + cooldown + "` scales the"
                    + " workload down after only " + cooldown + " s without events, so each lull ends in a cold"
                    + " start; use a cooldown longer than the gaps between bursts (default 300).", null));
        }
        Integer polling = so.pollingInterval();
        if (polling != null && polling > LONG_POLLING) {
            out.add(o.finding(LONG, ScaledObjectView.POLLING, false, "`pollingInterval: " + polling + "` lets the"
                    + " first event wait up to " + polling + " s before KEDA wakes the workload; poll every 15-30 s"
                    + " unless that latency does not matter.", null));
        }
        return out;
    }
}
