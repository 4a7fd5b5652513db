package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Value and AverageValue targets whose number cannot mean what was written: a unit or a scale is off. */
public final class HpaTargetValueUnits implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/target-value-units", Severity.WARNING)
            .summary("A target value whose unit or scale cannot be what was meant")
            .rationale("""
                    Target values are Kubernetes quantities: a bare number is whole units, `m` is thousandths, \
                    `Mi` mebibytes. Three slips are common and silent. A cpu `averageValue: 80` asks for 80 cores \
                    per pod (meant: `80m`, or a Utilization of 80%). A memory `averageValue: 512` is 512 bytes \
                    (meant: `512Mi`); no container runs in under a mebibyte, so the HPA pins itself at \
                    `maxReplicas`. A per-pod target below 1 on a per-second rate (`requests-per-second: 0.5`) asks \
                    for two pods per request each second, 200 pods at 100 requests per second.""")
            .example("""
                    resource:
                      name: cpu
                      target:
                        type: AverageValue
                        averageValue: "80"   # 80 cores per pod; 80m is 0.08 cores""")
            .remedy("""
                    Write the unit: `m` for millicores, `Mi`/`Gi` for memory; for a share of the request use \
                    `type: Utilization` with `averageUtilization`.""")
            .source("""
                    Kubernetes docs, "Resource Management for Pods and Containers" (cpu and memory units); \
                    apimachinery resource.Quantity; kubernetes/kubernetes replica_calculator.go \
                    (GetRawResourceReplicas, GetMetricReplicas use the value as written).""")
            .build();

    /** A number with no unit suffix at all. */
    private static final Pattern BARE = Pattern.compile("[+]?[0-9]+(\\.[0-9]*)?");
    /** Metric names that count something per second. */
    private static final Pattern RATE = Pattern.compile("(?i)(per[-_]?s(ec(ond)?)?\\b|per[-_]?s(ec(ond)?)?$|\\brps\\b|\\bqps\\b|_rps$|_qps$)");
    static final BigDecimal MANY_CORES = BigDecimal.TEN;
    static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024 * 1024);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public boolean appliesTo(KubeObject o) {
        return HpaView.isHpa(o);
    }

    @Override
    public List<Finding> check(KubeObject o, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (MetricTarget m : HpaView.of(o).orElseThrow().metrics()) {
            Optional<BigDecimal> avg = m.averageValueNumber();
            if (avg.isEmpty() || avg.get().signum() <= 0 || m.name() == null) {
                continue;
            }
            String written = "`averageValue: " + m.averageValue() + "`";
            String message = null;
            if (m.isResource() && m.name().equals("cpu") && BARE.matcher(m.averageValue()).matches()
                    && avg.get().compareTo(MANY_CORES) >= 0) {
                message = written + " asks for " + m.averageValue() + " cores of cpu per pod; for millicores write `"
                        + m.averageValue() + "m`, and for a share of the request use `type: Utilization` with"
                        + " `averageUtilization`.";
            } else if (m.isResource() && m.name().equals("memory") && avg.get().compareTo(MEBIBYTE) < 0) {
                message = written + " is " + avg.get().stripTrailingZeros().toPlainString() + " bytes of memory per"
                        + " pod, which every pod exceeds, so the HPA stays at `maxReplicas`; write the unit, e.g. `"
                        + m.averageValue() + "Mi`.";
            } else if (!m.isResource() && RATE.matcher(m.name()).find() && avg.get().compareTo(BigDecimal.ONE) < 0) {
                BigDecimal pods = BigDecimal.valueOf(100).divide(avg.get(), 0, java.math.RoundingMode.CEILING);
                message = written + " on " + m.describe() + " asks for one pod per " + m.averageValue()
                        + " per second, " + pods.toPlainString() + " pods at 100 per second; a pod that serves"
                        + " less than one per second is rare, so check the value and its unit.";
            }
            if (message != null) {
                out.add(o.finding(INFO, m.averageValueAt(), message));
            }
        }
        return out;
    }
}
