package dev.trafficengineer.chat;

import dev.trafficengineer.draft.Requirements;
import java.util.Optional;

/**
 * A language model's help with what the offline rules do not understand. The conversation always reads a message
 * offline first ({@link dev.trafficengineer.draft.refine.Feedback}); only what is left over goes to the model, and
 * what the model extracts is checked against the user's own words before it is used ({@link ModelCheck}): the
 * model never states a number or a name the user did not write.
 *
 * <p>{@link #NONE} is the default: no model, so everything is understood offline or honestly declined. The LLM
 * layer provides the implementation that calls a model with the extract and refine prompts.
 */
public interface Assistant {

    /** For messages: "offline", or the model's name. */
    String name();

    /** False for {@link #NONE}: nothing is sent anywhere. */
    boolean online();

    /**
     * The requirements {@code text} states, as requirements with only those fields set (the rest null); empty when
     * the text states none. {@code known} is what the conversation knows so far, for context.
     */
    Optional<Requirements> extract(String text, Requirements known) throws AssistantException;

    /**
     * A change the user asked for that the offline rules do not understand ("add a label team=payments"), given the
     * current requirements and manifests; empty when the model cannot make it.
     */
    Optional<Refinement> refine(String request, Requirements current, String manifests) throws AssistantException;

    /** No model: the offline default. */
    Assistant NONE = new Assistant() {
        @Override
        public String name() {
            return "offline";
        }

        @Override
        public boolean online() {
            return false;
        }

        @Override
        public Optional<Requirements> extract(String text, Requirements known) {
            return Optional.empty();
        }

        @Override
        public Optional<Refinement> refine(String request, Requirements current, String manifests) {
            return Optional.empty();
        }
    };
}
