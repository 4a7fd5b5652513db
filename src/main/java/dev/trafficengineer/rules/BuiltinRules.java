package dev.trafficengineer.rules;

import dev.trafficengineer.rules.api.DeprecatedApiVersion;
import dev.trafficengineer.rules.api.HpaV1Limited;
import dev.trafficengineer.rules.api.RemovedApiVersion;
import dev.trafficengineer.rules.hpa.HpaInvalid;
import dev.trafficengineer.rules.keda.ActivationHasNoEffect;
import dev.trafficengineer.rules.keda.ActivationThresholdMisfit;
import dev.trafficengineer.rules.keda.AdmissionCachedMetricsUnsupported;
import dev.trafficengineer.rules.keda.AdmissionCpuMemoryMissingRequests;
import dev.trafficengineer.rules.keda.AdmissionCpuMemoryScaleToZero;
import dev.trafficengineer.rules.keda.AdmissionDuplicateTriggerName;
import dev.trafficengineer.rules.keda.AdmissionFallbackInvalid;
import dev.trafficengineer.rules.keda.AdmissionIdleNotBelowMin;
import dev.trafficengineer.rules.keda.AdmissionMetadataNotString;
import dev.trafficengineer.rules.keda.AdmissionMinAboveMax;
import dev.trafficengineer.rules.keda.AdmissionNameTooLong;
import dev.trafficengineer.rules.keda.AdmissionOauth2Invalid;
import dev.trafficengineer.rules.keda.AdmissionPodIdentityInvalid;
import dev.trafficengineer.rules.keda.AdmissionScaledObjectConflict;
import dev.trafficengineer.rules.keda.AdmissionScalingModifiersInvalid;
import dev.trafficengineer.rules.keda.AdmissionTargetHasHpa;
import dev.trafficengineer.rules.keda.AdmissionTargetUnresolvable;
import dev.trafficengineer.rules.keda.CredentialsInMetadata;
import dev.trafficengineer.rules.keda.CredentialsInTriggerAuthentication;
import dev.trafficengineer.rules.keda.CronDesiredAboveMax;
import dev.trafficengineer.rules.keda.FallbackPartialCoverage;
import dev.trafficengineer.rules.keda.IdleReplicaCountNotZero;
import dev.trafficengineer.rules.keda.IntervalNotUsed;
import dev.trafficengineer.rules.keda.KafkaReplicasAbovePartitions;
import dev.trafficengineer.rules.keda.KafkaSaslWithoutTls;
import dev.trafficengineer.rules.keda.MetadataKeyUnknown;
import dev.trafficengineer.rules.keda.MetadataParameterIgnored;
import dev.trafficengineer.rules.keda.OwnershipAnnotationMisplaced;
import dev.trafficengineer.rules.keda.PausedAnnotations;
import dev.trafficengineer.rules.keda.RuntimeAuthRefUnresolved;
import dev.trafficengineer.rules.keda.RuntimeConflictingParameters;
import dev.trafficengineer.rules.keda.RuntimeFilePathInvalid;
import dev.trafficengineer.rules.keda.RuntimeInvalidParameter;
import dev.trafficengineer.rules.keda.RuntimeMetricTypeInvalid;
import dev.trafficengineer.rules.keda.RuntimeMissingParameter;
import dev.trafficengineer.rules.keda.RuntimeRemovedParameter;
import dev.trafficengineer.rules.keda.RuntimeSecretKeyMissing;
import dev.trafficengineer.rules.keda.RuntimeTargetInvalid;
import dev.trafficengineer.rules.keda.RuntimeThresholdNotPositive;
import dev.trafficengineer.rules.keda.RuntimeUnknownTriggerType;
import dev.trafficengineer.rules.keda.ScaleToZeroColdStart;
import dev.trafficengineer.rules.keda.ScaleToZeroTiming;
import dev.trafficengineer.rules.keda.TargetNotFound;
import dev.trafficengineer.rules.keda.TargetSetsReplicas;
import dev.trafficengineer.rules.schema.SchemaRule;
import dev.trafficengineer.rules.vpa.AdmissionContainerPolicyInvalid;
import dev.trafficengineer.rules.vpa.AdmissionFeatureGateRequired;
import dev.trafficengineer.rules.vpa.AdmissionMinReplicasNotPositive;
import dev.trafficengineer.rules.vpa.AdmissionResourceBounds;
import dev.trafficengineer.rules.vpa.AdmissionTooManyRecommenders;
import dev.trafficengineer.rules.vpa.AdmissionUpdateModeMissing;
import dev.trafficengineer.rules.vpa.AutoModeDeprecated;
import dev.trafficengineer.rules.vpa.ConflictsWithHorizontalScaling;
import dev.trafficengineer.rules.vpa.InPlaceUnsupportedCluster;
import dev.trafficengineer.rules.vpa.MultipleVpasOneTarget;
import dev.trafficengineer.rules.vpa.RecreateSingleReplica;
import dev.trafficengineer.rules.vpa.VpaTargetRules;
import java.util.List;

/** Every rule that checks objects, listed explicitly (no classpath scanning), in id order. */
public final class BuiltinRules {

    private BuiltinRules() {}

    public static List<Rule> all() {
        return List.of(
                // keep-sorted start
                new ActivationHasNoEffect(),
                new ActivationThresholdMisfit(),
                new AdmissionCachedMetricsUnsupported(),
                new AdmissionContainerPolicyInvalid(),
                new AdmissionCpuMemoryMissingRequests(),
                new AdmissionCpuMemoryScaleToZero(),
                new AdmissionDuplicateTriggerName(),
                new AdmissionFallbackInvalid(),
                new AdmissionFeatureGateRequired(),
                new AdmissionIdleNotBelowMin(),
                new AdmissionMetadataNotString(),
                new AdmissionMinAboveMax(),
                new AdmissionMinReplicasNotPositive(),
                new AdmissionNameTooLong(),
                new AdmissionOauth2Invalid(),
                new AdmissionPodIdentityInvalid(),
                new AdmissionResourceBounds(),
                new AdmissionScaledObjectConflict(),
                new AdmissionScalingModifiersInvalid(),
                new AdmissionTargetHasHpa(),
                new AdmissionTargetUnresolvable(),
                new AdmissionTooManyRecommenders(),
                new AdmissionUpdateModeMissing(),
                new AutoModeDeprecated(),
                new ConflictsWithHorizontalScaling(),
                new CredentialsInMetadata(),
                new CredentialsInTriggerAuthentication(),
                new CronDesiredAboveMax(),
                new DeprecatedApiVersion(),
                new FallbackPartialCoverage(),
                new HpaInvalid(),
                new HpaV1Limited(),
                new IdleReplicaCountNotZero(),
                new InPlaceUnsupportedCluster(),
                new IntervalNotUsed(),
                new KafkaReplicasAbovePartitions(),
                new KafkaSaslWithoutTls(),
                new MetadataKeyUnknown(),
                new MetadataParameterIgnored(),
                new MultipleVpasOneTarget(),
                new OwnershipAnnotationMisplaced(),
                new PausedAnnotations(),
                new RecreateSingleReplica(),
                new RemovedApiVersion(),
                new RuntimeAuthRefUnresolved(),
                new RuntimeConflictingParameters(),
                new RuntimeFilePathInvalid(),
                new RuntimeInvalidParameter(),
                new RuntimeMetricTypeInvalid(),
                new RuntimeMissingParameter(),
                new RuntimeRemovedParameter(),
                new RuntimeSecretKeyMissing(),
                new RuntimeTargetInvalid(),
                new RuntimeThresholdNotPositive(),
                new RuntimeUnknownTriggerType(),
                new ScaleToZeroColdStart(),
                new ScaleToZeroTiming(),
                new SchemaRule(),
                new TargetNotFound(),
                new TargetSetsReplicas(),
                new VpaTargetRules()
                // keep-sorted end
        );
    }
}
