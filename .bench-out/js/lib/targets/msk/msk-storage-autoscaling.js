"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MskStorageAutoScaling = exports.MSK_MAX_VOLUME_SIZE_GIB = void 0;
const appautoscaling_policy_1 = require("@cdktf/provider-aws/lib/appautoscaling-policy");
const appautoscaling_target_1 = require("@cdktf/provider-aws/lib/appautoscaling-target");
const constructs_1 = require("constructs");
const errors_1 = require("../../model/errors");
/** MSK's largest EBS volume per broker, in GiB. */
exports.MSK_MAX_VOLUME_SIZE_GIB = 16384;
/** The MON-004 disk-usage warning threshold; the autoscaling target must stay below it. */
const MON_004_DISK_WARNING_PERCENT = 70;
/**
 * Storage autoscaling as CAP-004 spells it out: an `aws_appautoscaling_target` on
 * `kafka:broker-storage:VolumeSize` with a declared maximum, and a target-tracking policy on
 * `KafkaBrokerStorageUtilization` with scale-in disabled (MSK storage never shrinks). The
 * cluster must ignore changes to its volume size, which `MskCluster` does.
 * @see CAP-004
 */
class MskStorageAutoScaling extends constructs_1.Construct {
    target;
    policy;
    maxVolumeSizeGiB;
    targetUtilizationPercent;
    constructor(scope, id, props) {
        super(scope, id);
        const path = this.node.path;
        const max = props.maxVolumeSizeGiB ?? Math.min(exports.MSK_MAX_VOLUME_SIZE_GIB, props.volumeSizeGiB * 4);
        const target = props.targetUtilizationPercent ?? 60;
        if (!Number.isInteger(max) || max <= props.volumeSizeGiB || max > exports.MSK_MAX_VOLUME_SIZE_GIB) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-004', path, prop: 'storageAutoScaling.maxVolumeSizeGiB', found: max,
                expected: `an integer above the initial volume size (${props.volumeSizeGiB}) and at most ${exports.MSK_MAX_VOLUME_SIZE_GIB} GiB, so autoscaling has room to grow`,
                fix: `Set maxVolumeSizeGiB above ${props.volumeSizeGiB} and at most ${exports.MSK_MAX_VOLUME_SIZE_GIB} (or a smaller volumeSizeGiB).`,
            });
        }
        if (!Number.isFinite(target) || target < 10 || target >= MON_004_DISK_WARNING_PERCENT) {
            throw errors_1.KafkaIacError.invalidProp({
                code: 'CAP-004', path, prop: 'storageAutoScaling.targetUtilizationPercent', found: target,
                expected: `10 to ${MON_004_DISK_WARNING_PERCENT - 1}: below the MON-004 disk warning (${MON_004_DISK_WARNING_PERCENT}%), within MSK's 10-80`,
                fix: 'Set targetUtilizationPercent: 60.',
            });
        }
        this.maxVolumeSizeGiB = max;
        this.targetUtilizationPercent = target;
        this.target = new appautoscaling_target_1.AppautoscalingTarget(this, 'Target', {
            serviceNamespace: 'kafka',
            scalableDimension: 'kafka:broker-storage:VolumeSize',
            resourceId: props.clusterArn,
            minCapacity: 1,
            maxCapacity: max,
        });
        this.policy = new appautoscaling_policy_1.AppautoscalingPolicy(this, 'Policy', {
            name: `${props.clusterName}-broker-storage`,
            policyType: 'TargetTrackingScaling',
            serviceNamespace: this.target.serviceNamespace,
            scalableDimension: this.target.scalableDimension,
            resourceId: this.target.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                disableScaleIn: true,
                targetValue: target,
                predefinedMetricSpecification: { predefinedMetricType: 'KafkaBrokerStorageUtilization' },
            },
        });
    }
}
exports.MskStorageAutoScaling = MskStorageAutoScaling;
