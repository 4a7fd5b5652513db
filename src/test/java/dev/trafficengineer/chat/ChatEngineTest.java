package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trafficengineer.draft.Requirements;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation, turn by turn, through the pure engine. */
class ChatEngineTest {

    private static final ChatEngine ENGINE = ChatEngine.standard(Assistant.NONE);

    /** Plays messages from the start and returns every turn. */
    static List<Turn> play(ChatEngine engine, String... messages) {
        List<Turn> turns = new ArrayList<>();
        Turn t = engine.start();
        turns.add(t);
        for (String m : messages) {
            t = engine.reply(t.state(), m);
            turns.add(t);
        }
        return turns;
    }

    private static Turn last(String... messages) {
        List<Turn> turns = play(ENGINE, messages);
        return turns.get(turns.size() - 1);
    }

    @Test
    void theGreetingAsksAboutTheWorkload() {
        Turn t = ENGINE.start();
        assertThat(t.reply()).contains("Tell me about the workload").contains("/help");
        assertThat(t.state()).isEqualTo(ChatState.initial());
    }

    @Test
    void theFirstSentenceIsUnderstoodAndTheNextQuestionAsked() {
        Turn t = last("our API does 800 rps at peak");
        assertThat(t.reply()).startsWith("Noted: it is an HTTP API; peak traffic is 800 rps.\nWhich workload should"
                + " scale?").endsWith("(Enter: app in namespace default)");
        assertThat(t.state().requirements().traffic().peak()).isEqualTo(800.0);
        assertThat(t.state().provenance()).containsEntry("traffic.peak", Provenance.STATED)
                .containsEntry("workload.type", Provenance.STATED);
        assertThat(t.state().asking()).isEqualTo("WORKLOAD");
        assertThat(t.state().draft()).isNull();
    }

    @Test
    void enterKeepsTheDefaultAndTheEssentialsBringADraft() {
        Turn t = last("our API does 800 rps at peak", "", "");
        assertThat(t.state().accepted()).containsExactly("WORKLOAD", "PER_POD");
        assertThat(t.state().provenance()).containsEntry("workload.name", Provenance.ASSUMED)
                .containsEntry("capacity.perPod", Provenance.ASSUMED);
        assertThat(t.reply()).startsWith("Keeping 50 rps.\n\nHere is the draft.")
                .contains("kind: HorizontalPodAutoscaler", "Review: 0 errors", "Simulation of hpa/app")
                .endsWith("(Enter: 160 rps, a fifth of the peak)");
        assertThat(t.state().drafted()).isTrue();
        assertThat(t.state().draft().yaml()).contains("maxReplicas: 29");
        assertThat(t.state().draft().findings()).allSatisfy(f -> assertThat(f.path("severity").asText())
                .isEqualTo("info"));
        assertThat(t.state().draft().simulation().at("/run/peakReplicas").asInt()).isPositive();
    }

    @Test
    void shortAnswersFitTheQuestion() {
        Turn t = last("our API does 800 rps at peak", "checkout in shop", "80", "50", "250 ms", "yes", "45",
                "prometheus", "", "");
        Requirements r = t.state().requirements();
        assertThat(r.workload().name()).isEqualTo("checkout");
        assertThat(r.workload().namespace()).isEqualTo("shop");
        assertThat(r.capacity().perPod()).isEqualTo(80.0);
        assertThat(r.traffic().baseline()).isEqualTo(50.0);
        assertThat(r.slo().latencyMs()).isEqualTo(250);
        assertThat(r.bounds().scaleToZero()).isTrue();
        assertThat(r.capacity().startupSeconds()).isEqualTo(45);
        assertThat(r.source().type()).isEqualTo("prometheus-rate");
        assertThat(t.state().draft().yaml()).contains("kind: ScaledObject", "minReplicaCount: 0");
        assertThat(t.state().asking()).isNull();
        assertThat(t.reply()).endsWith("or /save FILE to write the manifests.");
    }

    @Test
    void feedbackShowsWhatChanged() {
        Turn t = last("our API does 800 rps at peak", "", "", "max 20 replicas");
        assertThat(t.reply()).startsWith("Noted: at most 20 replicas (was 29).\nUpdated the draft:\n"
                + "  HorizontalPodAutoscaler/app: spec.maxReplicas 29 → 20\nReview: 0 errors");
        assertThat(t.state().draft().yaml()).contains("maxReplicas: 20");
    }

    @Test
    void feedbackThatChangesNothingInTheManifestsSaysSo() {
        Turn t = last("our API does 800 rps at peak", "", "", "no cold starts");
        assertThat(t.reply()).startsWith("Noted: no cold starts: it never scales to zero.\nThe manifests stay as they"
                + " are.");
    }

    @Test
    void whatIsNotUnderstoodIsDeclinedHonestlyAndKept() {
        Turn t = last("our API does 800 rps at peak", "", "", "add a PodDisruptionBudget");
        assertThat(t.reply()).startsWith("I can't do that offline: \"add a PodDisruptionBudget\". Here is what I can"
                + " change:").contains("\"max 20 replicas\"");
        assertThat(t.state().unapplied()).containsExactly("add a PodDisruptionBudget");
    }

    @Test
    void anAnswerThatDoesNotFitIsAskedAgainBriefly() {
        Turn t = last("our API does 800 rps at peak", "", "lots");
        assertThat(t.reply()).isEqualTo("I didn't get \"lots\" (/help shows what I understand).\nHow many requests"
                + " per second can one pod handle while meeting its latency target? A load test tells best. (Enter:"
                + " 50 rps)");
        assertThat(t.state().unapplied()).containsExactly("lots");
    }

    @Test
    void aContradictionChangesNothingAndKeepsTheMessage() {
        List<Turn> turns = play(ENGINE, "our API does 800 rps at peak", "baseline 900 rps");
        Turn before = turns.get(1);
        Turn t = turns.get(2);
        assertThat(t.reply()).startsWith("That doesn't fit: traffic.baseline (900) is above traffic.peak (800)")
                .contains("Nothing changed, and I kept your message");
        assertThat(t.state().requirements()).isEqualTo(before.state().requirements());
        assertThat(t.state().unapplied()).containsExactly("baseline 900 rps");
    }

    @Test
    void credentialsTypedInFreeTextAreNeitherEchoedNorKept() {
        Turn t = last("our API does 800 rps at peak", "", "", "connect with password=hunter2 please");
        assertThat(t.reply()).doesNotContain("hunter2");
        assertThat(t.state().unapplied()).singleElement().satisfies(u -> assertThat(u).doesNotContain("hunter2")
                .contains("password=<redacted>"));
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: pricing
              namespace: shop
            spec:
              replicas: 4
              selector:
                matchLabels: {app: pricing}
              template:
                metadata:
                  labels: {app: pricing}
                spec:
                  containers:
                    - name: app
                      image: shop/pricing:2.4
                      env:
                        - name: API_TOKEN
                          value: tok_live_51HxYzAbCdEf
                      resources:
                        requests: {cpu: 250m, memory: 256Mi}
            """;

    @Test
    void aPastedDeploymentFillsInTheWorkloadWithoutItsCredentials() {
        Turn t = last(DEPLOYMENT);
        Requirements r = t.state().requirements();
        assertThat(r.workload().name()).isEqualTo("pricing");
        assertThat(r.workload().namespace()).isEqualTo("shop");
        assertThat(r.workload().kind()).isEqualTo("Deployment");
        assertThat(r.workload().containers()).containsExactly(new Requirements.Container("app", "250m", "256Mi"));
        assertThat(r.preferences().compareWithReplicas()).isEqualTo(4);
        assertThat(t.state().provenance()).containsEntry("workload.name", Provenance.DERIVED)
                .containsEntry("workload.containers", Provenance.DERIVED);
        assertThat(t.reply()).startsWith("Read Deployment shop/pricing: app requests 250m CPU and 256Mi memory. It"
                + " runs 4 replicas today; the simulation compares with that. I removed 1 credential value from what"
                + " I keep.").doesNotContain("tok_live");
        assertThat(t.state().workload()).contains("value: \"<redacted>\"").doesNotContain("tok_live");
        assertThat(t.state().asking()).isEqualTo("TYPE");
    }

    @Test
    void aDraftIsReviewedTogetherWithThePastedWorkload() {
        Turn t = last(DEPLOYMENT, "an API with 400 rps at peak", "40");
        // cross-object rules see the Deployment: its fixed replica count fights the autoscaler
        assertThat(t.state().draft().report().get(0)).isEqualTo("Review: 0 errors, 1 warning, 0 info in 2 files (2"
                + " objects)");
        assertThat(t.state().draft().report().get(1)).startsWith("  workload.yaml:7:3: warning hpa/target-replicas:");
        assertThat(t.state().draft().simulation().has("baseline")).isTrue();
    }

    @Test
    void aPasteThatDoesNotParseIsKeptAndExplained() {
        Turn t = last("apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n  password: hunter2");
        assertThat(t.reply()).startsWith("I couldn't read that YAML (line ");
        assertThat(t.state().workload()).isNull();
        assertThat(t.state().unapplied()).singleElement().satisfies(u -> assertThat(u).doesNotContain("hunter2"));
    }

    @Test
    void aPasteWithoutAWorkloadSaysWhatItHolds() {
        Turn t = last("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        assertThat(t.reply()).startsWith("I see ConfigMap/settings there, but no Deployment or StatefulSet.");
    }

    @Test
    void commands() {
        assertThat(last("/help").reply()).contains("Commands: /show");
        assertThat(last("/frobnicate").reply()).startsWith("I don't know /frobnicate.");
        assertThat(last("/save x.yaml").reply()).startsWith("There is nothing to save yet.");
        assertThat(last("/save").reply()).startsWith("Say where:");
        Turn save = last("our API does 800 rps at peak", "", "", "/save out.yaml");
        assertThat(save.effect()).isInstanceOfSatisfying(Effect.Save.class, s -> {
            assertThat(s.path()).isEqualTo("out.yaml");
            assertThat(s.content()).startsWith("# Drafted by traffic-engineer").contains("# Review: 0 errors");
        });
        assertThat(last("/quit").effect()).isEqualTo(Effect.QUIT);
        Turn reset = last("our API does 800 rps at peak", "/reset");
        assertThat(reset.state()).isEqualTo(ChatState.initial());
        assertThat(reset.reply()).startsWith("Starting over.");
    }

    @Test
    void draftDraftsEarlyWithDefaultsAndShowListsProvenance() {
        Turn drafted = last("peak 300 rps", "/draft");
        assertThat(drafted.reply()).startsWith("Here is the draft.").contains("maxReplicas: ");
        assertThat(drafted.state().drafted()).isTrue();
        Turn shown = last(DEPLOYMENT, "peak 300 rps", "/show");
        assertThat(shown.reply()).contains("  workload.name: pricing (from your manifest)",
                "  traffic.peak: 300 (you said)", "  capacity.perPod: 50 (assumed: no per-pod capacity was given");
        assertThat(shown.state()).isEqualTo(last(DEPLOYMENT, "peak 300 rps").state());
    }

    @Test
    void theEngineIsAFunctionOfStateAndMessage() {
        String[] messages = {"a kafka consumer called billing, 40 msgs/s at night, 600 at peak", "80", "",
                "the topic has 24 partitions", "SASL and TLS", "scale-down is too aggressive", "cheaper at night"};
        List<Turn> once = play(ENGINE, messages);
        List<Turn> twice = play(ChatEngine.standard(Assistant.NONE), messages);
        assertThat(twice).extracting(Turn::reply).isEqualTo(once.stream().map(Turn::reply).toList());
        // and a state that went through JSON (as over HTTP) answers the same
        Turn t = ENGINE.start();
        for (int i = 0; i < messages.length; i++) {
            ChatState carried;
            try {
                carried = ChatStateJson.read(ChatStateJson.write(t.state()));
            } catch (ChatStateJson.InvalidStateException e) {
                throw new AssertionError(e);
            }
            t = ENGINE.reply(carried, messages[i]);
            assertThat(t.reply()).isEqualTo(once.get(i + 1).reply());
        }
    }

    @Test
    void anErrorOfOursLosesNothing() {
        Assistant broken = new FakeAssistant() {
            @Override
            public java.util.Optional<Requirements> extract(String text, Requirements known) {
                throw new IllegalStateException("boom");
            }
        };
        ChatEngine engine = ChatEngine.standard(broken);
        Turn t = play(engine, "something else entirely").get(1);
        assertThat(t.reply()).startsWith("Something went wrong on my side (IllegalStateException). Nothing changed,"
                + " and I kept your message");
        assertThat(t.state().unapplied()).containsExactly("something else entirely");
    }
}
