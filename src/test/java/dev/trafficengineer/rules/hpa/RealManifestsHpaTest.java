package dev.trafficengineer.rules.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.source.SourceText;
import dev.trafficengineer.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The error-level HPA findings on the real-world manifests of ../shared/upstream/real-manifests/, each checked by
 * hand against the file and the controller: any new one is either a real defect to add here, with why, or a false
 * error to fix. Skipped where the corpus is not next to the repository.
 */
class RealManifestsHpaTest {

    /** Next to the repository, or next to the folder of worktrees. */
    private static final Path CORPUS = java.util.stream.Stream.of("../shared", "../../shared")
            .map(s -> Golden.root().toAbsolutePath().resolve(s).resolve("upstream/real-manifests").normalize())
            .filter(Files::isDirectory).findFirst().orElse(Path.of("/nonexistent"));

    /** file:line rule — and why it is right. */
    private static final Set<String> KNOWN = Set.of(
            // a zookeeper container without cpu request under a cpu-utilization HPA (no LimitRange in the fixture)
            "FairwindsOps_polaris__test_checks_pdbMinAvailableGreaterThanHPAMinReplicas_failure-gt-scalar.yaml:43"
                    + " hpa/missing-request",
            // scaleTargetRef without apiVersion: group "" has no Deployment (the server rejects it from 1.34)
            "GoogleCloudPlatform_kubernetes-engine-samples__cost-optimization_gke-shift-left-cost_samples_"
                    + "k8s-cost-estimator-local_app-v1_deployment-with-hpa.yaml:22 hpa/target-api-group",
            // its nginx container requests no cpu
            "GoogleCloudPlatform_kubernetes-engine-samples__cost-optimization_gke-shift-left-cost_samples_"
                    + "k8s-cost-estimator-local_app-v1_deployment-with-hpa.yaml:31 hpa/missing-request",
            // SOURCES.md: the HPA module and the KEDA module both target Deployment ui in namespace ui
            "aws-samples_eks-workshop-v2__manifests_modules_autoscaling_workloads_hpa_hpa.yaml:12 hpa/keda-conflict",
            // SOURCES.md: podinfo's frontend HPA targets the backend Deployment, which the backend HPA scales
            "stefanprodan_podinfo__deploy_webapp_backend_hpa.yaml:10 hpa/duplicate-target",
            "stefanprodan_podinfo__deploy_webapp_frontend_hpa.yaml:10 hpa/duplicate-target",
            // kube-score fixtures: container foo requests no cpu; the v1 HPA without a target scales on cpu
            "zegl_kube-score__score_testdata_deployment-with-hpa-has-replicas.yaml:6 hpa/missing-request",
            "zegl_kube-score__score_testdata_hpa-min-replicas-nok.yaml:19 hpa/missing-request");

    @Test
    void everyErrorOnTheCorpusIsAKnownRealDefect() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no real-manifests corpus next to the repository");
        ManifestLoader loader = new ManifestLoader("default");
        List<LoadedFile> files = new ArrayList<>();
        for (Path p : ManifestLoader.expand(List.of(CORPUS))) {
            files.add(loader.load(new SourceText(p.getFileName().toString(), Files.readString(p)), false));
        }
        Reviewer reviewer = new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, Config.EMPTY);
        Set<String> together = errors(reviewer.review(files).findings());
        assertThat(together).as("HPA errors over the corpus reviewed as one set").isEqualTo(new TreeSet<>(KNOWN));
        // file by file, a partial set must never produce an error the whole set does not
        for (LoadedFile f : files) {
            assertThat(KNOWN).as(f.path()).containsAll(errors(reviewer.review(List.of(f)).findings()));
        }
    }

    private static Set<String> errors(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            if (f.ruleId().startsWith("hpa/") && !f.ruleId().equals("hpa/invalid") && f.severity() == Severity.ERROR) {
                out.add(f.file() + ":" + f.range().line() + " " + f.ruleId());
            }
        }
        return out;
    }
}
