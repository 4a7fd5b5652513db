package dev.trafficengineer.draft;

/** A drafted value and the sentence that says why it is that value. */
public record Reasoned<T>(T value, String why) {

    public static <T> Reasoned<T> of(T value, String why) {
        return new Reasoned<>(value, why);
    }
}
