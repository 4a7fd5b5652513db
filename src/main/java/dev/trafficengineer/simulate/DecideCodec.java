package dev.trafficengineer.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON in and out of {@code traffic-engineer simulate decide}: one object with {@code currentReplicas},
 * {@code desiredReplicas} (the proposal from metrics), {@code minReplicas} (default 1, as the API server defaults
 * it), {@code maxReplicas}, {@code behavior} (absent or null: the legacy path), {@code scaleUpEvents} and
 * {@code scaleDownEvents} ({@code [{"replicaChange", "secondsAgo"}]}), {@code recommendations}
 * ({@code [{"replicas", "secondsAgo"}]}) and optionally {@code controller} (the controller flags, see
 * {@link SpecJson#controller}); out comes {@code {"desiredReplicas": n, "reason": "..."}}.
 */
public final class DecideCodec {

    private DecideCodec() {
    }

    /** A decoded request; "now" is 0 and history entries are at minus their age. */
    public record Request(HorizontalController.Normalization normalization, ScalerHistory history,
            ControllerConfig config) {
    }

    /** Reads the request, or throws {@link SimulationInputException} naming the offending field. */
    public static Request decode(String json) {
        JsonNode root = JsonInput.parseObject(json);
        int current = nonNegative(root, "currentReplicas");
        int desired = nonNegative(root, "desiredReplicas");
        Integer min = JsonInput.optionalInt(root, "minReplicas", "");
        int max = JsonInput.requiredInt(root, "maxReplicas", "");
        Behavior behavior = SpecJson.behavior(JsonInput.optional(root, "behavior"), "behavior");
        ScalerHistory history = new ScalerHistory(recommendations(root), events(root, "scaleUpEvents"),
                events(root, "scaleDownEvents"));
        return new Request(
                new HorizontalController.Normalization(current, desired, min == null ? 1 : min, max, behavior),
                history, SpecJson.controller(JsonInput.optional(root, "controller"), "controller"));
    }

    private static int nonNegative(JsonNode root, String field) {
        int v = JsonInput.requiredInt(root, field, "");
        if (v < 0) {
            throw new SimulationInputException("`" + field + "` must not be negative, got " + v);
        }
        return v;
    }

    private static List<Recommendation> recommendations(JsonNode root) {
        JsonNode list = JsonInput.optional(root, "recommendations");
        List<Recommendation> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        JsonInput.requireArray(list, "recommendations");
        for (int i = 0; i < list.size(); i++) {
            String path = JsonInput.element("recommendations", i);
            JsonNode rec = JsonInput.requireObject(list.get(i), path);
            out.add(new Recommendation(JsonInput.requiredInt(rec, "replicas", path),
                    -JsonInput.secondsAgo(rec, "secondsAgo", path)));
        }
        return out;
    }

    private static List<ScaleEvent> events(JsonNode root, String field) {
        JsonNode list = JsonInput.optional(root, field);
        List<ScaleEvent> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        JsonInput.requireArray(list, field);
        for (int i = 0; i < list.size(); i++) {
            String path = JsonInput.element(field, i);
            JsonNode event = JsonInput.requireObject(list.get(i), path);
            out.add(ScaleEvent.of(JsonInput.requiredInt(event, "replicaChange", path),
                    -JsonInput.secondsAgo(event, "secondsAgo", path)));
        }
        return out;
    }

    /** The decision as the command prints it. */
    public static String encode(Decision decision) {
        ObjectNode out = JsonInput.MAPPER.createObjectNode();
        out.put("desiredReplicas", decision.desiredReplicas());
        out.put("reason", decision.limitReason());
        return out.toString();
    }

    /** Decode, decide at time 0, encode. */
    public static String run(String json) {
        Request r = decode(json);
        return encode(HorizontalController.normalize(r.normalization(), r.history(), 0, r.config()));
    }
}
