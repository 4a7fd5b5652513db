package dev.trafficengineer.rules.hpa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.RuleInfo;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.rules.Rule;
import dev.trafficengineer.rules.RuleContext;
import dev.trafficengineer.rules.workload.Container;
import dev.trafficengineer.rules.workload.PodTemplate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Scaling on memory, which most runtimes do not give back when load falls. */
public final class HpaMemoryUtilization implements Rule {

    private static final RuleInfo INFO = RuleInfo.builder("hpa/memory-utilization", Severity.INFO)
            .summary("Scaling on memory, which rarely falls when load does")
            .rationale("""
                    A memory target scales down only when memory per pod falls. Most runtimes keep what they once \
                    allocated: a JVM keeps its heap, Go and Node.js return memory to the OS slowly, caches grow to \
                    fit, and new pods inherit the same baseline. The HPA then scales up on a spike and stays near \
                    the peak, and since the controller takes the highest proposal across metrics, a memory metric \
                    next to a cpu one holds replicas up too. When a container of the target is recognisably a JVM \
                    (its image, `JAVA_OPTS`/`JAVA_TOOL_OPTIONS`, or `-Xmx` in its arguments) the message says so.""")
            .example("""
                    metrics:
                      - type: Resource
                        resource:
                          name: memory
                          target: {type: Utilization, averageUtilization: 70}""")
            .remedy("""
                    Scale on cpu or on a load metric (requests per second, queue length) instead; keep memory only \
                    for an application whose memory use tracks its load.""")
            .source("""
                    kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go (computeReplicasForMetrics \
                    takes the highest proposal); Kubernetes docs, "Horizontal Pod Autoscaling" (scaling on \
                    multiple metrics).""")
            .build();

    private static final Pattern JVM_IMAGE = Pattern.compile(
            "(?i)(java|jdk|jre|temurin|corretto|zulu|tomcat|jetty|wildfly|spring|quarkus|keycloak|elasticsearch"
                    + "|opensearch|kafka|zookeeper|jenkins|sonarqube)");

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
        HpaView hpa = HpaView.of(o).orElseThrow();
        Optional<MetricTarget> memory = hpa.metrics().stream()
                .filter(m -> m.isResource() && "memory".equals(m.name())).findFirst();
        if (memory.isEmpty()) {
            return List.of();
        }
        Optional<Container> jvm = Targets.workload(hpa, ctx.index()).flatMap(PodTemplate::of).stream()
                .flatMap(t -> t.counted().stream()).filter(HpaMemoryUtilization::isJvm).findFirst();
        String message = jvm.isPresent()
                ? "Container " + jvm.get().describe() + " runs a JVM, which keeps its heap after load drops, so"
                        + " memory per pod stays high and the HPA scales up but seldom back down; scale on cpu or a"
                        + " load metric instead."
                : "Memory per pod falls with load only if the application frees memory, which most runtimes (JVM, Go,"
                        + " Node.js) and caches do not, so the HPA tends to scale up and stay up; prefer cpu or a load"
                        + " metric unless this application's memory tracks its load.";
        return List.of(o.finding(INFO, memory.get().nameAt() != null ? memory.get().nameAt() : memory.get().at(),
                message));
    }

    private static boolean isJvm(Container c) {
        if (JVM_IMAGE.matcher(c.image()).find()) {
            return true;
        }
        for (JsonNode e : c.node().path("env")) {
            String name = e.path("name").asText("");
            if (name.equals("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("_JAVA_OPTIONS")
                    || name.equals("JVM_OPTS")) {
                return true;
            }
        }
        for (String field : List.of("command", "args")) {
            for (JsonNode a : c.node().path(field)) {
                if (a.asText("").contains("-Xmx")) {
                    return true;
                }
            }
        }
        return false;
    }
}
