package dev.trafficengineer.finding;

/** Which Kubernetes object a finding is about. The namespace is the effective one ({@code default} when omitted). */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    /** {@code Kind/namespace/name}, as people write it. */
    public String display() {
        return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    }

    /** The API group of {@link #apiVersion()}: "" for the core group. */
    public String group() {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
