package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.Requirements;
import dev.trafficengineer.draft.refine.RequirementsTree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With a model configured: only what the offline rules leave over goes to it, and what it extracts is checked
 * against the user's words before it is used.
 */
class ModelSeamTest {

    private static Requirements req(String... pathsAndValues) {
        RequirementsTree t = RequirementsTree.of(Requirements.EMPTY);
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            String v = pathsAndValues[i + 1];
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                t.set(pathsAndValues[i], Double.parseDouble(v));
            } else {
                t.set(pathsAndValues[i], v);
            }
        }
        return t.toRequirements();
    }

    private static Turn say(FakeAssistant model, String... messages) {
        List<Turn> turns = ChatEngineTest.play(ChatEngine.standard(model), messages);
        return turns.get(turns.size() - 1);
    }

    @Test
    void whatTheRulesUnderstandNeverReachesTheModel() {
        FakeAssistant model = new FakeAssistant();
        say(model, "our API does 800 rps at peak");
        assertThat(model.asked).isEmpty();
    }

    @Test
    void aValueTheMessageStatesIsUsed() {
        FakeAssistant model = new FakeAssistant();
        model.extraction = req("workload.name", "ledger", "traffic.peak", "1500");
        Turn t = say(model, "the ledger thing sees one and a half thousand, 1500 at the very top");
        assertThat(t.state().requirements().workload().name()).isEqualTo("ledger");
        assertThat(t.state().requirements().traffic().peak()).isEqualTo(1500.0);
        assertThat(t.reply()).contains("workload.name ledger (read by the model)");
    }

    @Test
    void aNumberTheMessageDoesNotStateIsDropped() {
        FakeAssistant model = new FakeAssistant();
        model.extraction = req("traffic.peak", "900", "workload.name", "orders");
        Turn t = say(model, "the thing for orders is quite busy");
        assertThat(t.state().requirements().traffic()).isNull();
        assertThat(t.state().requirements().workload().name()).isEqualTo("orders");
        assertThat(t.reply()).contains("Note: the model read traffic.peak = 900, but your message does not say 900,"
                + " so I left it out.");
    }

    @Test
    void aNameTheMessageDoesNotMentionIsDropped() {
        FakeAssistant model = new FakeAssistant();
        model.extraction = req("source.kafka.topic", "payments");
        Turn t = say(model, "it eats whatever the billing folks publish");
        assertThat(t.state().requirements().source()).isNull();
        assertThat(t.reply()).contains("your message does not mention `payments`");
    }

    @Test
    void theOfflineReadingWinsWhereTheyDisagree() {
        FakeAssistant model = new FakeAssistant();
        model.extraction = req("bounds.max", "12", "workload.name", "frobber");
        Turn t = say(model, "max 20 replicas for the frobber, with some extra sauce");
        assertThat(t.state().requirements().bounds().max()).isEqualTo(20);
        assertThat(t.reply()).contains("the model read bounds.max = 12, I read 20; I kept mine");
    }

    @Test
    void aModelRefinementOfTheRequirementsIsDraftedLikeAnyOther() {
        FakeAssistant model = new FakeAssistant();
        Turn start = say(model, "our API does 800 rps at peak", "", "");
        model.refinement = new Refinement.NewRequirements(RequirementsTree.of(start.state().requirements())
                .set("bounds.max", 25).toRequirements(), "capped the replicas for the shared node pool");
        Turn t = ChatEngine.standard(model).reply(start.state(), "respect the shared node pool");
        assertThat(t.reply()).startsWith("Noted: capped the replicas for the shared node pool (by the model).")
                .contains("spec.maxReplicas 29 → 25");
        assertThat(t.state().provenance()).containsEntry("bounds.max", Provenance.STATED);
    }

    @Test
    void modelManifestsAreReviewedAndMarked() {
        FakeAssistant model = new FakeAssistant();
        Turn start = say(model, "our API does 800 rps at peak", "", "");
        String edited = start.state().draft().yaml().replace("  namespace: default\n",
                "  namespace: default\n  labels:\n    team: payments\n");
        model.refinement = new Refinement.NewManifests(edited, "added the team label");
        Turn t = ChatEngine.standard(model).reply(start.state(), "label it with team payments");
        assertThat(t.reply()).contains("the model changed the manifests: added the team label.")
                .contains("metadata.labels {\"team\":\"payments\"} (new)").contains("Review: 0 errors");
        assertThat(t.state().draft().origin()).isEqualTo(DraftSnapshot.MODEL);
    }

    @Test
    void aModelThatFailsIsReportedAndTheMessageKept() {
        FakeAssistant model = new FakeAssistant();
        model.failure = new AssistantException("timed out after 30 s");
        Turn t = say(model, "our API does 800 rps at peak", "", "", "make it sparkle");
        assertThat(t.reply()).contains("I couldn't ask the model (timed out after 30 s).")
                .contains("Neither I nor the model could do that: \"make it sparkle\"");
        assertThat(t.state().unapplied()).containsExactly("make it sparkle");
    }

    @Test
    void aModelReadingThatDoesNotFitTheFormatIsIgnored() {
        Requirements bad = RequirementsTree.of(Requirements.EMPTY).set("bounds.max", -3).toRequirements();
        ModelCheck.Result r = ModelCheck.check("max -3", bad, Requirements.EMPTY, Requirements.EMPTY);
        assertThat(r.fields()).isEmpty();
        assertThat(r.rejected()).singleElement().satisfies(s -> assertThat(s).startsWith("the model's reading does"
                + " not fit the requirements format"));
    }

    @Test
    void unitsAndHoursCountAsEvidence() {
        Requirements model = req("slo.latencyMs", "2000", "traffic.rampSeconds", "600");
        ModelCheck.Result r = ModelCheck.check("p95 within 2 s, climbs in 10 minutes", model, Requirements.EMPTY,
                Requirements.EMPTY);
        assertThat(r.fields()).containsExactly("traffic.rampSeconds", "slo.latencyMs");
        RequirementsTree windows = RequirementsTree.of(Requirements.EMPTY);
        windows.addToArray("traffic.idleWindows", "22:00-06:00");
        assertThat(ModelCheck.check("nothing from 10pm to 6am", windows.toRequirements(), Requirements.EMPTY,
                Requirements.EMPTY).fields()).containsExactly("traffic.idleWindows");
        assertThat(ModelCheck.check("nothing at night", windows.toRequirements(), Requirements.EMPTY,
                Requirements.EMPTY).fields()).isEmpty();
    }
}
