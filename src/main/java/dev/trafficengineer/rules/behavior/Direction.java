package dev.trafficengineer.rules.behavior;

/** The two halves of an HPA behavior: {@code scaleUp} and {@code scaleDown}. */
public enum Direction {
    UP("scaleUp", "scale-up"),
    DOWN("scaleDown", "scale-down");

    private final String field;
    private final String words;

    Direction(String field, String words) {
        this.field = field;
        this.words = words;
    }

    /** The field under {@code behavior}: {@code scaleUp} or {@code scaleDown}. */
    public String field() {
        return field;
    }

    /** How messages name it: {@code scale-up} or {@code scale-down}. */
    public String words() {
        return words;
    }
}
