package dev.trafficengineer.rules.hpa.validation;

/** An API group and version, as apimachinery's {@code schema.ParseGroupVersion} splits an apiVersion string. */
record GroupVersion(String group, String version) {

    /**
     * "" and "/" give the empty group-version; no slash gives the core group; one slash splits (either side may be
     * empty). Null for two or more slashes, which ParseGroupVersion rejects.
     */
    static GroupVersion parse(String gv) {
        if (gv.isEmpty() || gv.equals("/")) {
            return new GroupVersion("", "");
        }
        int slash = gv.indexOf('/');
        if (slash < 0) {
            return new GroupVersion("", gv);
        }
        if (gv.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        return new GroupVersion(gv.substring(0, slash), gv.substring(slash + 1));
    }

    /** ParseGroupVersion's error text. */
    static String parseError(String gv) {
        return "unexpected GroupVersion string: " + gv;
    }
}
