import { strimziForbiddenConfigKeys } from '../../contract/strimzi-forbidden-config';
import { apiGroupOf, type KubernetesDocument, type SynthesizedDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { oncePer } from '../../model/once-per';
import { shown, type Findings } from '../rule';
import { STRIMZI_CLUSTER_LABEL } from '../../contract/vocabulary';

/**
 * Reading Strimzi documents (`Kafka`, `KafkaNodePool`, `KafkaTopic`) for the rules. Plain
 * functions over plain JSON, so the rules also work on Strimzi YAML this library did not write.
 */

function strimziKind(doc: SynthesizedDocument, kind: string): KubernetesDocument | undefined {
  return doc.source === 'kubernetes' && doc.kind === kind && apiGroupOf(doc) === 'kafka.strimzi.io' ? doc : undefined;
}

/** The `Kafka` document, or undefined. */
export function asStrimziKafka(doc: SynthesizedDocument): KubernetesDocument | undefined {
  return strimziKind(doc, 'Kafka');
}

/** The `KafkaNodePool` document, or undefined. */
export function asStrimziNodePool(doc: SynthesizedDocument): KubernetesDocument | undefined {
  return strimziKind(doc, 'KafkaNodePool');
}

/** A `KafkaNodePool` with the broker role, or undefined. */
export function asStrimziBrokerPool(doc: SynthesizedDocument): KubernetesDocument | undefined {
  const pool = asStrimziNodePool(doc);
  return pool && rolesOf(pool).includes('broker') ? pool : undefined;
}

/** The `KafkaTopic` document, or undefined. */
export function asStrimziTopic(doc: SynthesizedDocument): KubernetesDocument | undefined {
  return strimziKind(doc, 'KafkaTopic');
}

/** `spec.kafka.config` with every value as a string (`3`, `'3'` and `3.0` read alike). */
export function strimziConfigOf(kafka: KubernetesDocument): Record<string, string> {
  const config = kafka.body.spec?.kafka?.config;
  const out: Record<string, string> = {};
  if (config === null || typeof config !== 'object') return out;
  for (const [k, v] of Object.entries(config)) out[k] = String(v);
  return out;
}

/**
 * A broker setting of a Strimzi `Kafka` that must be written out as `wanted` in `spec.kafka.config`
 * (Strimzi's or Kafka's own default is never assumed): a finding "spec.kafka.config <key> is <value>" otherwise.
 */
export function expectStrimziConfig(f: Findings, config: Readonly<Record<string, string>>, key: string, wanted: string, message: { readonly expected: string; readonly fix: string }): void {
  f.expect(config[key] === wanted, { found: `spec.kafka.config ${key} is ${shown(config[key])}`, ...message });
}

/** The `Kafka` a node pool or topic belongs to (by its `strimzi.io/cluster` label). */
export function strimziKafkaOf(index: DocumentIndex, doc: KubernetesDocument): KubernetesDocument | undefined {
  const cluster = doc.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL];
  return typeof cluster === 'string' ? index.kubernetesByName('Kafka', cluster, doc.namespace) : undefined;
}

/** The node pools of a synthesis by namespace and `strimzi.io/cluster` label, grouped once. */
const poolsByCluster = oncePer((index: DocumentIndex): ReadonlyMap<string, readonly KubernetesDocument[]> => {
  const byCluster = new Map<string, KubernetesDocument[]>();
  for (const pool of index.kubernetes('KafkaNodePool')) {
    const key = `${pool.namespace ?? ''}|${pool.body.metadata?.labels?.[STRIMZI_CLUSTER_LABEL]}`;
    const list = byCluster.get(key);
    if (list) list.push(pool);
    else byCluster.set(key, [pool]);
  }
  return byCluster;
});

/** The node pools of a `Kafka` (or of the cluster of that name and namespace), grouped once per synthesis (not rescanned per rule). */
export function strimziNodePoolsOf(index: DocumentIndex, kafka: { readonly name: string; readonly namespace?: string }): readonly KubernetesDocument[] {
  return poolsByCluster(index).get(`${kafka.namespace ?? ''}|${kafka.name}`) ?? [];
}

/** The roles of a node pool. */
export function rolesOf(pool: KubernetesDocument): readonly string[] {
  const roles = pool.body.spec?.roles;
  return Array.isArray(roles) ? roles.map(String) : [];
}

/** The replicas of a node pool, or 0 when not a number. */
export function replicasOf(pool: KubernetesDocument): number {
  const r = Number(pool.body.spec?.replicas);
  return Number.isFinite(r) ? r : 0;
}

/** The node pools of a `Kafka` (or of the cluster of that name and namespace) with the broker role. */
export function strimziBrokerPoolsOf(index: DocumentIndex, kafka: { readonly name: string; readonly namespace?: string }): readonly KubernetesDocument[] {
  return strimziNodePoolsOf(index, kafka).filter((p) => rolesOf(p).includes('broker'));
}

/** The brokers of node pools: the sum of their replicas. */
export function strimziBrokerCountOf(pools: readonly KubernetesDocument[]): number {
  return pools.reduce((sum, p) => sum + replicasOf(p), 0);
}

/** `name: replicas [roles]` for messages. */
export function describePools(pools: readonly KubernetesDocument[]): string {
  return pools.map((p) => `${p.name}: ${p.body.spec?.replicas ?? 'not set'} [${rolesOf(p).join(', ')}]`).join('; ') || 'none';
}

/**
 * The pod template that applies to a pool's pods: the pool's `spec.template.pod`, which
 * replaces (is not merged with) the Kafka's `spec.kafka.template.pod`.
 */
export function effectivePodTemplate(pool: KubernetesDocument, kafka: KubernetesDocument | undefined): { readonly pod: Readonly<Record<string, any>>; readonly where: string } {
  const own = pool.body.spec?.template?.pod;
  if (own && typeof own === 'object') return { pod: own, where: 'spec.template.pod' };
  const inherited = kafka?.body.spec?.kafka?.template?.pod;
  if (inherited && typeof inherited === 'object') return { pod: inherited, where: `Kafka ${kafka!.name} spec.kafka.template.pod (the pool has no template.pod)` };
  return { pod: {}, where: 'spec.template.pod (absent, and absent on the Kafka)' };
}

/** The persistent volumes of a node pool's storage (a jbod's volumes, or the storage itself). */
export function storageVolumesOf(pool: KubernetesDocument): readonly { readonly volume: Readonly<Record<string, any>>; readonly where: string }[] {
  const storage = pool.body.spec?.storage;
  if (!storage || typeof storage !== 'object') return [];
  if (storage.type === 'jbod') {
    const volumes: any[] = Array.isArray(storage.volumes) ? storage.volumes : [];
    return volumes.map((v, i) => ({ volume: v ?? {}, where: `spec.storage.volumes[${i}]` }));
  }
  return [{ volume: storage, where: 'spec.storage' }];
}

/**
 * Adds one finding per `spec.kafka.config` key that Strimzi 1.2 silently drops and that is
 * charged to `ruleId` (see STRIMZI_FORBIDDEN_CONFIG).
 */
export function forbiddenConfigFindings(kafka: KubernetesDocument, ruleId: string, f: Findings): void {
  const config = kafka.body.spec?.kafka?.config;
  if (config === null || typeof config !== 'object') return;
  for (const hit of strimziForbiddenConfigKeys(config, ruleId)) {
    f.add({
      found: `spec.kafka.config key '${hit.key}' is set, and Strimzi 1.2 silently drops keys starting with '${hit.prefix}'`,
      expected: 'no key that the operator drops: a dropped setting is a rule that silently fails',
      fix: `Remove '${hit.key}'; ${hit.family.instead}.`,
    });
  }
}
