package dev.trafficengineer.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conversation state as JSON, and back, checking every part on the way in: a state comes from outside (an
 * HTTP client carries it between turns), so it is read as untrusted input. The requirements must pass their
 * schema; field paths, question names and provenance must be ones this version writes; text fields have limits.
 */
public final class ChatStateJson {

    /** A state that cannot be used; the message says which part and why. */
    public static final class InvalidStateException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidStateException(String message) {
            super(message);
        }
    }

    static final int MAX_TEXT = 512 * 1024;
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*){1,3}");

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final RequirementsReader READER = new RequirementsReader();

    private ChatStateJson() {}

    public static JsonNode tree(ChatState s) {
        return JSON.valueToTree(s);
    }

    public static String write(ChatState s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a chat state did not serialise: " + e.getMessage(), e);
        }
    }

    public static ChatState read(String json) throws InvalidStateException {
        try {
            return read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidStateException("the state is not JSON: " + e.getOriginalMessage());
        }
    }

    public static ChatState read(JsonNode n) throws InvalidStateException {
        if (!(n instanceof ObjectNode o)) {
            throw new InvalidStateException("the state must be a JSON object");
        }
        if (o.path("version").asInt(-1) != ChatState.VERSION) {
            throw new InvalidStateException("the state has version " + o.path("version") + "; this server reads"
                    + " version " + ChatState.VERSION + " (start a new conversation)");
        }
        Requirements requirements;
        try {
            requirements = READER.fromTree(o.has("requirements") ? o.get("requirements") : JSON.createObjectNode());
        } catch (RequirementsException e) {
            throw new InvalidStateException("the state's requirements are invalid: " + String.join("; ",
                    e.problems()));
        }
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        JsonNode p = o.path("provenance");
        if (!p.isMissingNode() && !p.isObject() || p.size() > 64) {
            throw new InvalidStateException("the state's provenance must be an object of at most 64 fields");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!FIELD.matcher(e.getKey()).matches()) {
                throw new InvalidStateException("the state's provenance names an unknown field: " + e.getKey());
            }
            try {
                provenance.put(e.getKey(), Provenance.valueOf(e.getValue().asText()));
            } catch (IllegalArgumentException x) {
                throw new InvalidStateException("the state's provenance of " + e.getKey() + " is not one of"
                        + " STATED, DERIVED, ASSUMED");
            }
        }
        List<String> accepted = new ArrayList<>();
        for (JsonNode a : array(o, "accepted")) {
            accepted.add(question(a.asText()));
        }
        String asking = o.hasNonNull("asking") ? question(o.get("asking").asText()) : null;
        String workload = text(o, "workload");
        List<String> unapplied = new ArrayList<>();
        for (JsonNode u : array(o, "unapplied")) {
            if (!u.isTextual() || u.asText().length() > MAX_TEXT) {
                throw new InvalidStateException("the state's unapplied messages must be strings");
            }
            unapplied.add(u.asText());
        }
        if (unapplied.size() > ChatState.KEEP_UNAPPLIED) {
            throw new InvalidStateException("the state keeps at most " + ChatState.KEEP_UNAPPLIED
                    + " unapplied messages");
        }
        DraftSnapshot draft = o.hasNonNull("draft") ? draft(o.get("draft")) : null;
        return new ChatState(ChatState.VERSION, requirements, provenance, accepted, asking, workload,
                o.path("drafted").asBoolean(false), draft, unapplied);
    }

    private static DraftSnapshot draft(JsonNode d) throws InvalidStateException {
        if (!d.isObject()) {
            throw new InvalidStateException("the state's draft must be an object");
        }
        String yaml = text(d, "yaml");
        if (yaml == null) {
            throw new InvalidStateException("the state's draft has no yaml");
        }
        List<String> report = new ArrayList<>();
        for (JsonNode l : array(d, "report")) {
            report.add(l.asText());
        }
        if (report.isEmpty()) {
            throw new InvalidStateException("the state's draft has no report");
        }
        JsonNode findings = d.path("findings");
        JsonNode summary = d.path("summary");
        if (!findings.isArray() || !summary.isObject()) {
            throw new InvalidStateException("the state's draft needs findings (an array) and a summary (an object)");
        }
        JsonNode simulation = d.hasNonNull("simulation") ? d.get("simulation") : null;
        if (simulation != null && !simulation.isObject()) {
            throw new InvalidStateException("the state's draft simulation must be an object");
        }
        String origin = d.path("origin").asText(DraftSnapshot.DRAFTER);
        if (!origin.equals(DraftSnapshot.DRAFTER) && !origin.equals(DraftSnapshot.MODEL)) {
            throw new InvalidStateException("the state's draft origin must be drafter or model");
        }
        return new DraftSnapshot(yaml, report, findings, summary, simulation, origin);
    }

    private static JsonNode array(JsonNode o, String field) throws InvalidStateException {
        JsonNode a = o.path(field);
        if (a.isMissingNode() || a.isNull()) {
            return JSON.createArrayNode();
        }
        if (!a.isArray() || a.size() > 200) {
            throw new InvalidStateException("the state's " + field + " must be an array");
        }
        return a;
    }

    private static String text(JsonNode o, String field) throws InvalidStateException {
        JsonNode t = o.path(field);
        if (t.isMissingNode() || t.isNull()) {
            return null;
        }
        if (!t.isTextual() || t.asText().length() > MAX_TEXT) {
            throw new InvalidStateException("the state's " + field + " must be a string of at most " + MAX_TEXT
                    + " characters");
        }
        return t.asText();
    }

    private static String question(String name) throws InvalidStateException {
        try {
            return Question.valueOf(name).name();
        } catch (IllegalArgumentException e) {
            throw new InvalidStateException("the state names an unknown question: " + name);
        }
    }
}
