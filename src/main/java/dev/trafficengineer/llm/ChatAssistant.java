package dev.trafficengineer.llm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.chat.Assistant;
import dev.trafficengineer.chat.AssistantException;
import dev.trafficengineer.chat.Refinement.NewManifests;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.refine.RequirementsTree;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.Redactor;
import dev.trafficengineer.review.Reviewer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation's model: the extract prompt reads requirements from what the user typed (the conversation then
 * checks them against the user's words), and requests the offline rules did not understand go through the same
 * refinement as {@code traffic-engineer refine}: the model's manifests are sanitised and reviewed, and when the model
 * cannot produce valid ones, nothing is proposed. Messages are redacted before they are sent.
 */
public final class ChatAssistant implements Assistant {

    private static final ObjectMapper LENIENT = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String SCHEMA = schema();

    private final ModelClient model;
    private final Reviewer reviewer;
    private final ManifestLoader loader;
    private final int maxRounds;

    public ChatAssistant(ModelClient model, Reviewer reviewer, ManifestLoader loader, int maxRounds) {
        this.model = model;
        this.reviewer = reviewer;
        this.loader = loader;
        this.maxRounds = maxRounds;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public boolean online() {
        return true;
    }

    @Override
    public Optional<Requirements> extract(String text, Requirements known) throws AssistantException {
        String prompt = Prompt.EXTRACT.render(Map.of(
                "schema", SCHEMA,
                "known", RequirementsTree.of(known).root().toPrettyString(),
                "message", Redactor.redactText(text)));
        ModelClient.Reply reply;
        try {
            reply = model.chat(List.of(ModelClient.Message.system(Prompt.SYSTEM.render(Map.of())),
                    ModelClient.Message.user(prompt)));
        } catch (LlmException e) {
            throw new AssistantException(e.getMessage(), e);
        }
        JsonNode json = firstObject(reply.text());
        if (json == null) {
            throw new AssistantException("the model's answer held no JSON object");
        }
        if (json.isEmpty()) {
            return Optional.empty();
        }
        try {
            // unknown fields are dropped here; the conversation checks the rest against the schema and the words
            return Optional.of(LENIENT.treeToValue(json, Requirements.class));
        } catch (IOException e) {
            throw new AssistantException("the model's answer does not fit the requirements format");
        }
    }

    @Override
    public Optional<dev.trafficengineer.chat.Refinement> refine(String request, Requirements current,
            String manifests) throws AssistantException {
        if (manifests == null) {
            return Optional.empty(); // nothing drafted yet: there is nothing to change
        }
        Refinement.Refined r = new Refinement(reviewer, loader, model, maxRounds).refine(manifests, request);
        if (r.assisted() == null || r.assisted().fellBack()) {
            if (r.assisted() != null && r.assisted().why() != null) {
                throw new AssistantException(r.assisted().why());
            }
            return Optional.empty();
        }
        return Optional.of(new NewManifests(r.yaml(), null));
    }

    /** The first JSON object in an answer, tolerating code fences and prose around it. */
    static JsonNode firstObject(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return null;
        }
        try {
            JsonNode n = LENIENT.readTree(answer.substring(start, end + 1));
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String schema() {
        try (InputStream in = ChatAssistant.class.getResourceAsStream("/schemas/requirements.schema.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the requirements schema is missing from the jar", e);
        }
    }
}
