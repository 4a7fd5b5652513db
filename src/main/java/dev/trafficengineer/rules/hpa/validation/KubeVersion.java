package dev.trafficengineer.rules.hpa.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor release, e.g. 1.35; patch levels and pre-release tags do not change API validation. */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

    public KubeVersion {
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("not a Kubernetes version: " + major + "." + minor);
        }
    }

    /** Accepts "1.35", "v1.35", "1.35.2", "v1.35.0-rc.1". */
    public static KubeVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a Kubernetes version (expected e.g. 1.35): " + text);
        }
        try {
            return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException tooLong) {
            throw new IllegalArgumentException("not a Kubernetes version (expected e.g. 1.35): " + text, tooLong);
        }
    }

    public static KubeVersion of(int major, int minor) {
        return new KubeVersion(major, minor);
    }

    public boolean atLeast(int major, int minor) {
        return compareTo(new KubeVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(KubeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
