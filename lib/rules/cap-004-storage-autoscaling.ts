import type { SynthesizedDocument, TerraformDocument } from '../contract/document';
import type { DocumentIndex } from '../contract/document-index';
import { oncePer } from '../model/once-per';
import { Findings, NOT_APPLICABLE, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';

/** The dimension MSK storage autoscaling scales. */
export const MSK_STORAGE_DIMENSION = 'kafka:broker-storage:VolumeSize';
/** MSK's largest EBS volume per broker, GiB. */
const MAX_VOLUME_GIB = 16384;
/** MON-004's default disk warning, percent; a CloudWatch alarm on KafkaDataLogsDiskUsed in the stack overrides it. */
const MON_004_DEFAULT_PERCENT = 70;
/** The ignore_changes entries that keep Terraform from undoing a scale-out. */
const VOLUME_SIZE_PATHS = [
  'broker_node_group_info[0].storage_info[0].ebs_storage_info[0].volume_size',
  'broker_node_group_info',
  'all',
];

/** CAP-004: MSK storage autoscaling is on, never scales in, tracks a target below MON-004, and Terraform leaves the grown volume alone. */
export const CAP_004_STORAGE_AUTOSCALING: Rule = defineRule({
  id: 'CAP-004',
  title: 'MSK storage autoscaling is on, scale-in disabled, target below the MON-004 disk warning, declared maximum; the cluster ignores volume-size changes.',
  explanation: 'MSK storage only grows. An aws_appautoscaling_target on kafka:broker-storage:VolumeSize with a maximum of at most 16384 GiB and a target-tracking policy on KafkaBrokerStorageUtilization with scale-in disabled grow the volume before the MON-004 disk warning (70%) fires; MSK accepts targets of 10 to 80%. The cluster ignores changes to its volume size, or the next terraform apply would try to shrink it back.',
  remediation: 'Use MskCluster (it adds MskStorageAutoScaling and the ignore_changes entry); keep targetUtilizationPercent below the MON-004 threshold.',
  severity: Severity.ERROR,
  targets: { msk: checkMsk },
});

function checkMsk(doc: SynthesizedDocument, ctx: RuleContext): RuleOutcome {
  // Stryker disable next-line ConditionalExpression: a Kubernetes document has no type, so the type check that follows answers the same
  if (doc.source !== 'terraform') return NOT_APPLICABLE;
  if (doc.type !== 'aws_msk_cluster') return NOT_APPLICABLE;
  const f = new Findings();
  const ignore: unknown = doc.body.lifecycle?.ignore_changes;
  const ignored = ignore === 'all' || (Array.isArray(ignore) && ignore.some((p) => VOLUME_SIZE_PATHS.includes(String(p))));
  f.expect(ignored, {
    found: `lifecycle.ignore_changes is ${ignore === undefined ? 'not set' : JSON.stringify(ignore)}`,
    expected: `to include '${VOLUME_SIZE_PATHS[0]}', so Terraform does not undo a storage scale-out`,
    fix: `Add lifecycle { ignore_changes = ["${VOLUME_SIZE_PATHS[0]}"] } to the cluster.`,
  });

  const scaling = storageScalingOf(ctx.index).get(doc.address) ?? NO_SCALING;
  const target = scaling.targets[0] as TerraformDocument | undefined;
  f.expect(target !== undefined, {
    found: `no aws_appautoscaling_target on ${MSK_STORAGE_DIMENSION} has resource_id \${${doc.address}.arn}`,
    expected: 'storage autoscaling on the cluster',
    fix: 'Use MskCluster (it adds MskStorageAutoScaling), or add an aws_appautoscaling_target and a target-tracking aws_appautoscaling_policy.',
  });
  if (!target) return f.outcome();

  const max = Number(target.body.max_capacity);
  f.expect(Number.isFinite(max) && max <= MAX_VOLUME_GIB, {
    found: `${target.address} max_capacity is ${target.body.max_capacity ?? 'not set'}`,
    expected: `a declared maximum of at most ${MAX_VOLUME_GIB} GiB per broker (MSK's limit)`,
    fix: 'Set storageAutoScaling.maxVolumeSizeGiB to a value up to 16384.',
  });
  const volume = Number(single(single(single(doc.body.broker_node_group_info)?.storage_info)?.ebs_storage_info)?.volume_size);
  // A volume already at MSK's maximum cannot grow; that is a valid size, not a missing maximum.
  f.expect(!Number.isFinite(max) || !Number.isFinite(volume) || max > volume || (volume === MAX_VOLUME_GIB && max === MAX_VOLUME_GIB), {
    found: `${target.address} max_capacity is ${max} with volume_size ${volume}`,
    expected: 'a maximum above the initial volume size, so autoscaling has room to grow',
    fix: `Set storageAutoScaling.maxVolumeSizeGiB above ${volume}.`,
  });

  const policies = scaling.policiesByTarget.get(target.address) ?? [];
  const policy = policies.find((p) => p.body.policy_type === 'TargetTrackingScaling');
  f.expect(policy !== undefined, {
    found: `no TargetTrackingScaling aws_appautoscaling_policy uses ${target.address}`,
    expected: 'a target-tracking policy on KafkaBrokerStorageUtilization',
    fix: 'Add an aws_appautoscaling_policy with policy_type TargetTrackingScaling on the target.',
  });
  if (!policy) return f.outcome();

  const config = single(policy.body.target_tracking_scaling_policy_configuration) ?? {};
  const metric = single(config.predefined_metric_specification)?.predefined_metric_type;
  f.expect(metric === 'KafkaBrokerStorageUtilization', {
    found: `${policy.address} predefined_metric_type is ${metric === undefined ? 'not set' : `'${metric}'`}`,
    expected: "'KafkaBrokerStorageUtilization'",
    fix: "Set predefined_metric_specification { predefined_metric_type = \"KafkaBrokerStorageUtilization\" }.",
  });
  f.expect(config.disable_scale_in === true || config.disable_scale_in === 'true', {
    found: `${policy.address} disable_scale_in is ${config.disable_scale_in ?? 'not set'}`,
    expected: 'true: MSK storage never shrinks, so a scale-in can only fail',
    fix: 'Set disable_scale_in = true.',
  });
  const value = Number(config.target_value);
  const warning = diskWarningPercent(ctx.index, doc.body.cluster_name);
  f.expect(Number.isFinite(value) && value < warning.percent, {
    found: `${policy.address} target_value is ${config.target_value ?? 'not set'}`,
    expected: `below the MON-004 disk warning (${warning.percent}%${warning.source}), so storage grows before anyone is alerted`,
    fix: `Set storageAutoScaling.targetUtilizationPercent below ${warning.percent}, for example 60.`,
  });
  f.expect(Number.isFinite(value) && value >= 10 && value <= 80, {
    found: `${policy.address} target_value is ${config.target_value ?? 'not set'}`,
    expected: 'a value MSK accepts: 10 to 80',
    fix: 'Set storageAutoScaling.targetUtilizationPercent to 60.',
  });
  return f.outcome();
}

interface ClusterScaling {
  readonly targets: TerraformDocument[];
  readonly policiesByTarget: Map<string, TerraformDocument[]>;
}

/** A cluster without storage autoscaling. */
const NO_SCALING: ClusterScaling = { targets: [], policiesByTarget: new Map() };

/** Storage-autoscaling targets and policies by cluster address, built once per synthesis. */
const storageScalingOf = oncePer((index: DocumentIndex): ReadonlyMap<string, ClusterScaling> => {
  const byCluster = new Map<string, ClusterScaling>();
  const clusterOfTarget = new Map<string, ClusterScaling>();
  for (const t of index.terraform('aws_appautoscaling_target')) {
    if (t.body.scalable_dimension !== MSK_STORAGE_DIMENSION) continue;
    const cluster = index.resolve(t.body.resource_id);
    if (cluster?.type !== 'aws_msk_cluster') continue;
    let entry = byCluster.get(cluster.address);
    if (!entry) {
      entry = { targets: [], policiesByTarget: new Map() };
      byCluster.set(cluster.address, entry);
    }
    entry.targets.push(t);
    clusterOfTarget.set(t.address, entry);
  }
  for (const p of index.terraform('aws_appautoscaling_policy')) {
    if (p.body.scalable_dimension !== MSK_STORAGE_DIMENSION && index.resolve(p.body.scalable_dimension)?.type !== 'aws_appautoscaling_target') continue;
    const ref = index.resolve(p.body.resource_id);
    let targetAddress: string | undefined;
    if (ref?.type === 'aws_appautoscaling_target') targetAddress = ref.address;
    else if (ref?.type === 'aws_msk_cluster') targetAddress = byCluster.get(ref.address)?.targets[0].address;
    // Stryker disable next-line ConditionalExpression: no target is recorded under an undefined address, so the lookup below skips it too
    if (!targetAddress) continue;
    const entry = clusterOfTarget.get(targetAddress);
    if (!entry) continue;
    const list = entry.policiesByTarget.get(targetAddress) ?? [];
    list.push(p);
    entry.policiesByTarget.set(targetAddress, list);
  }
  return byCluster;
});

interface DiskWarnings {
  /** Lowest KafkaDataLogsDiskUsed threshold by the alarm's `Cluster Name` dimension. */
  readonly byCluster: Map<string, number>;
  /** Lowest threshold of alarms without a `Cluster Name` dimension (they apply to every cluster). */
  readonly anyCluster?: number;
}

/** The KafkaDataLogsDiskUsed alarms of a synthesis, grouped once. */
const diskWarnings = oncePer((index: DocumentIndex): DiskWarnings => {
  const byCluster = new Map<string, number>();
  let anyCluster: number | undefined;
  for (const alarm of index.terraform('aws_cloudwatch_metric_alarm')) {
    if (alarm.body.metric_name !== 'KafkaDataLogsDiskUsed') continue;
    const t = Number(alarm.body.threshold);
    if (!Number.isFinite(t)) continue;
    const name = alarm.body.dimensions?.['Cluster Name'];
    if (typeof name === 'string') byCluster.set(name, Math.min(t, byCluster.get(name) ?? Infinity));
    else anyCluster = Math.min(t, anyCluster ?? Infinity);
  }
  return { byCluster, anyCluster };
});

/**
 * The MON-004 disk warning of a cluster: the lowest threshold of the KafkaDataLogsDiskUsed alarms
 * on it (its `Cluster Name` dimension), or 70%. The alarms are grouped once per synthesis.
 */
function diskWarningPercent(index: DocumentIndex, clusterName: unknown): { percent: number; source: string } {
  const warnings = diskWarnings(index);
  // Stryker disable next-line ConditionalExpression: alarms are recorded under string names only, so another cluster_name finds none either way
  const own = typeof clusterName === 'string' ? warnings.byCluster.get(clusterName) : undefined;
  const lowest = Math.min(own ?? Infinity, warnings.anyCluster ?? Infinity);
  return Number.isFinite(lowest)
    ? { percent: lowest, source: ', from the KafkaDataLogsDiskUsed alarm' }
    : { percent: MON_004_DEFAULT_PERCENT, source: ', the default' };
}

/** A block that cdktf writes as an object, or a list of one. */
function single(v: any): any {
  return Array.isArray(v) ? v[0] : v;
}
