package dev.trafficengineer.rules.keda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.RuleTester;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every error the KEDA and VPA rules report on the real-world manifests of ../shared/upstream/real-manifests/, each
 * file reviewed on its own, is one of the defects checked by hand below: no other error may appear. Runs wherever
 * the corpus is found next to the repository or a parent of it; skipped cleanly elsewhere.
 */
class RealManifestsKedaVpaTest {

    /** File name to the KEDA/VPA error rules that fire on it, each a real defect. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            // KEDA's own docs: a cpu (memory) trigger alone with minReplicaCount unset, which the webhook rejects
            Map.entry("kedacore_keda-docs__content_docs_2.21_scalers_cpu.md.block03.yaml",
                    List.of("keda/admission-cpu-memory-scale-to-zero")),
            Map.entry("kedacore_keda-docs__content_docs_2.21_scalers_memory.md.block03.yaml",
                    List.of("keda/admission-cpu-memory-scale-to-zero")),
            // SOURCES.md: the TriggerAuthentication is in namespace default, the ScaledObject in keda
            Map.entry("kedacore_keda-docs__content_docs_2.21_scalers_prometheus.md.block03.yaml",
                    List.of("keda/runtime-auth-ref-unresolved")),
            // KEDA's samples keep the placeholder trigger type example-trigger
            Map.entry("kedacore_keda__config_samples_keda_v1alpha1_scaledobject.yaml",
                    List.of("keda/runtime-unknown-trigger-type")),
            Map.entry("kedacore_keda__config_samples_keda_v1alpha1_scaledjob.yaml",
                    List.of("keda/runtime-unknown-trigger-type")),
            // podIdentity provider azure was removed (the CRD rejects the TriggerAuthentication), so the Service Bus
            // scaler has neither a connection nor a workload identity
            Map.entry("kedacore_sample-dotnet-worker-servicebus-queue__deploy_pod-identity_deploy-app-autoscaling.yaml",
                    List.of("keda/runtime-missing-parameter")),
            // gcp-pubsub subscriptionSize was removed in KEDA v2.20
            Map.entry("kedacore_sample-go-gcppubsub__manifests_scaledobject.yaml",
                    List.of("keda/runtime-removed-parameter")),
            // startupBoost needs the CPUStartupBoost gate, off by default in VPA 1.7
            Map.entry("kubernetes_autoscaler__vertical-pod-autoscaler_docs_features.md.block03.yaml",
                    List.of("vpa/admission-feature-gate-required")));

    private static Optional<Path> corpus() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/upstream/real-manifests");
            if (Files.isDirectory(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyKedaAndVpaErrorOnRealManifestsIsAKnownDefect() throws IOException {
        Optional<Path> corpus = corpus();
        assumeTrue(corpus.isPresent(), "no real-manifests corpus next to the repository");
        Map<String, List<String>> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus.get())) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String text = Files.readString(file);
            var loaded = new ManifestLoader("default").load(new SourceText(file.getFileName().toString(), text), false);
            if (!loaded.problems().isEmpty()) {
                continue;
            }
            TreeSet<String> ids = new TreeSet<>();
            for (Finding f : RuleTester.review(text).findings()) {
                boolean ours = f.ruleId().startsWith("keda/") || f.ruleId().startsWith("vpa/");
                if (ours && f.severity() == Severity.ERROR) {
                    ids.add(f.ruleId());
                }
            }
            if (!ids.isEmpty()) {
                found.put(file.getFileName().toString(), List.copyOf(ids));
            }
        }
        assertThat(found).isEqualTo(new TreeMap<>(EXPECTED));
    }
}
