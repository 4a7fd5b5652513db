package dev.trafficengineer.manifest;

import dev.trafficengineer.source.JsonPointer;
import dev.trafficengineer.source.SourceRange;

/**
 * Where a JSON pointer lands in the source. {@code key} is the mapping key's range (null for sequence items and the
 * document root); {@code value} the value's range. When the pointer does not exist, {@code pointer} is the deepest
 * ancestor that does, and {@code exact} is false.
 */
public record Located(JsonPointer pointer, SourceRange key, SourceRange value, boolean exact, boolean scalar) {

    /** The range a finding about this field shows: the key for a field, the value for a scalar value. */
    public SourceRange preferred(boolean atKey) {
        if (key != null && (atKey || !scalar || !exact)) {
            return key;
        }
        return value;
    }
}
