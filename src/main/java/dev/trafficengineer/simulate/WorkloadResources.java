package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.kube.Quantity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The CPU and memory model of the scaled pods: requests from the workload's containers (the Deployment or
 * StatefulSet the autoscaler targets, when the manifests hold it; defaults otherwise), and usage that grows with the
 * work served. Resource metrics divide that usage by the request, as the HPA does.
 */
final class WorkloadResources {

    private static final List<String> RESOURCES = List.of("cpu", "memory");
    private static final double MIB = 1024 * 1024;

    /** The resource models by name, and a note for each resource a metric reads. */
    record Result(Map<String, PodModel.ResourceModel> resources, List<String> notes) {
    }

    private record Container(String name, int index, Map<String, Quantity> requests) {
    }

    private WorkloadResources() {
    }

    /**
     * @param workload the targeted workload, or null when the manifests do not hold it
     * @param targetName how to name the target in notes, e.g. {@code Deployment/web}
     * @param metrics the metrics of the HPA that scales it (KEDA's generated one for a ScaledObject)
     */
    static Result build(KubeObject workload, String targetName, List<MetricSpec> metrics, ScenarioOptions options,
            String unit) {
        List<Container> containers = workload == null ? List.of() : containers(workload);
        Map<String, PodModel.ResourceModel> models = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String resource : RESOURCES) {
            List<MetricSpec> readers = metrics.stream()
                    .filter(m -> (m.source() == MetricSourceType.RESOURCE
                            || m.source() == MetricSourceType.CONTAINER_RESOURCE) && resource.equals(m.name()))
                    .toList();
            // the controller reads averageValue first; only a utilization target divides by the request
            boolean needsRequest = readers.stream().anyMatch(m -> m.target().averageValue() == null);
            String container = readers.stream().map(MetricSpec::container).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            Quantity request = null;
            String origin;
            if (workload == null) {
                origin = "the default; " + targetName + " is not in the files";
            } else if (container != null) {
                Container c = containers.stream().filter(x -> x.name().equals(container)).findFirst()
                        .orElseThrow(() -> ManifestScenario.at(workload, JsonPointer.parse(
                                "spec.template.spec.containers"), workload.kind() + "/" + workload.name()
                                + " has no container `" + container + "`, which the " + resource + " metric reads;"
                                + " fix the containerName or the workload"));
                request = c.requests().get(resource);
                if (request == null && needsRequest) {
                    throw missingRequest(workload, c, resource, "FailedGetContainerResourceMetric");
                }
                origin = "container " + container + " of " + workload.kind() + "/" + workload.name();
            } else {
                for (Container c : containers) {
                    if (c.requests().get(resource) == null) {
                        if (needsRequest) {
                            throw missingRequest(workload, c, resource, "FailedGetResourceMetric");
                        }
                        request = null;
                        break;
                    }
                    request = request == null ? c.requests().get(resource)
                            : Quantity.of(request.value().add(c.requests().get(resource).value()));
                }
                origin = workload.kind() + "/" + workload.name() + (containers.size() == 1 ? ""
                        : ", " + containers.size() + " containers");
            }
            if (request == null) {
                request = Quantity.valueOf(resource.equals("cpu") ? ScenarioOptions.DEFAULT_CPU_REQUEST
                        : ScenarioOptions.DEFAULT_MEMORY_REQUEST);
                if (workload != null) {
                    origin = "the default; " + workload.kind() + "/" + workload.name() + " sets none";
                }
            }
            PodModel.ResourceModel model = model(resource, request, options);
            models.put(resource, model);
            if (!readers.isEmpty()) {
                notes.add(resource + ": each pod requests " + display(resource, request) + " (" + origin + ") and"
                        + " uses " + display(resource, model.idle()) + " idle + " + display(resource,
                                model.perUnit()) + " per " + unit + "/s" + derivation(resource, options, unit));
            }
        }
        return new Result(models, notes);
    }

    private static SimulationInputException missingRequest(KubeObject workload, Container c, String resource,
            String reason) {
        return ManifestScenario.at(workload, JsonPointer.parse("spec.template.spec.containers[" + c.index() + "]"),
                "container `" + c.name() + "` of " + workload.kind() + "/" + workload.name() + " sets no "
                        + resource + " request, so the HPA cannot compute " + resource + " utilization (" + reason
                        + "); set resources.requests." + resource + " on it");
    }

    private static PodModel.ResourceModel model(String resource, Quantity request, ScenarioOptions options) {
        boolean cpu = resource.equals("cpu");
        BigDecimal r = request.value();
        BigDecimal idleShare = BigDecimal.valueOf(cpu ? ScenarioOptions.CPU_IDLE_SHARE
                : ScenarioOptions.MEMORY_IDLE_SHARE);
        BigDecimal idle = r.multiply(idleShare);
        Quantity perUnit = cpu && options.cpuPerUnit() != null ? options.cpuPerUnit()
                : Quantity.of(r.subtract(idle).divide(BigDecimal.valueOf(options.capacity()), MathContext.DECIMAL64));
        return new PodModel.ResourceModel(request, Quantity.of(idle), perUnit);
    }

    private static String derivation(String resource, ScenarioOptions options, String unit) {
        if (resource.equals("cpu") && options.cpuPerUnit() != null) {
            return " (CPU per request as given)";
        }
        return ", so a pod serving its " + Format.number(options.capacity()) + " " + unit + "/s uses its whole"
                + " request";
    }

    static String display(String resource, Quantity q) {
        double v = q.value().doubleValue();
        if (resource.equals("cpu")) {
            return Format.number(v * 1000) + "m";
        }
        return Format.number(v / MIB) + "Mi";
    }

    private static List<Container> containers(KubeObject workload) {
        List<Container> out = new ArrayList<>();
        JsonNode list = workload.tree().path("spec").path("template").path("spec").path("containers");
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            Map<String, Quantity> requests = new LinkedHashMap<>();
            JsonNode req = c.path("resources").path("requests");
            for (String resource : RESOURCES) {
                JsonNode q = req.get(resource);
                if (q == null || q.isNull()) {
                    continue;
                }
                String path = "spec.template.spec.containers[" + i + "].resources.requests." + resource;
                try {
                    requests.put(resource, JsonInput.quantity(q, path));
                } catch (SimulationInputException e) {
                    throw ManifestScenario.at(workload, JsonPointer.parse(path), e.getMessage());
                }
            }
            out.add(new Container(c.path("name").asText(""), i, requests));
        }
        return out;
    }
}
