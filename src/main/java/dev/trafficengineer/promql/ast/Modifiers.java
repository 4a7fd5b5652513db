package dev.trafficengineer.promql.ast;

/**
 * What can follow a selector or subquery: {@code offset}, {@code @}, and the option-gated {@code anchored} or
 * {@code smoothed}. {@code offset} is null when absent; an offset that evaluates to zero at parse time is dropped,
 * as upstream does (so {@code foo offset 0s offset 1m} is accepted there too).
 */
public record Modifiers(DurationExpr offset, AtModifier at, boolean anchored, boolean smoothed) {

    public static final Modifiers NONE = new Modifiers(null, null, false, false);

    public Modifiers withOffset(DurationExpr o) {
        return new Modifiers(o, at, anchored, smoothed);
    }

    public Modifiers withAt(AtModifier a) {
        return new Modifiers(offset, a, anchored, smoothed);
    }

    public Modifiers withAnchored() {
        return new Modifiers(offset, at, true, smoothed);
    }

    public Modifiers withSmoothed() {
        return new Modifiers(offset, at, anchored, true);
    }

    public boolean isEmpty() {
        return offset == null && at == null && !anchored && !smoothed;
    }
}
