package dev.trafficengineer.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state as JSON: a faithful round trip, and untrusted input checked part by part. */
class ChatStateJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChatState conversation() {
        List<Turn> turns = ChatEngineTest.play(ChatEngine.standard(Assistant.NONE), "our API does 800 rps at peak",
                "", "", "max 20 replicas", "add a PodDisruptionBudget");
        return turns.get(turns.size() - 1).state();
    }

    @Test
    void aStateRoundTrips() throws Exception {
        ChatState s = conversation();
        assertThat(ChatStateJson.read(ChatStateJson.write(s))).isEqualTo(s);
        assertThat(ChatStateJson.read(ChatStateJson.write(ChatState.initial()))).isEqualTo(ChatState.initial());
    }

    private static ObjectNode tree() {
        return (ObjectNode) ChatStateJson.tree(conversation());
    }

    private static void rejects(ObjectNode state, String message) {
        assertThatThrownBy(() -> ChatStateJson.read(state.toString()))
                .isInstanceOf(ChatStateJson.InvalidStateException.class).hasMessageContaining(message);
    }

    @Test
    void badStatesAreRejectedWithAReason() throws Exception {
        assertThatThrownBy(() -> ChatStateJson.read("{not json")).hasMessageStartingWith("the state is not JSON");
        assertThatThrownBy(() -> ChatStateJson.read("[]")).hasMessage("the state must be a JSON object");
        rejects((ObjectNode) tree().put("version", 2), "this server reads version 1");
        ObjectNode badBounds = tree();
        ((ObjectNode) badBounds.with("requirements").with("bounds")).put("max", -1);
        rejects(badBounds, "the state's requirements are invalid");
        ObjectNode unknownField = tree();
        unknownField.with("requirements").put("color", "blue");
        rejects(unknownField, "the state's requirements are invalid");
        rejects((ObjectNode) tree().put("asking", "FAVOURITE_COLOUR"), "unknown question: FAVOURITE_COLOUR");
        ObjectNode prov = tree();
        prov.with("provenance").put("traffic.peak", "GUESSED");
        rejects(prov, "is not one of STATED, DERIVED, ASSUMED");
        ObjectNode field = tree();
        field.with("provenance").put("../../etc", "STATED");
        rejects(field, "names an unknown field");
        ObjectNode draft = tree();
        draft.with("draft").put("findings", "none");
        rejects(draft, "needs findings");
        rejects((ObjectNode) tree().put("workload", "x".repeat(ChatStateJson.MAX_TEXT + 1)),
                "the state's workload must be a string");
        ObjectNode unapplied = tree();
        unapplied.putArray("unapplied").add(1).add(2);
        rejects(unapplied, "unapplied messages must be strings");
    }

    @Test
    void aMissingPartMeansEmpty() throws Exception {
        ChatState s = ChatStateJson.read(JSON.createObjectNode().put("version", 1).toString());
        assertThat(s).isEqualTo(ChatState.initial());
    }
}
