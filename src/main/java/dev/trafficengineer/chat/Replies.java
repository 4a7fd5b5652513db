package dev.trafficengineer.chat;

import dev.trafficengineer.draft.refine.Feedback;
import java.util.ArrayList;
import java.util.List;

/** What the conversation says, in one place: short, friendly, one question at a time. */
final class Replies {

    private Replies() {}

    static final String OPENING = "Tell me about the workload: what it does and how much traffic it sees (for example"
            + " \"our checkout API does 800 rps at peak\"), or paste its Deployment. /help lists the commands.";

    static final String DONE = "That's all I need. Tell me what to change (\"scale-down is too aggressive\", \"max 20"
            + " replicas\"), or /save FILE to write the manifests.";

    static final String ANYTHING_ELSE = "Anything to change? For example \"max 20 replicas\" or \"no cold starts\";"
            + " /save FILE writes the manifests.";

    static final String COMMANDS = "Commands: /show (what I know), /draft (print the draft), /save FILE, /reset,"
            + " /help, /quit.";

    static String help() {
        List<String> lines = new ArrayList<>();
        lines.add("I ask for what the draft needs, one question at a time; Enter keeps the default I offer.");
        lines.add("Numbers can carry units (rps, msgs/s, ms, s, minutes, %, pods, replicas, cores, millicores, Mi,"
                + " Gi), and you can paste the workload's Deployment.");
        lines.add("Once there is a draft, tell me what to change:");
        Feedback.examples().forEach(e -> lines.add("  " + e));
        lines.add(COMMANDS);
        return String.join("\n", lines);
    }

    /** The first draft in full: the manifests with their reasons, then the review and the simulation. */
    static List<String> fullDraft(DraftSnapshot d) {
        List<String> lines = new ArrayList<>();
        lines.add("Here is the draft. Each value says why it is what it is; the header lists what I assumed.");
        lines.add("");
        lines.add(d.yaml().stripTrailing());
        lines.add("");
        for (String l : d.report()) {
            lines.add(l);
        }
        return lines;
    }

    /** The honest answer to what was not understood, with what can be changed instead. */
    static String cantOffline(List<String> unknown, boolean online) {
        StringBuilder out = new StringBuilder(online ? "Neither I nor the model could do that: " : "I can't do that"
                + " offline: ");
        for (int i = 0; i < unknown.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('"').append(unknown.get(i)).append('"');
        }
        out.append(". Here is what I can change:");
        for (String e : Feedback.examples()) {
            out.append("\n  ").append(e);
        }
        return out.toString();
    }
}
