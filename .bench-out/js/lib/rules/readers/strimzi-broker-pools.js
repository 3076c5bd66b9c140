"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.strimziBrokerPools = strimziBrokerPools;
exports.strimziBrokerCount = strimziBrokerCount;
const poolsByIndex = new WeakMap();
/**
 * The broker-role `KafkaNodePool`s of a Strimzi cluster (by namespace and `strimzi.io/cluster`),
 * grouped once per synthesis, so that CAP rules never rescan every pool for every cluster.
 */
function strimziBrokerPools(index, namespace, clusterName) {
    let byCluster = poolsByIndex.get(index);
    if (!byCluster) {
        byCluster = new Map();
        for (const pool of index.kubernetes('KafkaNodePool')) {
            const roles = pool.body.spec?.roles ?? [];
            if (!roles.includes('broker'))
                continue;
            const key = `${pool.namespace ?? ''}|${pool.body.metadata?.labels?.['strimzi.io/cluster']}`;
            const list = byCluster.get(key) ?? [];
            list.push(pool);
            byCluster.set(key, list);
        }
        poolsByIndex.set(index, byCluster);
    }
    return byCluster.get(`${namespace ?? ''}|${clusterName}`) ?? [];
}
/** The broker count of a Strimzi cluster: the replicas of its broker node pools. */
function strimziBrokerCount(pools) {
    return pools.reduce((sum, p) => sum + Number(p.body.spec?.replicas ?? 0), 0);
}
