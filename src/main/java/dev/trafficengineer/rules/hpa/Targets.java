package dev.trafficengineer.rules.hpa;

import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ObjectIndex;
import dev.trafficengineer.rules.workload.ScaleTargets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How the HPA rules resolve a scaleTargetRef against the reviewed objects. */
final class Targets {

    private Targets() {}

    /**
     * The workload an HPA scales, when it is among the reviewed objects and the reference can resolve at all
     * (kind and name given, the kind exactly a built-in scalable kind or a custom one).
     */
    static Optional<KubeObject> workload(HpaView hpa, ObjectIndex index) {
        List<KubeObject> candidates = candidates(hpa, index);
        if (candidates.size() <= 1) {
            return candidates.stream().findFirst();
        }
        // The same object written more than once (environments, copies, unrelated folders reviewed together):
        // take the one next to the HPA, and none when that does not single one out.
        String file = hpa.object().file();
        List<KubeObject> sameFile = candidates.stream().filter(w -> w.file().equals(file)).toList();
        if (sameFile.size() == 1) {
            return Optional.of(sameFile.get(0));
        }
        List<KubeObject> sameFolder = candidates.stream().filter(w -> folder(w.file()).equals(folder(file))).toList();
        return sameFolder.size() == 1 ? Optional.of(sameFolder.get(0)) : Optional.empty();
    }

    /** Every reviewed object the reference can mean. */
    static List<KubeObject> candidates(HpaView hpa, ObjectIndex index) {
        TargetRef ref = hpa.target();
        if (!ref.complete() || ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.NOT_SCALABLE) {
            return List.of();
        }
        return index.all(ref.kind(), hpa.object().namespace(), ref.name()).stream()
                .filter(w -> ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.SCALABLE
                        || w.ref().group().equals(ref.group())).toList();
    }

    private static String folder(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** Whether two references name the same target in the same namespace (the controller compares group and kind). */
    static boolean sameTarget(HpaView a, HpaView b) {
        TargetRef x = a.target();
        TargetRef y = b.target();
        return x.complete() && y.complete() && Objects.equals(a.object().namespace(), b.object().namespace())
                && x.kind().equals(y.kind()) && x.name().equals(y.name()) && x.group().equals(y.group());
    }

    /** Whether this HPA targets the workload (same namespace, kind and name, and the group for custom kinds). */
    static boolean targets(HpaView hpa, KubeObject workload) {
        TargetRef ref = hpa.target();
        return ref.complete() && Objects.equals(hpa.object().namespace(), workload.namespace())
                && ref.kind().equals(workload.kind()) && ref.name().equals(workload.name())
                && (ScaleTargets.classify(ref.kind()) == ScaleTargets.Kind.SCALABLE
                        || ref.group().equals(workload.ref().group()));
    }
}
