package dev.trafficengineer.rules;

import dev.trafficengineer.rules.api.DeprecatedApiVersion;
import dev.trafficengineer.rules.api.HpaV1Limited;
import dev.trafficengineer.rules.api.RemovedApiVersion;
import dev.trafficengineer.rules.hpa.HpaInvalid;
import dev.trafficengineer.rules.schema.SchemaRule;
import java.util.List;

/** Every rule that checks objects, listed explicitly (no classpath scanning), in id order. */
public final class BuiltinRules {

    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                // keep-sorted start
                new DeprecatedApiVersion(),
                new HpaInvalid(),
                new HpaV1Limited(),
                new RemovedApiVersion(),
                new SchemaRule()
                // keep-sorted end
        );
    }
}
