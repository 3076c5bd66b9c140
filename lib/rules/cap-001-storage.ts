import { CapacityPlanAnnotations, type RecordedCapacityPlan } from '../contract/capacity-plan-annotations';
import { BYTES_PER_GIB } from '../model/capacity/capacity-planner';
import { parseMemoryQuantity } from '../model/jvm-heap';
import type { KubernetesDocument, TerraformDocument } from '../contract/document';
import { Findings, type Rule, type RuleContext, type RuleOutcome } from './rule';
import { defineRule, Severity } from './define-rule';
import { plannedCheck, type PlanWith } from './checks/capacity-plan-checks';
import { asMskCluster } from './readers/msk-cluster-document';
import { kubernetesKind } from './readers/statefulset-documents';
import { asStrimziBrokerPool, strimziBrokerCountOf, strimziBrokerPoolsOf, strimziKafkaOf } from './readers/strimzi-documents';
import { STRIMZI_CLUSTER_LABEL } from '../contract/vocabulary';

/** CAP-001: provisioned storage per broker is not below the capacity plan. */
export const CAP_001_STORAGE: Rule = defineRule({
  id: 'CAP-001',
  title: 'Provisioned storage per broker is not below the capacity plan.',
  explanation: 'Disk = messages/s × average message bytes × retention seconds × replication factor, plus 20% headroom; per broker = that ÷ brokers (CapacityPlan), divided over the brokers the cluster actually has, so a cluster with more brokers than planned needs less per broker. A broker that runs out of disk goes offline and takes its partition replicas with it. The rule applies to clusters that carry a plan (CapacityPlan.applyToCluster: the kafka-iac:capacity-plan tags on MSK, kafka-iac.dev/capacity-plan annotations on Kubernetes).',
  remediation: 'Provision at least the planned storage per broker (plan.storagePerBrokerGiB), or revise the plan.',
  severity: Severity.ERROR,
  targets: {
    msk: plannedCheck(asMskCluster, 'storagePerBrokerGiB', checkMsk),
    strimzi: plannedCheck(asStrimziBrokerPool, 'storagePerBrokerGiB', checkStrimzi, planOfPool),
    statefulset: plannedCheck((doc) => kubernetesKind(doc, 'StatefulSet'), 'storagePerBrokerGiB', checkStatefulSet),
  },
});

/** MSK: `broker_node_group_info.storage_info.ebs_storage_info.volume_size` (GiB per broker). */
function checkMsk(doc: TerraformDocument, plan: PlanWith<'storagePerBrokerGiB'>): RuleOutcome {
  const volume = single(single(single(doc.body.broker_node_group_info)?.storage_info)?.ebs_storage_info)?.volume_size;
  const need = required(plan, Number(doc.body.number_of_broker_nodes));
  const f = new Findings();
  f.expect(Number(volume) >= need.gib, {
    found: `volume_size is ${volume === undefined ? 'not set' : `${volume} GiB`} per broker`,
    expected: need.expected,
    fix: `Set volumeSizeGiB: ${need.gib} (plan.storagePerBrokerGiB with the planned brokers); storage autoscaling (CAP-004) grows it from there.`,
  });
  return f.outcome();
}

/** Strimzi: each broker `KafkaNodePool`'s persistent volumes, against the plan on the pool or on its `Kafka`. */
function checkStrimzi(doc: KubernetesDocument, plan: PlanWith<'storagePerBrokerGiB'>, ctx: RuleContext): RuleOutcome {
  // Stryker disable next-line OptionalChaining: equivalent, a pool without spec has no roles, so asStrimziBrokerPool never reads it
  const storage = doc.body.spec?.storage;
  const bytes = strimziPersistentBytes(storage);
  // Stryker disable next-line OptionalChaining: equivalent, every Kubernetes document has metadata (its name is read from it), and a broker pool found by asStrimziBrokerPool has its cluster label
  const cluster = { name: String(doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL]), namespace: doc.namespace };
  const need = required(plan, strimziBrokerCountOf(strimziBrokerPoolsOf(ctx.index, cluster)));
  const f = new Findings();
  f.expect(bytes >= need.gib * BYTES_PER_GIB, {
    found: `spec.storage is ${describeStrimzi(storage)} per broker`,
    expected: need.expected,
    fix: `Set the node pool's persistent-claim size to '${need.gib}Gi' (plan.storagePerBrokerGiB with the planned brokers).`,
  });
  return f.outcome();
}

/** StatefulSet: the volume claim templates' requested storage per pod. */
function checkStatefulSet(doc: KubernetesDocument, plan: PlanWith<'storagePerBrokerGiB'>): RuleOutcome {
  const templates: any[] = doc.body.spec?.volumeClaimTemplates ?? [];
  const sizes = templates.map((t) => String(t?.spec?.resources?.requests?.storage ?? ''));
  const bytes = sizes.map(parseMemoryQuantity).filter(Number.isFinite).reduce((a, b) => a + b, 0);
  const need = required(plan, Number(doc.body.spec?.replicas ?? 1));
  const f = new Findings();
  f.expect(bytes >= need.gib * BYTES_PER_GIB, {
    found: `volumeClaimTemplates request ${sizes.length === 0 ? 'no storage' : sizes.map((s) => `'${s}'`).join(' + ')} per broker`,
    expected: need.expected,
    fix: `Set the data volume claim to '${need.gib}Gi' (plan.storagePerBrokerGiB with the planned brokers).`,
  });
  return f.outcome();
}

/** A broker pool's plan: its own, else the one on its `Kafka`. */
function planOfPool(pool: KubernetesDocument, ctx: RuleContext): RecordedCapacityPlan | undefined {
  const kafka = strimziKafkaOf(ctx.index, pool);
  return CapacityPlanAnnotations.read(pool.body) ?? (kafka ? CapacityPlanAnnotations.read(kafka.body) : undefined);
}

/**
 * The GiB each broker needs: the planned disk divided over the brokers the cluster has (when the
 * plan records its total and the count is known), else the plan's per-broker figure.
 */
function required(plan: PlanWith<'storagePerBrokerGiB'>, actualBrokers: number): { gib: number; expected: string } {
  if (plan.diskGiB !== undefined && Number.isInteger(actualBrokers) && actualBrokers > 0) {
    const gib = Math.ceil(plan.diskGiB / actualBrokers);
    return { gib, expected: `at least ${gib} GiB per broker: capacity plan '${plan.name}' needs ${plan.diskGiB} GiB (retained bytes × RF + 20% headroom) over ${actualBrokers} brokers` };
  }
  return { gib: plan.storagePerBrokerGiB, expected: `at least ${plan.storagePerBrokerGiB} GiB per broker, the storage of capacity plan '${plan.name}' (retained bytes × RF + 20% headroom ÷ brokers)` };
}

function strimziPersistentBytes(storage: any): number {
  if (!storage) return 0;
  // Stryker disable next-line ArrayDeclaration: equivalent, a volume that is not an object adds 0 bytes, as no volume does
  if (storage.type === 'jbod') return (storage.volumes ?? []).reduce((sum: number, v: any) => sum + strimziPersistentBytes(v), 0);
  if (storage.type === 'persistent-claim') {
    // Stryker disable next-line StringLiteral: equivalent, any text that is not a quantity parses as NaN, as '' does
    const b = parseMemoryQuantity(String(storage.size ?? ''));
    return Number.isFinite(b) ? b : 0;
  }
  return 0;
}

function describeStrimzi(storage: any): string {
  if (!storage) return 'not set';
  if (storage.type === 'jbod') return `jbod of ${(storage.volumes ?? []).map(describeStrimzi).join(' + ') || 'no volumes'}`;
  if (storage.type === 'persistent-claim') return `persistent-claim '${storage.size}'`;
  return `'${storage.type}' (not persistent)`;
}

/** A block that cdktf writes as an object, or a list of one. */
function single(v: any): any {
  return Array.isArray(v) ? v[0] : v;
}
