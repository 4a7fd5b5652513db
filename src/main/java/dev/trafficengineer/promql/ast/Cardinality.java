package dev.trafficengineer.promql.ast;

/** How series on the two sides of a vector binary operation pair up. */
public enum Cardinality {
    ONE_TO_ONE,
    /** {@code group_left}. */
    MANY_TO_ONE,
    /** {@code group_right}. */
    ONE_TO_MANY,
    /** Set operators ({@code and}, {@code or}, {@code unless}). */
    MANY_TO_MANY
}
