package dev.trafficengineer.draft;

import java.util.List;

/** Requirements that cannot be used: each problem names the file, line and column, and what to write instead. */
public final class RequirementsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public RequirementsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
