package dev.trafficengineer.draft.refine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.ObjectRef;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Refines existing manifests with feedback, for callers that have manifests but no requirements (the MCP tool
 * {@code refine_autoscaling}, the LLM loop's offline fallback): each understood intent becomes minimal text edits
 * of the HorizontalPodAutoscalers and KEDA ScaledObjects in the YAML ("max 20 replicas" replaces
 * {@code maxReplicas}, "scale-down is too aggressive" lengthens the scale-down window), keeping comments and
 * layout. The result goes through the standard review. What cannot be done on manifests alone (facts such as
 * "peak 800 rps" need requirements; an HPA cannot scale to zero) is reported with the reason.
 */
public final class ManifestRefiner {

    private static final String HPA = "HorizontalPodAutoscaler";
    private static final String SCALED_OBJECT = "ScaledObject";
    private static final String VPA = "VerticalPodAutoscaler";

    private final Reviewer reviewer;
    private final ManifestLoader loader;

    public ManifestRefiner(Reviewer reviewer, ManifestLoader loader) {
        this.reviewer = reviewer;
        this.loader = loader;
    }

    /** With the standard rules, default options and no config file: the review every front end starts from. */
    public static ManifestRefiner standard() {
        return new ManifestRefiner(new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, Config.EMPTY),
                new ManifestLoader("default"));
    }

    public RefineOutcome refine(String yaml, String feedback) {
        return refine(yaml, Feedback.parse(feedback));
    }

    public RefineOutcome refine(String yaml, List<Intent> intents) {
        ManifestEditor editor = new ManifestEditor(loader, yaml);
        List<RefineOutcome.Change> changes = new ArrayList<>();
        List<RefineOutcome.NotDone> notDone = new ArrayList<>();
        boolean broken = editor.file().problems().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        for (Intent intent : intents) {
            if (broken) {
                notDone.add(new RefineOutcome.NotDone(intent, "the YAML cannot be read ("
                        + editor.file().problems().get(0).message() + "); fix it first"));
                continue;
            }
            List<ObjectRef> targets = autoscalers(editor);
            if (targets.isEmpty() && !(intent instanceof Intent.Unknown)) {
                notDone.add(new RefineOutcome.NotDone(intent, "there is no HorizontalPodAutoscaler or KEDA"
                        + " ScaledObject in the YAML to change"));
                continue;
            }
            String not = null;
            int before = changes.size();
            for (ObjectRef ref : targets) {
                String result = apply(editor, ref, intent, changes);
                if (result != null && not == null) {
                    not = targets.size() > 1 ? ref.display() + ": " + result : result;
                }
            }
            if (targets.isEmpty() || changes.size() == before) {
                notDone.add(new RefineOutcome.NotDone(intent, not != null ? not : "nothing to change"));
            }
        }
        Review after = review(editor.text());
        List<Finding> introduced = introduced(review(yaml), after);
        return new RefineOutcome(yaml, editor.text(), changes, notDone, after, introduced);
    }

    private Review review(String text) {
        return reviewer.review(List.of(loader.load(new SourceText(ManifestEditor.FILE, text), false)));
    }

    /** Findings of the result that the original did not have (same rule on the same field of the same object). */
    private static List<Finding> introduced(Review before, Review after) {
        Set<String> old = new HashSet<>();
        for (Finding f : before.findings()) {
            old.add(key(f));
        }
        return after.findings().stream().filter(f -> !old.contains(key(f))).toList();
    }

    private static String key(Finding f) {
        return f.ruleId() + " " + (f.object() == null ? "" : f.object().display()) + " " + f.pointer();
    }

    private static List<ObjectRef> autoscalers(ManifestEditor editor) {
        List<ObjectRef> out = new ArrayList<>();
        for (KubeObject o : editor.objects()) {
            if (o.kind().equals(HPA) || o.kind().equals(SCALED_OBJECT) && o.apiVersion().startsWith("keda.sh/")) {
                out.add(o.ref());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ one intent

    /** Where an autoscaler keeps each thing, by kind. */
    private record Paths(boolean keda, boolean v1) {
        JsonPointer min() {
            return JsonPointer.parse(keda ? "/spec/minReplicaCount" : "/spec/minReplicas");
        }

        JsonPointer max() {
            return JsonPointer.parse(keda ? "/spec/maxReplicaCount" : "/spec/maxReplicas");
        }

        JsonPointer behavior() {
            return JsonPointer.parse(keda ? "/spec/advanced/horizontalPodAutoscalerConfig/behavior" : "/spec/behavior");
        }

        /** What the controller uses when the field is absent: KEDA's minimum is 0, the HPA's 1; KEDA's max 100. */
        int defaultMin() {
            return keda ? 0 : 1;
        }

        int defaultMax() {
            return 100;
        }
    }

    /** Applies one intent to one autoscaler; returns why not when it made no change. */
    private String apply(ManifestEditor e, ObjectRef ref, Intent intent, List<RefineOutcome.Change> changes) {
        Paths paths = new Paths(ref.kind().equals(SCALED_OBJECT), ref.apiVersion().equals("autoscaling/v1"));
        Changes c = new Changes(e, ref, intent, changes);
        if (intent instanceof Intent.MaxReplicas m) {
            int min = intAt(e, ref, paths.min(), paths.defaultMin());
            if (m.replicas() < Math.max(1, min)) {
                return "the minimum is " + min + "; lower it first (\"min N replicas\")";
            }
            return c.setInt(paths.max(), m.replicas(), paths.defaultMax(), "at most " + m.replicas() + " replicas");
        }
        if (intent instanceof Intent.MinReplicas m) {
            if (m.replicas() == 0) {
                return apply(e, ref, new Intent.ScaleToZero(), changes);
            }
            int max = intAt(e, ref, paths.max(), paths.defaultMax());
            if (m.replicas() > max) {
                return "the maximum is " + max + "; raise it first (\"max N replicas\")";
            }
            return c.setInt(paths.min(), m.replicas(), paths.defaultMin(), "at least " + m.replicas() + " replicas");
        }
        if (intent instanceof Intent.ScaleDownTooAggressive) {
            return scaleDown(c, paths, w -> Math.min(3600, Math.max(600, w * 2)), p -> Math.max(5, p / 2),
                    n -> Math.max(1, n / 2), 10);
        }
        if (intent instanceof Intent.ScaleDownTooSlow) {
            return scaleDown(c, paths, w -> w <= 60 ? 0 : Math.max(60, w / 2), p -> Math.min(100, p * 2),
                    n -> n * 2, -1);
        }
        if (intent instanceof Intent.ScaleDownPercent p) {
            return scaleDown(c, paths, w -> w, x -> p.percent(), n -> n, p.percent());
        }
        if (intent instanceof Intent.ScaleUpTooSlow) {
            return scaleUp(e, c, ref, paths);
        }
        if (intent instanceof Intent.TargetUtilization u) {
            return utilization(e, c, ref, paths, x -> u.percent());
        }
        if (intent instanceof Intent.NoColdStarts) {
            int min = intAt(e, ref, paths.min(), paths.defaultMin());
            boolean idle = !e.at(ref, JsonPointer.parse("/spec/idleReplicaCount")).isMissingNode();
            if (min >= 1 && !idle) {
                return "it never scales to zero already (minimum " + min + ")";
            }
            if (idle) {
                c.delete(JsonPointer.parse("/spec/idleReplicaCount"), "no idle replica count: it no longer drops to"
                        + " zero when idle");
            }
            if (min < 1) {
                c.setInt(paths.min(), 1, paths.defaultMin(), "at least 1 replica: no cold starts");
            }
            return c.made() ? null : "the file's layout did not allow the edit";
        }
        if (intent instanceof Intent.ScaleToZero) {
            if (!paths.keda()) {
                return "an HPA cannot scale to zero (that needs the alpha HPAScaleToZero feature gate); a KEDA"
                        + " ScaledObject can: draft one with scaleToZero";
            }
            if (!eventTrigger(e, ref)) {
                return "KEDA cannot wake from zero on cpu or memory alone; add an event trigger (prometheus, kafka)";
            }
            return c.setInt(paths.min(), 0, paths.defaultMin(), "scales to zero when idle");
        }
        if (intent instanceof Intent.CheaperAtNight) {
            return cheaperAtNight(e, c, ref, paths);
        }
        if (intent instanceof Intent.Percentile p) {
            return percentile(e, c, ref, p.percentile());
        }
        if (intent instanceof Intent.LatencyTarget l) {
            return latency(e, c, ref, l.milliseconds());
        }
        if (intent instanceof Intent.Partitions p) {
            if (!hasTrigger(e, ref, "kafka")) {
                return "there is no Kafka trigger to cap";
            }
            int max = intAt(e, ref, paths.max(), paths.defaultMax());
            if (max <= p.partitions()) {
                return "at most " + max + " replicas already, within the " + p.partitions() + " partitions";
            }
            return c.setInt(paths.max(), p.partitions(), paths.defaultMax(), "at most " + p.partitions()
                    + " replicas, one per partition: more consumers would sit idle");
        }
        if (intent instanceof Intent.Conservative k) {
            if (!k.on()) {
                return "there is nothing to undo in manifests; say what to change, e.g. \"scale-down is too slow\"";
            }
            int min = intAt(e, ref, paths.min(), paths.defaultMin());
            if (min >= 1) {
                c.setInt(paths.min(), min + 1, paths.defaultMin(), "one more pod at the minimum, for a cautious start");
            }
            scaleDown(c, paths, w -> Math.min(3600, Math.max(600, w)), p -> Math.max(5, Math.min(p, 10)),
                    n -> Math.max(1, n / 2), 10);
            return c.made() ? null : "it is as cautious as I would make it";
        }
        if (intent instanceof Intent.Vpa v) {
            return vpa(e, c, ref, v.add());
        }
        if (intent instanceof Intent.Unknown u) {
            return "I did not understand \"" + u.text().strip() + "\"; offline I can change how fast it scales up"
                    + " or down, the minimum and maximum replicas, cold starts and scaling to zero, the utilization"
                    + " target, the latency percentile and a VPA";
        }
        return "that describes the workload rather than a change to these manifests; draft from requirements to use"
                + " it";
    }

    /** Records changes to one object as they are made. */
    private static final class Changes {
        final ManifestEditor e;
        final ObjectRef ref;
        final Intent intent;
        final List<RefineOutcome.Change> out;
        final int start;

        Changes(ManifestEditor e, ObjectRef ref, Intent intent, List<RefineOutcome.Change> out) {
            this.e = e;
            this.ref = ref;
            this.intent = intent;
            this.out = out;
            this.start = out.size();
        }

        boolean made() {
            return out.size() > start;
        }

        void record(String description) {
            out.add(new RefineOutcome.Change(intent, ref.display(), description));
        }

        /** Sets an integer field; null when done, else why not. */
        String setInt(JsonPointer p, int value, Integer absent, String description) {
            JsonNode now = e.at(ref, p);
            Integer before = now.isMissingNode() ? absent : Integer.valueOf(now.asInt());
            if (before != null && before == value && !now.isMissingNode()) {
                return p.fieldPath() + " is " + value + " already";
            }
            if (!e.set(ref, p, String.valueOf(value))) {
                return "the file's layout did not allow the edit at " + p.fieldPath();
            }
            record(p.fieldPath() + ": " + value + (before == null ? "" : " (was " + before
                    + (now.isMissingNode() ? ", the default" : "") + ")") + ": " + description);
            return null;
        }

        String setString(JsonPointer p, String value, String description) {
            String before = e.at(ref, p).asText();
            if (!e.set(ref, p, quote(value))) {
                return "the file's layout did not allow the edit at " + p.fieldPath();
            }
            record(p.fieldPath() + ": \"" + shorten(value) + "\" (was \"" + shorten(before) + "\"): " + description);
            return null;
        }

        String insert(JsonPointer p, String block, String description) {
            if (!e.insert(ref, p, block)) {
                return "the file's layout did not allow adding " + p.fieldPath();
            }
            record(description);
            return null;
        }

        void delete(JsonPointer p, String description) {
            if (e.delete(ref, p)) {
                record(p.fieldPath() + " removed: " + description);
            }
        }
    }

    /** Long values (queries) cut for messages: the diff shows them whole. */
    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static int intAt(ManifestEditor e, ObjectRef ref, JsonPointer p, int absent) {
        JsonNode n = e.at(ref, p);
        return n.isMissingNode() || !n.canConvertToInt() && !n.isTextual() ? absent : n.asInt(absent);
    }

    /** YAML double quotes, as KEDA metadata needs: every value a string. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Changes the scale-down window and the policies' steps; with no policies, adds one removing {@code addPercent}
     * percent per minute (when positive). The HPA's defaults apply to what is absent: a 300 s window, 100% per 15 s.
     */
    private String scaleDown(Changes c, Paths paths, IntUnaryOperator window, IntUnaryOperator percent,
            IntUnaryOperator pods, int addPercent) {
        if (paths.v1()) {
            return "autoscaling/v1 has no scale-down behavior; move to autoscaling/v2 (review --fix does it)";
        }
        JsonPointer down = paths.behavior().child("scaleDown");
        JsonPointer w = down.child("stabilizationWindowSeconds");
        int before = intAt(c.e, c.ref, w, 300);
        int after = window.applyAsInt(before);
        if (after != before) {
            c.setInt(w, after, 300, after > before ? "wait longer for load to stay low before removing pods"
                    : "remove idle pods sooner");
        }
        JsonNode policies = c.e.at(c.ref, down.child("policies"));
        if (policies.isArray() && !policies.isEmpty()) {
            for (int i = 0; i < policies.size(); i++) {
                JsonNode policy = policies.get(i);
                JsonPointer value = down.child("policies").child(i).child("value");
                int v = policy.path("value").asInt();
                int next = policy.path("type").asText().equals("Percent") ? percent.applyAsInt(v)
                        : pods.applyAsInt(v);
                if (next != v && next > 0) {
                    c.setInt(value, next, null, next < v ? "remove fewer pods per step" : "remove more pods per"
                            + " step");
                }
            }
        } else if (addPercent > 0) {
            c.insert(down.child("policies"), "- type: Percent\n  value: " + addPercent + "\n  periodSeconds: 60",
                    down.child("policies").fieldPath() + ": at most " + addPercent + "% of the pods per minute (the"
                            + " default removes up to 100% every 15 s)");
        }
        return c.made() ? null : "scale-down is already as " + (addPercent > 0 ? "gentle" : "quick")
                + " as I would make it";
    }

    private String scaleUp(ManifestEditor e, Changes c, ObjectRef ref, Paths paths) {
        if (!paths.v1()) {
            JsonPointer up = paths.behavior().child("scaleUp");
            JsonPointer w = up.child("stabilizationWindowSeconds");
            if (intAt(e, ref, w, 0) > 0) {
                c.setInt(w, 0, 0, "react to rising load at once");
            }
            JsonNode policies = e.at(ref, up.child("policies"));
            for (int i = 0; policies.isArray() && i < policies.size(); i++) {
                JsonNode policy = policies.get(i);
                int v = policy.path("value").asInt();
                boolean percent = policy.path("type").asText().equals("Percent");
                int next = percent ? Math.max(100, v * 2) : v * 2;
                c.setInt(up.child("policies").child(i).child("value"), next, null, "add more pods per step");
            }
        }
        utilization(e, c, ref, paths, v -> Math.max(30, v - 10));
        thresholds(e, c, ref);
        return c.made() ? null : "it already scales up as fast as I would make it";
    }

    /** Lowers (or sets) the CPU and memory utilization targets: pods are added at a lower load. */
    private String utilization(ManifestEditor e, Changes c, ObjectRef ref, Paths paths, IntUnaryOperator next) {
        int start = c.out.size();
        if (paths.v1()) {
            JsonPointer p = JsonPointer.parse("/spec/targetCPUUtilizationPercentage");
            int v = intAt(e, ref, p, 80);
            c.setInt(p, next.applyAsInt(v), 80, "pods are added at a lower CPU load");
        } else if (!paths.keda()) {
            JsonNode metrics = e.at(ref, JsonPointer.parse("/spec/metrics"));
            for (int i = 0; metrics.isArray() && i < metrics.size(); i++) {
                JsonNode target = metrics.get(i).path("resource").path("target");
                if (metrics.get(i).path("type").asText().equals("Resource")
                        && target.path("type").asText().equals("Utilization") && target.has("averageUtilization")) {
                    int v = target.get("averageUtilization").asInt();
                    int n = next.applyAsInt(v);
                    if (n != v) {
                        c.setInt(JsonPointer.parse("/spec/metrics/" + i + "/resource/target/averageUtilization"), n,
                                null, "pods are added at " + n + "% of their " + metrics.get(i).path("resource")
                                        .path("name").asText() + " request");
                    }
                }
            }
        } else {
            JsonNode triggers = e.at(ref, JsonPointer.parse("/spec/triggers"));
            for (int i = 0; triggers.isArray() && i < triggers.size(); i++) {
                String type = triggers.get(i).path("type").asText();
                JsonNode value = triggers.get(i).path("metadata").path("value");
                if ((type.equals("cpu") || type.equals("memory")) && value.isValueNode()) {
                    int v;
                    try {
                        v = Integer.parseInt(value.asText().trim());
                    } catch (NumberFormatException x) {
                        continue;
                    }
                    int n = next.applyAsInt(v);
                    if (n != v) {
                        c.setString(JsonPointer.parse("/spec/triggers/" + i + "/metadata/value"), String.valueOf(n),
                                "pods are added at " + n + "% of their " + type + " request");
                    }
                }
            }
        }
        return c.out.size() > start ? null : "there is no CPU or memory utilization target to change";
    }

    /** Per-pod thresholds of event triggers, 20% lower: KEDA adds pods at a lower rate, lag or latency. */
    private void thresholds(ManifestEditor e, Changes c, ObjectRef ref) {
        JsonNode triggers = e.at(ref, JsonPointer.parse("/spec/triggers"));
        for (int i = 0; triggers.isArray() && i < triggers.size(); i++) {
            JsonNode meta = triggers.get(i).path("metadata");
            for (String key : List.of("threshold", "lagThreshold")) {
                JsonNode v = meta.path(key);
                if (!v.isValueNode()) {
                    continue;
                }
                double d;
                try {
                    d = Double.parseDouble(v.asText().trim());
                } catch (NumberFormatException x) {
                    continue;
                }
                double n = key.equals("lagThreshold") ? Math.max(1, Math.round(d * 0.8)) : d * 0.8;
                c.setString(JsonPointer.parse("/spec/triggers/" + i + "/metadata/" + key),
                        Amount.format(Math.round(n * 1000) / 1000.0), "scale out at 80% of the old threshold");
            }
        }
    }

    private static boolean hasTrigger(ManifestEditor e, ObjectRef ref, String type) {
        for (JsonNode t : e.at(ref, JsonPointer.parse("/spec/triggers"))) {
            if (t.path("type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** A trigger KEDA can wake a scaled-to-zero workload with: anything but cpu, memory and cron. */
    private static boolean eventTrigger(ManifestEditor e, ObjectRef ref) {
        for (JsonNode t : e.at(ref, JsonPointer.parse("/spec/triggers"))) {
            String type = t.path("type").asText();
            if (!type.equals("cpu") && !type.equals("memory") && !type.equals("cron")) {
                return true;
            }
        }
        return false;
    }

    private String cheaperAtNight(ManifestEditor e, Changes c, ObjectRef ref, Paths paths) {
        if (!paths.keda()) {
            return "an HPA cannot follow the clock or scale to zero; draft a KEDA ScaledObject with scaleToZero and"
                    + " idleWindows (say \"cheaper at night\" in chat)";
        }
        if (!eventTrigger(e, ref)) {
            return "KEDA cannot wake from zero on cpu or memory alone; add an event trigger (prometheus, kafka)";
        }
        int min = intAt(e, ref, paths.min(), paths.defaultMin());
        if (min == 0 && hasTrigger(e, ref, "cron")) {
            return "it already scales to zero and has a schedule";
        }
        int warm = Math.max(1, min);
        if (!hasTrigger(e, ref, "cron")) {
            boolean added = e.append(ref, JsonPointer.parse("/spec/triggers"), "type: cron\nmetadata:\n"
                    + "  timezone: \"UTC\"\n  start: \"45 5 * * *\"\n  end: \"0 22 * * *\"\n  desiredReplicas: \""
                    + warm + "\"");
            if (!added) {
                return "the file's layout did not allow adding a cron trigger";
            }
            c.record("spec.triggers: a cron trigger keeps " + warm + " pod" + (warm == 1 ? "" : "s") + " from 05:45"
                    + " to 22:00 UTC, so daytime requests never wait for a cold start (adjust the hours and time"
                    + " zone)");
        }
        if (min != 0) {
            c.setInt(paths.min(), 0, paths.defaultMin(), "no pods at night while idle");
        }
        return c.made() ? null : "the file's layout did not allow the edit";
    }

    private static final java.util.regex.Pattern QUANTILE = java.util.regex.Pattern.compile(
            "histogram_quantile\\(\\s*(0?\\.\\d+)");

    private String percentile(ManifestEditor e, Changes c, ObjectRef ref, String percentile) {
        String q = percentile.equals("p99") ? "0.99" : "0.95";
        boolean latency = false;
        JsonNode triggers = e.at(ref, JsonPointer.parse("/spec/triggers"));
        for (int i = 0; triggers.isArray() && i < triggers.size(); i++) {
            String query = triggers.get(i).path("metadata").path("query").asText("");
            var m = QUANTILE.matcher(query);
            if (!m.find()) {
                continue;
            }
            latency = true;
            if (m.group(1).equals(q)) {
                continue;
            }
            String next = query.substring(0, m.start(1)) + q + query.substring(m.end(1));
            c.setString(JsonPointer.parse("/spec/triggers/" + i + "/metadata/query"), next, "the query measures "
                    + percentile);
        }
        if (!latency) {
            return "it has no latency query (histogram_quantile) to change";
        }
        return c.made() ? null : "it already uses " + percentile;
    }

    private String latency(ManifestEditor e, Changes c, ObjectRef ref, int ms) {
        JsonNode triggers = e.at(ref, JsonPointer.parse("/spec/triggers"));
        boolean latency = false;
        for (int i = 0; triggers.isArray() && i < triggers.size(); i++) {
            String query = triggers.get(i).path("metadata").path("query").asText("");
            if (!QUANTILE.matcher(query).find()) {
                continue;
            }
            latency = true;
            boolean millis = query.toLowerCase(Locale.ROOT).matches("(?s).*_(?:ms|milliseconds)_bucket.*");
            double threshold = millis ? ms * 0.8 : ms * 0.8 / 1000;
            c.setString(JsonPointer.parse("/spec/triggers/" + i + "/metadata/threshold"),
                    Amount.format(Math.round(threshold * 1000) / 1000.0), "80% of the " + ms + " ms objective, in "
                            + (millis ? "milliseconds" : "seconds") + " as the histogram measures: scale before the"
                            + " objective is breached");
        }
        return latency ? (c.made() ? null : "the threshold is set for " + ms + " ms already")
                : "there is no latency query (histogram_quantile) to set a threshold on; the draft can add one"
                        + " (source prometheus-latency)";
    }

    private String vpa(ManifestEditor e, Changes c, ObjectRef ref, boolean add) {
        KubeObject scaler = e.find(ref);
        JsonNode target = scaler.tree().path("spec").path("scaleTargetRef");
        String kind = target.path("kind").asText("Deployment");
        String name = target.path("name").asText();
        String apiVersion = target.path("apiVersion").asText("apps/v1");
        List<ObjectRef> vpas = new ArrayList<>();
        for (KubeObject o : e.objects()) {
            if (o.kind().equals(VPA) && o.tree().path("spec").path("targetRef").path("name").asText().equals(name)) {
                vpas.add(o.ref());
            }
        }
        if (add) {
            if (!vpas.isEmpty()) {
                return "there is a VPA for " + name + " already";
            }
            String ns = ref.namespace() == null ? "default" : ref.namespace();
            String doc = "apiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata:\n  name: " + name
                    + "\n  namespace: " + ns + "\nspec:\n  targetRef:\n    apiVersion: " + apiVersion + "\n    kind: "
                    + kind + "\n    name: " + name + "\n  updatePolicy:\n"
                    + "    # recommendation mode: it suggests requests and changes nothing, so it never fights the\n"
                    + "    # autoscaler that scales replicas\n    updateMode: \"Off\"\n";
            if (!e.appendDocument(doc)) {
                return "the VPA could not be added";
            }
            c.record("added VerticalPodAutoscaler/" + ns + "/" + name + " in recommendation mode (updateMode Off)");
            return null;
        }
        if (vpas.isEmpty()) {
            return "there is no VPA for " + name;
        }
        for (ObjectRef v : vpas) {
            if (e.deleteDocument(v)) {
                c.record("removed " + v.display());
            }
        }
        return c.made() ? null : "the VPA is not a document of its own";
    }
}
