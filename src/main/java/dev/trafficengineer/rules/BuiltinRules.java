package dev.trafficengineer.rules;

import dev.trafficengineer.rules.api.DeprecatedApiVersion;
import dev.trafficengineer.rules.api.HpaV1Limited;
import dev.trafficengineer.rules.api.RemovedApiVersion;
import java.util.List;

/** Every rule that checks objects, listed explicitly (no classpath scanning), in id order. */
public final class BuiltinRules {

    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                // keep-sorted start
                new DeprecatedApiVersion(),
                new HpaV1Limited(),
                new RemovedApiVersion()
                // keep-sorted end
        );
    }
}
