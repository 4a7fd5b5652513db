package dev.trafficengineer.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A simulation run as {@code simulate --format json} prints it, cut to what an assistant can read: everything but the
 * timeline as is, every scale event (up to {@value #MAX_EVENTS}), and the timeline sampled at the roundest interval
 * that keeps it to {@value #MAX_ROWS} rows.
 */
final class RunSummary {

    static final int MAX_ROWS = 48;
    static final int MAX_EVENTS = 100;

    /** Round sampling intervals, in seconds, smallest first. */
    private static final long[] NICE = {15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200,
        86_400};

    private RunSummary() {}

    static ObjectNode of(JsonNode run) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        run.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("timeline")) {
                out.set(e.getKey(), e.getValue());
            }
        });
        JsonNode timeline = run.path("timeline");
        ArrayNode events = out.putArray("events");
        int omitted = 0;
        for (JsonNode row : timeline) {
            if (row.has("event")) {
                if (events.size() < MAX_EVENTS) {
                    events.addObject().put("t", row.path("t").asLong()).put("replicas", row.path("replicas").asInt())
                            .put("event", row.path("event").asText());
                } else {
                    omitted++;
                }
            }
        }
        if (omitted > 0) {
            out.put("eventsOmitted", omitted);
        }
        long step = Math.max(1, run.path("stepSeconds").asLong(15));
        long span = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).path("t").asLong();
        long every = interval(step, span);
        out.put("timelineSampleSeconds", every);
        ArrayNode rows = out.putArray("timeline");
        for (JsonNode row : timeline) {
            if (row.path("t").asLong() % every == 0) {
                ObjectNode r = row.deepCopy();
                r.remove("event"); // events are listed above, with every one kept
                rows.add(r);
            }
        }
        return out;
    }

    /** The smallest round multiple of the step that samples {@code span} seconds in at most MAX_ROWS rows. */
    static long interval(long step, long span) {
        for (long n : NICE) {
            if (n % step == 0 && span / n + 1 <= MAX_ROWS) {
                return n;
            }
        }
        long n = step;
        while (span / n + 1 > MAX_ROWS) {
            n *= 2;
        }
        return n;
    }
}
