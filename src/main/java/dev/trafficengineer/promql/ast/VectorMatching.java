package dev.trafficengineer.promql.ast;

import java.util.List;

/**
 * The matching clause of a binary operation: {@code on(labels)} ({@code on == true}) or {@code ignoring(labels)},
 * {@code group_left/right(include)}, and the option-gated fill values ({@code fillLeft}/{@code fillRight}, null
 * when absent). Set operators have {@link Cardinality#MANY_TO_MANY}, as upstream sets them.
 */
public record VectorMatching(
        Cardinality cardinality,
        List<String> labels,
        boolean on,
        List<String> include,
        Double fillLeft,
        Double fillRight) {

    /** No clause written: one-to-one matching on all labels. */
    public static final VectorMatching DEFAULT =
            new VectorMatching(Cardinality.ONE_TO_ONE, List.of(), false, List.of(), null, null);

    public VectorMatching {
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }

    public boolean hasFill() {
        return fillLeft != null || fillRight != null;
    }
}
