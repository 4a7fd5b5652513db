package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Requirements;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a conversation knows, and nothing else: the engine is a function (state, message) → (reply, state),
 * and this record serialises to JSON, so an HTTP client can carry it from turn to turn.
 *
 * <ul>
 *   <li>{@code requirements}: what the user stated or a pasted manifest showed (defaults are not written in; the
 *       resolver reports them as assumptions).
 *   <li>{@code provenance}: per field path ({@code traffic.peak}), stated, derived or assumed.
 *   <li>{@code accepted}: the questions answered with Enter, which keep their default.
 *   <li>{@code asking}: the question waiting for an answer, or null.
 *   <li>{@code workload}: the pasted workload manifest, credentials redacted, or null.
 *   <li>{@code drafted}: whether the user has seen a draft (later changes then show what changed).
 *   <li>{@code draft}: the current draft with its review and simulation, or null.
 *   <li>{@code unapplied}: messages that could not be applied, newest last, so nothing the user typed is lost.
 * </ul>
 */
public record ChatState(
        int version,
        Requirements requirements,
        Map<String, Provenance> provenance,
        List<String> accepted,
        String asking,
        String workload,
        boolean drafted,
        DraftSnapshot draft,
        List<String> unapplied) {

    public static final int VERSION = 1;

    /** How many unapplied messages are kept. */
    static final int KEEP_UNAPPLIED = 5;

    public ChatState {
        requirements = requirements == null ? Requirements.EMPTY : requirements;
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance == null ? Map.of() : provenance));
        accepted = List.copyOf(accepted == null ? List.of() : accepted);
        unapplied = List.copyOf(unapplied == null ? List.of() : unapplied);
    }

    public static ChatState initial() {
        return new ChatState(VERSION, Requirements.EMPTY, Map.of(), List.of(), null, null, false, null, List.of());
    }

    ChatState withRequirements(Requirements r, Map<String, Provenance> p) {
        return new ChatState(version, r, p, accepted, asking, workload, drafted, draft, unapplied);
    }

    ChatState withAccepted(String question) {
        List<String> a = new ArrayList<>(accepted);
        if (!a.contains(question)) {
            a.add(question);
        }
        return new ChatState(version, requirements, provenance, a, asking, workload, drafted, draft, unapplied);
    }

    ChatState withAsking(String question) {
        return new ChatState(version, requirements, provenance, accepted, question, workload, drafted, draft,
                unapplied);
    }

    ChatState withWorkload(String yaml) {
        return new ChatState(version, requirements, provenance, accepted, asking, yaml, drafted, draft, unapplied);
    }

    ChatState withDraft(DraftSnapshot d) {
        return new ChatState(version, requirements, provenance, accepted, asking, workload, true, d, unapplied);
    }

    /** Keeps a message that could not be applied (already redacted), dropping the oldest beyond a few. */
    ChatState withUnapplied(String message) {
        List<String> u = new ArrayList<>(unapplied);
        u.add(message.length() > 2000 ? message.substring(0, 2000) + "…" : message);
        while (u.size() > KEEP_UNAPPLIED) {
            u.remove(0);
        }
        return new ChatState(version, requirements, provenance, accepted, asking, workload, drafted, draft, u);
    }
}
