package dev.trafficengineer.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor release, e.g. 1.35: what the cluster serves decides which rules apply. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {

    /** The release whose validation, defaults and feature gates this tool follows when none is given. */
    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, 35);

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?");

    public static KubernetesVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes version such as 1.35");
        }
        return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
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
