package dev.trafficengineer.rules;

import dev.trafficengineer.rules.api.DeprecatedApiVersion;
import dev.trafficengineer.rules.api.HpaV1Limited;
import dev.trafficengineer.rules.api.RemovedApiVersion;
import dev.trafficengineer.rules.hpa.HpaDuplicateTarget;
import dev.trafficengineer.rules.hpa.HpaInvalid;
import dev.trafficengineer.rules.hpa.HpaKedaConflict;
import dev.trafficengineer.rules.hpa.HpaMemoryUtilization;
import dev.trafficengineer.rules.hpa.HpaMetricContainer;
import dev.trafficengineer.rules.hpa.HpaMinEqualsMax;
import dev.trafficengineer.rules.hpa.HpaMinReplicasOne;
import dev.trafficengineer.rules.hpa.HpaMissingRequest;
import dev.trafficengineer.rules.hpa.HpaObjectTarget;
import dev.trafficengineer.rules.hpa.HpaPdbBlocksEviction;
import dev.trafficengineer.rules.hpa.HpaPolicyNeverBinds;
import dev.trafficengineer.rules.hpa.HpaScaleDownDisabled;
import dev.trafficengineer.rules.hpa.HpaScaleDownUnstabilized;
import dev.trafficengineer.rules.hpa.HpaScaleUpDisabled;
import dev.trafficengineer.rules.hpa.HpaScaleUpSlow;
import dev.trafficengineer.rules.hpa.HpaTargetApiGroup;
import dev.trafficengineer.rules.hpa.HpaTargetKind;
import dev.trafficengineer.rules.hpa.HpaTargetNotFound;
import dev.trafficengineer.rules.hpa.HpaTargetReplicas;
import dev.trafficengineer.rules.hpa.HpaTargetTypeIgnored;
import dev.trafficengineer.rules.hpa.HpaTargetUnreachable;
import dev.trafficengineer.rules.hpa.HpaTargetValueUnits;
import dev.trafficengineer.rules.hpa.HpaTargetVersionStale;
import dev.trafficengineer.rules.hpa.HpaToleranceIgnored;
import dev.trafficengineer.rules.hpa.HpaToleranceInsensitive;
import dev.trafficengineer.rules.hpa.HpaUtilizationBand;
import dev.trafficengineer.rules.schema.SchemaRule;
import java.util.List;

/** Every rule that checks objects, listed explicitly (no classpath scanning), in id order. */
public final class BuiltinRules {

    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                // keep-sorted start
                new DeprecatedApiVersion(),
                new HpaDuplicateTarget(),
                new HpaInvalid(),
                new HpaKedaConflict(),
                new HpaMemoryUtilization(),
                new HpaMetricContainer(),
                new HpaMinEqualsMax(),
                new HpaMinReplicasOne(),
                new HpaMissingRequest(),
                new HpaObjectTarget(),
                new HpaPdbBlocksEviction(),
                new HpaPolicyNeverBinds(),
                new HpaScaleDownDisabled(),
                new HpaScaleDownUnstabilized(),
                new HpaScaleUpDisabled(),
                new HpaScaleUpSlow(),
                new HpaTargetApiGroup(),
                new HpaTargetKind(),
                new HpaTargetNotFound(),
                new HpaTargetReplicas(),
                new HpaTargetTypeIgnored(),
                new HpaTargetUnreachable(),
                new HpaTargetValueUnits(),
                new HpaTargetVersionStale(),
                new HpaToleranceIgnored(),
                new HpaToleranceInsensitive(),
                new HpaUtilizationBand(),
                new HpaV1Limited(),
                new RemovedApiVersion(),
                new SchemaRule()
                // keep-sorted end
        );
    }
}
