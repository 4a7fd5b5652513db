package dev.trafficengineer.kube;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes minor release, e.g. 1.35: what the cluster serves decides which rules apply, which API validation runs
 * and which feature gates are on. Patch levels and pre-release or vendor tags change none of that, so they are read
 * and dropped.
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    /** The release whose validation, defaults and feature gates this tool follows when none is given. */
    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, 35);

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

    public KubernetesVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("'" + major + "." + minor
                    + "' is not a Kubernetes version such as 1.35");
        }
    }

    /** Accepts "1.35", "v1.35", "1.35.2", "v1.35.0-rc.1", "v1.30.4+k3s1". */
    public static KubernetesVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw notAVersion(text, null);
        }
        try {
            return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException outOfRange) { // beyond an int, or major 0
            throw notAVersion(text, outOfRange);
        }
    }

    private static IllegalArgumentException notAVersion(String text, Exception cause) {
        return new IllegalArgumentException("'" + text + "' is not a Kubernetes version such as 1.35", cause);
    }

    public boolean atLeast(int maj, int min) {
        return major > maj || major == maj && minor >= min;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
