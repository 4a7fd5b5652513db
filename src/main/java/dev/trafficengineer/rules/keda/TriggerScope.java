package dev.trafficengineer.rules.keda;

import dev.trafficengineer.finding.Fix;
import dev.trafficengineer.manifest.KubeObject;
import dev.trafficengineer.source.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scaler check sees of one trigger: its metadata, where its other parameters may come from, and the object
 * that holds it. Checks add {@link Problem}s; they only report what is certain from the reviewed files.
 */
final class TriggerScope {

    final KubeObject owner;
    /** The ScaledObject, or null when the trigger belongs to a ScaledJob. */
    final ScaledObjectView scaledObject;
    final Trigger trigger;
    final AuthLookup auth;
    final ScalerSpec spec;
    private final List<Problem> problems = new ArrayList<>();

    TriggerScope(KubeObject owner, ScaledObjectView scaledObject, Trigger trigger, AuthLookup auth, ScalerSpec spec) {
        this.owner = owner;
        this.scaledObject = scaledObject;
        this.trigger = trigger;
        this.auth = auth;
        this.spec = spec;
    }

    List<Problem> problems() {
        return problems;
    }

    /** The metadata value (trimmed, null when absent or blank). */
    String meta(String key) {
        return trigger.value(key);
    }

    /** Whether any source may provide the parameter: metadata, {@code <name>FromEnv}, or the authentication. */
    boolean maybe(String name) {
        Param p = spec.param(name);
        if (p == null) {
            return trigger.has(name);
        }
        for (Param.Source s : p.order()) {
            boolean given = switch (s) {
                case METADATA -> trigger.has(name);
                case ENV -> trigger.has(name + "FromEnv");
                case AUTH -> auth.mayProvide(name);
            };
            if (given) {
                return true;
            }
        }
        return false;
    }

    boolean absent(String name) {
        return !maybe(name);
    }

    /**
     * The value KEDA will use when it is certain: the metadata value when metadata is the first source, else the
     * default when no source may provide one; null when unknown or unset.
     */
    String known(String name) {
        Param p = spec.param(name);
        if (p == null) {
            return meta(name);
        }
        if (p.order().get(0) == Param.Source.METADATA && trigger.has(name)) {
            return meta(name);
        }
        return absent(name) ? p.defaultValue() : null;
    }

    /** A boolean parameter's value when certain, else null. */
    Boolean knownBool(String name) {
        String v = known(name);
        return v == null ? null : GoValues.parseBool(v);
    }

    boolean isTrue(String name) {
        return Boolean.TRUE.equals(knownBool(name));
    }

    JsonPointer at(String key) {
        return trigger.has(key) ? trigger.metadataAt(key) : trigger.at().child("metadata");
    }

    void add(Problem.Kind kind, String key, String message) {
        problems.add(new Problem(kind, at(key), message, null));
    }

    void add(Problem.Kind kind, String key, String message, Fix fix) {
        problems.add(new Problem(kind, at(key), message, fix));
    }

    /** Whether the ScaledObject computes its target from scalingModifiers, which lets some scalers omit theirs. */
    boolean usesModifiers() {
        return scaledObject != null && scaledObject.usesModifiers();
    }
}
