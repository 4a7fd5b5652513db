package dev.trafficengineer.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trafficengineer.draft.Assumption;
import dev.trafficengineer.draft.DraftReport;
import dev.trafficengineer.draft.DraftResult;
import dev.trafficengineer.draft.DraftService;
import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.RequirementsException;
import dev.trafficengineer.draft.RequirementsReader;
import dev.trafficengineer.draft.Resolved;
import dev.trafficengineer.draft.Resolver;
import dev.trafficengineer.draft.refine.Feedback;
import dev.trafficengineer.draft.refine.Intent;
import dev.trafficengineer.draft.refine.RequirementsRefiner;
import dev.trafficengineer.draft.refine.RequirementsTree;
import dev.trafficengineer.finding.Finding;
import dev.trafficengineer.finding.Severity;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.manifest.LoadedFile;
import dev.trafficengineer.manifest.ManifestLoader;
import dev.trafficengineer.manifest.Redactor;
import dev.trafficengineer.review.Config;
import dev.trafficengineer.review.Reviewer;
import dev.trafficengineer.review.RuleCatalog;
import dev.trafficengineer.rules.ReviewOptions;
import dev.trafficengineer.source.SourceText;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The conversation: a pure function from (state, message) to (reply, new state), with no I/O, so the terminal and
 * HTTP front ends share it and a conversation can be replayed exactly.
 *
 * <p>A message is a command ({@code /show}, {@code /draft}, {@code /save FILE}, {@code /reset}, {@code /help},
 * {@code /quit}), a pasted manifest (which fills in the workload and its requests), an empty line (keep the
 * offered default), or words. Words are read offline first: a short answer to the question just asked, else
 * {@link Feedback}. What is understood changes the requirements; once the essentials are known the engine drafts,
 * reviews and simulates, and after that every change shows what it changed in the draft. Then it asks the next
 * missing requirement, one question at a time. What is not understood is declined honestly, or, when a model is
 * configured, handed to the {@link Assistant}, whose reading is checked against the user's words first.
 *
 * <p>No message is ever lost: one that cannot be applied (not understood, contradictory, or an error of ours) is
 * kept in the state, credentials redacted, and {@code /show} lists it.
 */
public final class ChatEngine {

    static final String GREETING = "Hi! I draft autoscaling for a Kubernetes workload (an HPA, or KEDA when it needs"
            + " an event source) and review it before you see it.\n" + Replies.OPENING;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequirementsReader READER = new RequirementsReader();
    /** Words that make a message a request rather than an answer: "add a PDB", "can you …". */
    private static final Pattern REQUEST = Pattern.compile("\\b(?:add|remove|delete|drop|make|change|set|use"
            + "|create|enable|disable|can you|could you|please|want|need|should|i'd like|allow|support|include"
            + "|configure|put|give|turn|switch|increase|decrease|lower|raise|more|less)\\b");
    private static final Pattern MANIFEST_LINE = Pattern.compile("(?m)^(?:---\\s*$|apiVersion:\\s*\\S|kind:\\s*\\S)");

    private final DraftService drafts;
    private final ManifestLoader loader;
    private final Assistant assistant;

    public ChatEngine(DraftService drafts, ManifestLoader loader, Assistant assistant) {
        this.drafts = drafts;
        this.loader = loader;
        this.assistant = assistant;
    }

    /** The standard review (all rules, no config file), and the given assistant ({@link Assistant#NONE}: offline). */
    public static ChatEngine standard(Assistant assistant) {
        ManifestLoader loader = new ManifestLoader("default");
        Reviewer reviewer = new Reviewer(RuleCatalog.standard(), ReviewOptions.DEFAULT, Config.EMPTY);
        return new ChatEngine(new DraftService(reviewer, loader), loader, assistant);
    }

    public Assistant assistant() {
        return assistant;
    }

    /** The question a conversation waits on: its id ({@code PEAK}) and its text, with the default Enter keeps. */
    public record Pending(String id, String text) {}

    /** The question the state waits on, if any. */
    public Optional<Pending> pending(ChatState s) {
        Question q = asking(s);
        return q == null ? Optional.empty() : Optional.of(new Pending(q.name(), q.text(resolved(s.requirements()))));
    }

    /** The greeting and an empty conversation. */
    public Turn start() {
        return new Turn(GREETING, ChatState.initial());
    }

    /** Answers one message. Never throws: an error of ours is reported, and the message kept. */
    public Turn reply(ChatState state, String message) {
        String m = message == null ? "" : message;
        try {
            return handle(state, m);
        } catch (RuntimeException e) {
            return new Turn("Something went wrong on my side (" + e.getClass().getSimpleName() + "). Nothing"
                    + " changed, and I kept your message (/show lists it). Please try again, or say it differently.",
                    state.withUnapplied(Redactor.redactText(m.strip())));
        }
    }

    private Turn handle(ChatState s, String message) {
        String text = message.strip();
        if (text.startsWith("/") && !text.contains("\n")) {
            return command(s, text);
        }
        if (MANIFEST_LINE.matcher(message).find() && message.contains("kind:")) {
            return paste(s, message);
        }
        if (text.isEmpty()) {
            return enter(s);
        }
        return words(s, text);
    }

    // ------------------------------------------------------------------------------------------------ messages

    private Turn enter(ChatState s) {
        Question q = asking(s);
        if (q == null) {
            return new Turn(s.drafted() ? Replies.ANYTHING_ELSE : Replies.OPENING, s);
        }
        String kept = q.kept(resolved(s.requirements()));
        Map<String, Provenance> prov = new LinkedHashMap<>(s.provenance());
        RequirementsTree t = RequirementsTree.of(s.requirements());
        for (String f : q.fields) {
            if (!t.has(f)) {
                prov.put(f, Provenance.ASSUMED);
            }
        }
        ChatState next = s.withAccepted(q.name()).withRequirements(s.requirements(), prov);
        List<String> lines = new ArrayList<>();
        lines.add(kept);
        return advance(next, lines, false);
    }

    private Turn words(ChatState s, String text) {
        Question q = asking(s);
        List<Intent> intents = null;
        if (q != null) {
            Optional<Answers.Reading> reading = Answers.read(q, text, resolved(s.requirements()));
            if (reading.isPresent() && reading.get() instanceof Answers.Reading.Accept) {
                return enter(s);
            }
            if (reading.isPresent() && reading.get() instanceof Answers.Reading.Says says) {
                intents = says.intents();
            }
        }
        if (intents == null) {
            intents = Feedback.parse(text);
        }
        return apply(s, text, intents);
    }

    private Turn apply(ChatState s, String text, List<Intent> intents) {
        List<Intent> understood = Feedback.understood(intents);
        List<Intent.Unknown> unknown = Feedback.unknown(intents);
        List<String> lines = new ArrayList<>();
        RequirementsRefiner.Outcome out = RequirementsRefiner.refine(s.requirements(), understood);
        Requirements next = out.requirements();
        Map<String, Provenance> prov = new LinkedHashMap<>(s.provenance());
        List<String> said = new ArrayList<>();
        for (RequirementsRefiner.Change c : out.changes()) {
            c.fields().forEach(f -> prov.put(f, Provenance.STATED));
            said.add(c.description());
        }
        for (RequirementsRefiner.NotApplied n : out.notApplied()) {
            lines.add("I couldn't use \"" + n.intent().describe() + "\": " + n.reason() + ".");
        }
        boolean modelHelped = false;
        if (!unknown.isEmpty() && assistant.online()) {
            try {
                Optional<Requirements> extracted = assistant.extract(text, next);
                if (extracted.isPresent()) {
                    ModelCheck.Result check = ModelCheck.check(text, extracted.get(),
                            RequirementsRefiner.apply(Requirements.EMPTY, understood), next);
                    RequirementsTree t = RequirementsTree.of(next);
                    RequirementsTree accepted = RequirementsTree.of(check.accepted());
                    for (String f : check.fields()) {
                        t.set(f, accepted.get(f));
                        prov.put(f, Provenance.STATED);
                        said.add(f + " " + shown(accepted.get(f)) + " (read by " + assistant.name() + ")");
                    }
                    next = t.toRequirements();
                    check.rejected().forEach(r -> lines.add("Note: " + r + "."));
                    modelHelped = !check.fields().isEmpty();
                }
            } catch (AssistantException e) {
                lines.add("I couldn't ask the model (" + e.getMessage() + ").");
            }
        }
        List<String> problems = problems(next);
        if (!problems.isEmpty()) {
            return reject(s, text, "That doesn't fit: " + String.join("; ", problems) + ".");
        }
        ChatState ns = s.withRequirements(next, prov);
        boolean changed = !said.isEmpty();
        if (!unknown.isEmpty() && !modelHelped) {
            Turn viaModel = assistant.online() ? refineWithModel(ns, text, unknown, said, lines) : null;
            if (viaModel != null) {
                return viaModel;
            }
            List<String> words = unknown.stream().map(u -> Redactor.redactText(u.text())).toList();
            Question q = asking(ns);
            if (q != null && understood.isEmpty() && out.notApplied().isEmpty() && !assistant.online()
                    && !REQUEST.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                // an answer that does not fit the question: say so briefly and ask again
                ns = ns.withUnapplied(Redactor.redactText(text));
                return new Turn("I didn't get \"" + String.join(" ", words) + "\" (/help shows what I"
                        + " understand).\n" + q.text(resolved(ns.requirements())), ns);
            }
            lines.add(Replies.cantOffline(words, assistant.online()));
            ns = ns.withUnapplied(Redactor.redactText(text));
        }
        if (!said.isEmpty()) {
            lines.add(0, "Noted: " + String.join("; ", said) + ".");
        }
        if (said.isEmpty() && unknown.isEmpty() && out.notApplied().isEmpty() && !out.unchanged().isEmpty()) {
            lines.add("That's what I have already.");
            return finish(ns, s, lines);
        }
        if (said.isEmpty() && unknown.isEmpty() && out.notApplied().isEmpty()) {
            Question q = asking(ns);
            lines.add(q == null ? (ns.drafted() ? Replies.ANYTHING_ELSE : Replies.OPENING)
                    : "(Answer the question, or press Enter to keep " + q.defaultText(resolved(ns.requirements()))
                            + ".)");
            return new Turn(String.join("\n", lines), ns);
        }
        return advance(ns, lines, changed);
    }

    /** A message whose changes do not fit together: nothing changes, the message is kept, the question stays. */
    private Turn reject(ChatState s, String text, String why) {
        List<String> lines = new ArrayList<>();
        lines.add(why + " Nothing changed, and I kept your message (/show lists it). Tell me which value is right.");
        Question q = asking(s);
        if (q != null) {
            lines.add(q.text(resolved(s.requirements())));
        }
        return new Turn(String.join("\n", lines), s.withUnapplied(Redactor.redactText(text)));
    }

    /** Asks the model for a change the offline rules did not understand; null when it could not help. */
    private Turn refineWithModel(ChatState s, String text, List<Intent.Unknown> unknown, List<String> said,
            List<String> lines) {
        Optional<Refinement> r;
        try {
            r = assistant.refine(text, s.requirements(), s.draft() == null ? null : s.draft().yaml());
        } catch (AssistantException e) {
            lines.add("I couldn't ask the model (" + e.getMessage() + ").");
            return null;
        }
        if (r.isEmpty()) {
            return null;
        }
        if (r.get() instanceof Refinement.NewRequirements nr) {
            Requirements proposed = nr.requirements();
            try {
                READER.fromTree(RequirementsTree.of(proposed).root());
            } catch (RequirementsException e) {
                lines.add("The model proposed requirements that do not fit the format ("
                        + String.join("; ", e.problems()) + "); I left them out.");
                return null;
            }
            List<String> problems = problems(proposed);
            if (!problems.isEmpty()) {
                lines.add("The model proposed requirements that do not add up (" + String.join("; ", problems)
                        + "); I left them out.");
                return null;
            }
            Map<String, Provenance> prov = new LinkedHashMap<>(s.provenance());
            List<String> changedFields = changedFields(s.requirements(), proposed);
            changedFields.forEach(f -> prov.put(f, Provenance.STATED));
            said.add((nr.note() == null || nr.note().isBlank() ? "changed " + String.join(", ", changedFields)
                    : nr.note().strip()) + " (by " + assistant.name() + ")");
            lines.add(0, "Noted: " + String.join("; ", said) + ".");
            return advance(s.withRequirements(proposed, prov), lines, !changedFields.isEmpty());
        }
        Refinement.NewManifests nm = (Refinement.NewManifests) r.get();
        DraftResult result = drafts.review(null, nm.yaml(), workloadFile(s));
        DraftSnapshot snap = snapshot(result, DraftSnapshot.MODEL);
        if (!said.isEmpty()) {
            lines.add(0, "Noted: " + String.join("; ", said) + ".");
        }
        lines.add(assistant.name() + " changed the manifests" + (nm.note() == null || nm.note().isBlank() ? ""
                : ": " + nm.note().strip()) + ". A change to the requirements redrafts them.");
        List<String> diff = DraftChanges.between(loader, s.draft() == null ? null : s.draft().yaml(), snap.yaml());
        diff.forEach(d -> lines.add("  " + d));
        lines.addAll(snap.report());
        ChatState ns = s.withDraft(snap);
        return finish(ns, s, lines);
    }

    private Turn paste(ChatState s, String message) {
        String yaml = manifestPart(message);
        LoadedFile f = loader.load(new SourceText(WORKLOAD_FILE, yaml), false);
        Optional<Finding> error = f.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
        if (error.isPresent()) {
            return reject(s, message, "I couldn't read that YAML (line " + error.get().range().line() + ": "
                    + error.get().message() + "). In the terminal, a pasted manifest ends with an empty line.");
        }
        List<KubeObject> workloads = f.objects().stream()
                .filter(o -> o.kind().equals("Deployment") || o.kind().equals("StatefulSet")).toList();
        if (workloads.isEmpty()) {
            String kinds = f.objects().isEmpty() ? "no Kubernetes object"
                    : String.join(", ", f.objects().stream().map(o -> o.kind() + "/" + o.name()).toList());
            List<String> lines = new ArrayList<>();
            lines.add("I see " + kinds + " there, but no Deployment or StatefulSet. Paste the workload that should"
                    + " scale; I draft its autoscaler from what you tell me.");
            Question q = asking(s);
            if (q != null) {
                lines.add(q.text(resolved(s.requirements())));
            }
            return new Turn(String.join("\n", lines), s);
        }
        String wanted = s.requirements().workload() == null ? null : s.requirements().workload().name();
        KubeObject w = workloads.stream().filter(o -> o.name().equals(wanted)).findFirst().orElse(workloads.get(0));
        RequirementsTree t = RequirementsTree.of(s.requirements());
        Map<String, Provenance> prov = new LinkedHashMap<>(s.provenance());
        t.set("workload.name", w.name()).set("workload.kind", w.kind());
        prov.put("workload.name", Provenance.DERIVED);
        prov.put("workload.kind", Provenance.DERIVED);
        if (w.tree().path("metadata").hasNonNull("namespace")) {
            t.set("workload.namespace", w.namespace());
            prov.put("workload.namespace", Provenance.DERIVED);
        }
        List<String> containers = new ArrayList<>();
        var list = RequirementsTree.JSON.createArrayNode();
        for (JsonNode c : w.tree().path("spec").path("template").path("spec").path("containers")) {
            JsonNode req = c.path("resources").path("requests");
            var entry = list.addObject().put("name", c.path("name").asText("app"));
            String cpu = req.hasNonNull("cpu") ? req.get("cpu").asText() : null;
            String memory = req.hasNonNull("memory") ? req.get("memory").asText() : null;
            if (cpu != null) {
                entry.put("cpu", cpu);
            }
            if (memory != null) {
                entry.put("memory", memory);
            }
            containers.add(c.path("name").asText("app") + " requests " + (cpu == null && memory == null ? "nothing"
                    : (cpu == null ? "" : cpu + " CPU") + (cpu != null && memory != null ? " and " : "")
                            + (memory == null ? "" : memory + " memory")));
        }
        RequirementsTree withContainers = t.copy().set("workload.containers", list);
        try {
            READER.fromTree(withContainers.root());
            t = withContainers;
            prov.put("workload.containers", Provenance.DERIVED);
        } catch (RequirementsException e) {
            containers = List.of("requests I cannot read as Kubernetes quantities, so I left them out");
        }
        int replicas = w.tree().path("spec").path("replicas").asInt(0);
        boolean compare = replicas >= 1 && !t.has("preferences.compareWithReplicas");
        if (compare) {
            t.set("preferences.compareWithReplicas", replicas);
            prov.put("preferences.compareWithReplicas", Provenance.DERIVED);
        }
        String redacted = Redactor.redact(f);
        long removed = count(redacted, Redactor.REDACTED) - count(yaml, Redactor.REDACTED);
        List<String> lines = new ArrayList<>();
        lines.add("Read " + w.kind() + " " + w.namespace() + "/" + w.name() + ": " + String.join("; ", containers)
                + "." + (compare ? " It runs " + replicas + " replica" + (replicas == 1 ? "" : "s") + " today; the"
                        + " simulation compares with that." : "") + (removed > 0 ? " I removed " + removed
                        + " credential value" + (removed == 1 ? "" : "s") + " from what I keep." : "")
                + (workloads.size() > 1 ? " (It holds " + workloads.size() + " workloads; I took " + w.name()
                        + ". Say \"workload NAME\" for another.)" : ""));
        Requirements next = t.toRequirements();
        List<String> problems = problems(next);
        if (!problems.isEmpty()) {
            return reject(s, Redactor.redactText(yaml), "That workload doesn't fit what you told me: "
                    + String.join("; ", problems) + ".");
        }
        ChatState ns = s.withRequirements(next, prov).withWorkload(redacted);
        return advance(ns, lines, true);
    }

    /** From the first line that starts a manifest: "here it is:\napiVersion: …" keeps the YAML. */
    private static String manifestPart(String message) {
        var m = MANIFEST_LINE.matcher(message);
        return m.find() ? message.substring(m.start()) : message;
    }

    private static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------------ drafting

    static final String WORKLOAD_FILE = "workload.yaml";

    /** Drafts when the essentials are first known, or again after a change; then asks the next question. */
    private Turn advance(ChatState s, List<String> lines, boolean changed) {
        boolean essentials = java.util.Arrays.stream(Question.values()).filter(q -> q.essential)
                .allMatch(q -> q.answered(s));
        ChatState ns = s;
        if (essentials && !s.drafted() || s.drafted() && changed) {
            DraftResult result;
            try {
                result = drafts.draft(s.requirements(), workloadFile(s));
            } catch (RequirementsException e) {
                return reject(s, "", "I can't draft that: " + String.join("; ", e.problems()) + ".");
            }
            DraftSnapshot snap = snapshot(result, DraftSnapshot.DRAFTER);
            if (!s.drafted()) {
                lines.add("");
                lines.addAll(Replies.fullDraft(snap));
            } else {
                List<String> diff = DraftChanges.between(loader, s.draft() == null ? null : s.draft().yaml(),
                        snap.yaml());
                if (diff.isEmpty()) {
                    lines.add("The manifests stay as they are.");
                    if (!positionless(snap.report()).equals(positionless(s.draft().report()))) {
                        lines.addAll(snap.report());
                        lines.add("");
                    }
                } else {
                    lines.add("Updated the draft:");
                    diff.forEach(d -> lines.add("  " + d));
                    lines.addAll(snap.report());
                    lines.add("");
                }
            }
            ns = ns.withDraft(snap);
        }
        return finish(ns, s, lines);
    }

    /** The report without finding positions, which move whenever a comment above them grows or shrinks. */
    private static List<String> positionless(List<String> report) {
        return report.stream().map(l -> l.replaceFirst("^(\\s+\\S+?):\\d+:\\d+:", "$1:")).toList();
    }

    /** Asks the next question, or says the questions are done (once). */
    private Turn finish(ChatState ns, ChatState before, List<String> lines) {
        Question next = nextQuestion(ns);
        if (next != null) {
            if (ns.drafted() && !before.drafted()) {
                lines.add("");
            }
            lines.add(next.text(resolved(ns.requirements())));
            ns = ns.withAsking(next.name());
        } else {
            if (before.asking() != null || ns.drafted() && !before.drafted()) {
                lines.add(Replies.DONE);
            }
            ns = ns.withAsking(null);
        }
        return new Turn(String.join("\n", lines).strip(), ns);
    }

    private static Question nextQuestion(ChatState s) {
        Resolved r = resolved(s.requirements());
        for (Question q : Question.values()) {
            if (!q.answered(s) && q.applies(r)) {
                return q;
            }
        }
        return null;
    }

    private static Question asking(ChatState s) {
        if (s.asking() == null) {
            return null;
        }
        try {
            return Question.valueOf(s.asking());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The pasted workload, when it holds the workload the requirements name. */
    private LoadedFile workloadFile(ChatState s) {
        if (s.workload() == null) {
            return null;
        }
        LoadedFile f = loader.load(new SourceText(WORKLOAD_FILE, s.workload()), false);
        String name = s.requirements().workload() == null ? null : s.requirements().workload().name();
        boolean holds = f.objects().stream().anyMatch(o -> (o.kind().equals("Deployment")
                || o.kind().equals("StatefulSet")) && (name == null || o.name().equals(name)));
        return holds ? f : null;
    }

    private static DraftSnapshot snapshot(DraftResult result, String origin) {
        JsonNode json;
        try {
            json = JSON.readTree(DraftReport.json(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode sim = json.get("simulation");
        return new DraftSnapshot(result.yaml(), DraftReport.trailer(result), json.at("/review/findings"),
                json.at("/review/summary"), sim == null || sim.isNull() ? null : sim, origin);
    }

    static Resolved resolved(Requirements r) {
        try {
            return Resolver.resolve(r);
        } catch (RequirementsException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> problems(Requirements r) {
        try {
            Resolver.resolve(r);
            return List.of();
        } catch (RequirementsException e) {
            return e.problems();
        }
    }

    private static List<String> changedFields(Requirements before, Requirements after) {
        List<String> out = new ArrayList<>();
        diffFields(RequirementsTree.of(before).root(), RequirementsTree.of(after).root(), "", out);
        return out;
    }

    private static void diffFields(JsonNode a, JsonNode b, String prefix, List<String> out) {
        boolean objects = (a == null || a.isObject()) && (b == null || b.isObject()) && (a != null || b != null);
        if (objects) {
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            if (a != null) {
                a.fieldNames().forEachRemaining(keys::add);
            }
            if (b != null) {
                b.fieldNames().forEachRemaining(keys::add);
            }
            for (String k : keys) {
                diffFields(a == null ? null : a.get(k), b == null ? null : b.get(k), prefix.isEmpty() ? k
                        : prefix + "." + k, out);
            }
        } else if (a == null ? b != null : !a.equals(b)) {
            out.add(prefix);
        }
    }

    static String shown(JsonNode v) {
        if (v == null) {
            return "";
        }
        return v.isNumber() ? Question.num(v.asDouble()) : v.isTextual() ? v.asText() : v.toString();
    }

    // ------------------------------------------------------------------------------------------------ commands

    private Turn command(ChatState s, String text) {
        String[] parts = text.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        switch (name) {
            case "/help", "/?" -> {
                return new Turn(Replies.help(), s);
            }
            case "/show" -> {
                return new Turn(show(s), s);
            }
            case "/draft" -> {
                return draftNow(s);
            }
            case "/save" -> {
                if (arg.isEmpty()) {
                    return new Turn("Say where: /save FILE (for example /save checkout-autoscaling.yaml).", s);
                }
                if (s.draft() == null) {
                    return new Turn("There is nothing to save yet. /draft drafts now with what I know.", s);
                }
                return new Turn("", s, new Effect.Save(arg, s.draft().file()));
            }
            case "/reset" -> {
                return new Turn("Starting over.\n" + Replies.OPENING, ChatState.initial());
            }
            case "/quit", "/exit", "/bye" -> {
                return new Turn("Bye.", s, Effect.QUIT);
            }
            default -> {
                return new Turn("I don't know " + name + ". " + Replies.COMMANDS, s);
            }
        }
    }

    private Turn draftNow(ChatState s) {
        if (s.draft() != null) {
            List<String> lines = new ArrayList<>(Replies.fullDraft(s.draft()));
            Question q = asking(s);
            if (q != null) {
                lines.add("");
                lines.add(q.text(resolved(s.requirements())));
            }
            return new Turn(String.join("\n", lines), s);
        }
        DraftResult result;
        try {
            result = drafts.draft(s.requirements(), workloadFile(s));
        } catch (RequirementsException e) {
            return new Turn("I can't draft yet: " + String.join("; ", e.problems()) + ".", s);
        }
        List<String> lines = new ArrayList<>(Replies.fullDraft(snapshot(result, DraftSnapshot.DRAFTER)));
        return finish(s.withDraft(snapshot(result, DraftSnapshot.DRAFTER)), s, lines);
    }

    private String show(ChatState s) {
        List<String> lines = new ArrayList<>();
        Resolved r = resolved(s.requirements());
        RequirementsTree t = RequirementsTree.of(s.requirements());
        lines.add("What I know (you said it, I read it from your manifest, or it is assumed):");
        if (r != null) {
            Map<String, Assumption> assumed = new LinkedHashMap<>();
            r.assumptions().forEach(a -> assumed.put(a.field(), a));
            for (Map.Entry<String, Resolved.Origin> e : r.origins().entrySet()) {
                String field = e.getKey();
                Provenance p = s.provenance().get(field);
                if (e.getValue() == Resolved.Origin.STATED) {
                    lines.add("  " + field + ": " + shown(t.get(field)) + (p == Provenance.DERIVED
                            ? " (from your manifest)" : " (you said)"));
                } else if (assumed.containsKey(field)) {
                    Assumption a = assumed.get(field);
                    lines.add("  " + field + ": " + a.value() + (p == Provenance.ASSUMED ? " (default you kept: "
                            : " (assumed: ") + a.reason() + ")");
                }
            }
        }
        if (s.workload() != null) {
            lines.add("Workload manifest: pasted (credentials removed); the review checks the draft against it.");
        }
        if (s.draft() != null) {
            List<String> objects = new ArrayList<>();
            var m = Pattern.compile("(?m)^kind: (\\S+)\n(?:.*\n)*?  name: (\\S+)").matcher(s.draft().yaml());
            while (m.find()) {
                objects.add(m.group(1) + "/" + m.group(2));
            }
            lines.add("Draft: " + String.join(", ", objects) + (s.draft().origin().equals(DraftSnapshot.MODEL)
                    ? " (edited by the model)" : "") + "; " + s.draft().report().get(0).replace("Review: ", "review: ")
                    + ". /draft prints it.");
        } else {
            lines.add("No draft yet. /draft drafts now with what I know.");
        }
        Question q = asking(s);
        if (q != null) {
            lines.add("Waiting for: " + q.text(r));
        }
        if (!s.unapplied().isEmpty()) {
            lines.add("Not applied (kept so nothing is lost):");
            s.unapplied().forEach(u -> lines.add("  - " + firstLine(u)));
        }
        return String.join("\n", lines);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " …";
    }
}
