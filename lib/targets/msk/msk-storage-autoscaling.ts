import { AppautoscalingPolicy } from '@cdktf/provider-aws/lib/appautoscaling-policy';
import { AppautoscalingTarget } from '@cdktf/provider-aws/lib/appautoscaling-target';
import { Construct } from 'constructs';
import { KafkaIacError } from '../../model/errors';
import { KafkaIacConstruct } from '../../contract/kafka-iac-construct';

/** Storage autoscaling of an MSK cluster (CAP-004). */
export interface MskStorageAutoScalingOptions {
  /**
   * The largest EBS volume per broker, in GiB (MSK allows up to 16384).
   * @default - four times the initial volume size, at most 16384 (must be above the initial size)
   */
  readonly maxVolumeSizeGiB?: number;
  /**
   * The disk utilisation, in percent, that autoscaling keeps the brokers at. It must stay
   * below the MON-004 disk warning (70%) so storage grows before anyone is alerted; MSK
   * accepts 10 to 80.
   * @default 60
   * @see https://docs.aws.amazon.com/msk/latest/developerguide/msk-autoexpand.html
   */
  readonly targetUtilizationPercent?: number;
}

/** Props of an `MskStorageAutoScaling`: the cluster and how far its storage grows. */
export interface MskStorageAutoScalingProps extends MskStorageAutoScalingOptions {
  /** The cluster ARN. */
  readonly clusterArn: string;
  /** The cluster name, used in the policy name. */
  readonly clusterName: string;
  /** The initial volume size per broker, in GiB. */
  readonly volumeSizeGiB: number;
}

/** MSK's largest EBS volume per broker, in GiB. */
export const MSK_MAX_VOLUME_SIZE_GIB = 16384;
/** The MON-004 disk-usage warning threshold; the autoscaling target must stay below it. */
const MON_004_DISK_WARNING_PERCENT = 70;

/**
 * Storage autoscaling as CAP-004 spells it out: an `aws_appautoscaling_target` on
 * `kafka:broker-storage:VolumeSize` with a declared maximum, and a target-tracking policy on
 * `KafkaBrokerStorageUtilization` with scale-in disabled (MSK storage never shrinks). The
 * cluster must ignore changes to its volume size, which `MskCluster` does.
 * @see CAP-004
 */
export class MskStorageAutoScaling extends KafkaIacConstruct {
  public readonly target: AppautoscalingTarget;
  public readonly policy: AppautoscalingPolicy;
  public readonly maxVolumeSizeGiB: number;
  public readonly targetUtilizationPercent: number;

  public constructor(scope: Construct, id: string, props: MskStorageAutoScalingProps) {
    super(scope, id);
    const max = props.maxVolumeSizeGiB ?? Math.min(MSK_MAX_VOLUME_SIZE_GIB, props.volumeSizeGiB * 4);
    const target = props.targetUtilizationPercent ?? 60;
    // A volume already at the MSK maximum (16384 GiB) is valid: autoscaling then keeps it there.
    const atMaximum = props.volumeSizeGiB === MSK_MAX_VOLUME_SIZE_GIB && max === MSK_MAX_VOLUME_SIZE_GIB;
    if (!Number.isInteger(max) || (max <= props.volumeSizeGiB && !atMaximum) || max > MSK_MAX_VOLUME_SIZE_GIB) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-004', path: this.path, prop: 'storageAutoScaling.maxVolumeSizeGiB', found: max,
        expected: `an integer above the initial volume size (${props.volumeSizeGiB}) and at most ${MSK_MAX_VOLUME_SIZE_GIB} GiB, so autoscaling has room to grow`,
        fix: `Set maxVolumeSizeGiB above ${props.volumeSizeGiB} and at most ${MSK_MAX_VOLUME_SIZE_GIB} (or a smaller volumeSizeGiB).`,
      });
    }
    if (!Number.isFinite(target) || target < 10 || target >= MON_004_DISK_WARNING_PERCENT) {
      throw KafkaIacError.invalidProp({
        code: 'CAP-004', path: this.path, prop: 'storageAutoScaling.targetUtilizationPercent', found: target,
        expected: `10 to ${MON_004_DISK_WARNING_PERCENT - 1}: below the MON-004 disk warning (${MON_004_DISK_WARNING_PERCENT}%), within MSK's 10-80`,
        fix: 'Set targetUtilizationPercent: 60.',
      });
    }
    this.maxVolumeSizeGiB = max;
    this.targetUtilizationPercent = target;
    this.target = new AppautoscalingTarget(this, 'Target', {
      serviceNamespace: 'kafka',
      scalableDimension: 'kafka:broker-storage:VolumeSize',
      resourceId: props.clusterArn,
      minCapacity: 1,
      maxCapacity: max,
    });
    this.policy = new AppautoscalingPolicy(this, 'Policy', {
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
