package dev.trafficengineer.rules.behavior;

import dev.trafficengineer.source.JsonPointer;

/**
 * A change that resolves a {@link BehaviorProblem}, as data: the caller turns it into text edits on its own file
 * ({@link BehaviorFindings} does it for any object whose behavior sits at a known pointer). Pointers are relative
 * to the behavior object, like the problem's.
 */
public sealed interface FixHint permits FixHint.SetValue, FixHint.RemoveItem {

    /** What the fix does, in the imperative ("Set the scale-down stabilization window to 300 s"). */
    String description();

    /** True when the change keeps what the author evidently meant; false when it changes how scaling behaves. */
    boolean safe();

    /** Set the scalar at {@code field} to {@code yaml}, adding the field (and its parents) when it is missing. */
    record SetValue(JsonPointer field, String yaml, String description, boolean safe) implements FixHint {}

    /** Remove the list item at {@code item}, e.g. a policy that never takes effect. */
    record RemoveItem(JsonPointer item, String description, boolean safe) implements FixHint {}
}
