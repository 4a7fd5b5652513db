package dev.trafficengineer.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.chat.ChatEngine;
import dev.trafficengineer.chat.ChatState;
import dev.trafficengineer.chat.ChatStateJson.InvalidStateException;
import dev.trafficengineer.chat.Effect;
import dev.trafficengineer.chat.Turn;
import dev.trafficengineer.draft.DraftReport;
import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.draft.refine.RequirementsTree;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.review.Review;
import dev.trafficengineer.review.ReviewService;
import dev.trafficengineer.review.report.JsonReport;
import dev.trafficengineer.simulate.SimulationInputException;
import dev.trafficengineer.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's routes as functions from a request body to a {@link Response}; the server around it handles
 * sockets, limits, authentication and metrics. Each route is the same engine the command line uses: chat is
 * {@link ChatEngine}, review answers as {@code review --format json}, draft as {@code draft --format json},
 * simulate as {@code simulate --format json}.
 */
final class Api {

    private final ChatEngine chat;
    private final ReviewService reviews;
    private final DraftService drafts;
    private final ManifestLoader loader;
    private final StateSeal seal;

    Api(ChatEngine chat, ReviewService reviews, DraftService drafts, ManifestLoader loader, StateSeal seal) {
        this.chat = chat;
        this.reviews = reviews;
        this.drafts = drafts;
        this.loader = loader;
        this.seal = seal;
    }

    // ------------------------------------------------------------------------------------------------ /v1/chat

    /**
     * {@code {"state": <the last reply's state>, "message": "…"}}: without a state a conversation starts (an empty
     * message then answers with the greeting).
     */
    Response chat(byte[] body) throws ApiException {
        JsonNode req = object(body, "{\"state\": \"<the state of the last reply, or leave it out>\", \"message\":"
                + " \"…\"}");
        JsonNode m = req.path("message");
        if (!m.isMissingNode() && !m.isNull() && !m.isTextual()) {
            throw new ApiException(400, "`message` must be a string");
        }
        String message = m.isTextual() ? m.asText() : "";
        JsonNode s = req.path("state");
        ChatState state = null;
        if (s.isTextual()) {
            try {
                state = seal.open(s.asText());
            } catch (InvalidStateException e) {
                throw new ApiException(400, e.getMessage());
            }
        } else if (!s.isMissingNode() && !s.isNull()) {
            throw new ApiException(400, "`state` must be the string the last reply returned, unchanged");
        }
        Turn turn = state == null && message.isBlank() ? chat.start()
                : chat.reply(state == null ? ChatState.initial() : state, message);
        String reply = turn.reply();
        if (turn.effect() instanceof Effect.Save) {
            reply = "Over HTTP I cannot write files: the manifests are in this response's `manifests`.";
        }
        ChatState next = turn.state();
        ObjectNode out = Response.JSON.createObjectNode();
        out.put("reply", reply);
        out.put("state", seal.seal(next));
        out.set("requirements", plain(RequirementsTree.of(next.requirements()).root()));
        if (next.draft() == null) {
            out.putNull("manifests");
            out.putArray("findings");
            out.putNull("simulation");
        } else {
            out.put("manifests", next.draft().yaml());
            out.set("findings", next.draft().findings());
            out.set("simulation", next.draft().simulation());
        }
        var pending = chat.pending(next);
        if (pending.isPresent()) {
            out.putObject("question").put("id", pending.get().id()).put("text", pending.get().text());
        } else {
            out.putNull("question");
        }
        out.put("done", turn.effect() instanceof Effect.Quit);
        return Response.json(200, out);
    }

    /** Whole numbers as integers ({@code 800}, not {@code 800.0}): the requirements as a person would write them. */
    static JsonNode plain(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), plain(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            n.forEach(x -> a.add(plain(x)));
            return a;
        }
        if (n.isFloatingPointNumber() && n.asDouble() == Math.rint(n.asDouble()) && Math.abs(n.asDouble()) < 1e15) {
            return JsonNodeFactory.instance.numberNode(n.asLong());
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ /v1/review

    /** A YAML body, or {@code {"yaml": "…", "name": "file name for the findings"}}. */
    Response review(byte[] body) throws ApiException {
        String text = utf8(body);
        String name = "request.yaml";
        JsonNode json = jsonObjectOrNull(text);
        if (json != null && json.has("yaml")) {
            if (!json.get("yaml").isTextual()) {
                throw new ApiException(400, "`yaml` must be a string holding the manifests");
            }
            text = json.get("yaml").asText();
            if (json.hasNonNull("name")) {
                name = json.get("name").asText();
            }
        }
        if (text.isBlank()) {
            throw new ApiException(400, "the body is empty: send the manifests as YAML, or {\"yaml\": \"…\"}");
        }
        Review review = reviews.reviewText(name, text);
        return Response.jsonText(JsonReport.render(review));
    }

    // ------------------------------------------------------------------------------------------------ /v1/draft

    /**
     * Requirements as YAML or JSON (the format of {@code schemas/requirements.schema.json}), or
     * {@code {"requirements": {…}, "workload": "<the Deployment as YAML>"}}.
     */
    Response draft(byte[] body) throws ApiException {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new ApiException(400, "the body is empty: send requirements (see schemas/requirements.schema.json)");
        }
        RequirementsReader reader = new RequirementsReader();
        Requirements requirements;
        LoadedFile workload = null;
        try {
            JsonNode json = jsonObjectOrNull(text);
            if (json != null && json.has("requirements")) {
                requirements = reader.fromTree(json.get("requirements"));
                if (json.hasNonNull("workload")) {
                    workload = workload(json.get("workload"));
                }
            } else {
                requirements = reader.read(new SourceText(json != null ? "requirements.json" : "requirements.yaml",
                        text));
            }
            DraftResult result = drafts.draft(requirements, workload);
            return Response.jsonText(DraftReport.json(result));
        } catch (RequirementsException e) {
            throw new ApiException(400, "the requirements cannot be used", e.problems());
        }
    }

    private LoadedFile workload(JsonNode w) throws ApiException {
        if (!w.isTextual()) {
            throw new ApiException(400, "`workload` must be a string holding the workload's manifest");
        }
        LoadedFile f = loader.load(new SourceText("workload.yaml", w.asText()), false);
        for (Finding p : f.problems()) {
            if (p.severity() == Severity.ERROR) {
                throw new ApiException(400, "the workload manifest cannot be read: line " + p.range().line() + ": "
                        + p.message());
            }
        }
        return f;
    }

    // ------------------------------------------------------------------------------------------------ /v1/simulate

    Response simulate(byte[] body) throws ApiException {
        JsonNode req = object(body, "{\"yaml\": \"<the HPA or ScaledObject>\", \"pattern\": \"spike\", \"peak\":"
                + " 800, …}");
        try {
            SimulateRequest.Result r = SimulateRequest.run(req, loader);
            return Response.text(200, r.contentType(), r.body());
        } catch (SimulationInputException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static JsonNode object(byte[] body, String shape) throws ApiException {
        JsonNode n = jsonObjectOrNull(utf8(body));
        if (n == null) {
            throw new ApiException(400, "the body must be a JSON object: " + shape);
        }
        return n;
    }

    private static JsonNode jsonObjectOrNull(String text) {
        String t = text.stripLeading();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = Response.JSON.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    static List<String> routes() {
        return List.of("/v1/chat", "/v1/review", "/v1/draft", "/v1/simulate");
    }
}
