package dev.trafficengineer.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What a route answers: a status, a content type, the body, and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final ObjectMapper JSON = new ObjectMapper();

    static Response json(int status, JsonNode body) {
        try {
            return new Response(status, JSON_TYPE, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)
                    + "\n").getBytes(StandardCharsets.UTF_8), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body that is already JSON text (the report renderers write their own). */
    static Response jsonText(String body) {
        return new Response(200, JSON_TYPE, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {"error": message} (and the problems, when there are several). */
    static Response error(int status, String message, List<String> problems) {
        ObjectNode n = JSON.createObjectNode().put("error", message);
        if (problems != null && !problems.isEmpty()) {
            problems.forEach(n.putArray("problems")::add);
        }
        return json(status, n);
    }

    static Response error(int status, String message) {
        return error(status, message, null);
    }

    Response withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, body, h);
    }
}
