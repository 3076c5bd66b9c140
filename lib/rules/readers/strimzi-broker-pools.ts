import type { KubernetesDocument } from '../../contract/document';
import type { DocumentIndex } from '../../contract/document-index';
import { rolesOf } from './strimzi-documents';

const poolsByIndex = new WeakMap<DocumentIndex, Map<string, KubernetesDocument[]>>();

/**
 * The broker-role `KafkaNodePool`s of a Strimzi cluster (by namespace and `strimzi.io/cluster`),
 * grouped once per synthesis, so that CAP rules never rescan every pool for every cluster.
 */
export function strimziBrokerPools(index: DocumentIndex, namespace: string | undefined, clusterName: string): readonly KubernetesDocument[] {
  let byCluster = poolsByIndex.get(index);
  // Stryker disable next-line ConditionalExpression: equivalent, grouping the pools again gives the same groups (the cache only saves work)
  if (!byCluster) {
    byCluster = new Map();
    for (const pool of index.kubernetes('KafkaNodePool')) {
      if (!rolesOf(pool).includes('broker')) continue;
      const key = `${pool.namespace ?? ''}|${pool.body.metadata?.labels?.['strimzi.io/cluster']}`;
      const list = byCluster.get(key) ?? [];
      list.push(pool);
      byCluster.set(key, list);
    }
    poolsByIndex.set(index, byCluster);
  }
  return byCluster.get(`${namespace ?? ''}|${clusterName}`) ?? [];
}

/**
 * The broker count of a Strimzi cluster: the replicas of its broker node pools (as
 * `strimziBrokerPools` returns them: each has `spec.roles`, so `spec` is there).
 */
export function strimziBrokerCount(pools: readonly KubernetesDocument[]): number {
  return pools.reduce((sum, p) => sum + Number(p.body.spec.replicas ?? 0), 0);
}
