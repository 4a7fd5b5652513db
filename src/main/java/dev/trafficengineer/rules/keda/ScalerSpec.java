package dev.trafficengineer.rules.keda;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one trigger type reads: its parameters and the checks its scaler makes beyond parsing them.
 *
 * @param ignoredKeys metadata keys the scaler no longer reads, with why (reported as unknown keys)
 */
record ScalerSpec(String type, Map<String, Param> params, List<Check> checks, Map<String, String> ignoredKeys) {

    /** A scaler's own validation, run after the parameters are parsed. */
    @FunctionalInterface
    interface Check {
        void run(TriggerScope s);
    }

    static ScalerSpec of(String type, List<Param.Builder> params, List<Check> checks) {
        Map<String, Param> map = new LinkedHashMap<>();
        for (Param.Builder b : params) {
            Param p = b.build();
            map.put(p.name(), p);
        }
        return new ScalerSpec(type, Collections.unmodifiableMap(map), List.copyOf(checks), Map.of());
    }

    ScalerSpec ignoring(Map<String, String> keys) {
        return new ScalerSpec(type, params, checks, keys);
    }

    Param param(String name) {
        return params.get(name);
    }

    /** Whether the key is one this scaler reads from metadata, directly or as {@code <param>FromEnv}. */
    boolean knows(String key) {
        if (params.containsKey(key)) {
            return true;
        }
        if (key.endsWith("FromEnv")) {
            Param p = params.get(key.substring(0, key.length() - "FromEnv".length()));
            return p != null && p.order().contains(Param.Source.ENV);
        }
        return false;
    }
}
