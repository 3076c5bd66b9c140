// The broker node pools of a Strimzi cluster (strimziBrokerPoolsOf and strimziBrokerCountOf in
// lib/rules/readers/strimzi-documents.ts), read through CAP-002, whose finding lists the pools it
// counted: which KafkaNodePools count as a cluster's brokers (role, cluster label, namespace) and
// how their replicas add up.
import { describe, expect, it } from 'vitest';
import type { KubernetesDocument } from '../../../lib/contract/document';
import { CAP_002_BROKER_COUNT } from '../../../lib/rules/cap-002-broker-count';
import { nodePool, strimziKafka } from '../fixtures/cap-documents';
import { K8S_PLAN } from '../fixtures/cap-rules';
import { findingsOf, outcomeOf } from '../fixtures/outcome';

/** The Kafka `main` in namespace `kafka`, with a capacity plan of 6 brokers. */
const kafka = () => ({ ...strimziKafka(), body: { ...strimziKafka().body, metadata: { ...strimziKafka().body.metadata, annotations: K8S_PLAN } } });
const FIX = "Set the broker node pools' replicas to 6 in total (plan.brokers), a multiple of the zone count.";
const EXPECTED = "at least 6, the brokers of capacity plan 'orders'";

/** A pool whose whole body is given (no defaults filled in). */
function rawPool(name: string, body: { metadata?: Record<string, any>; spec?: any }, namespace: string | undefined = 'kafka'): KubernetesDocument {
  return { source: 'kubernetes', apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', name, namespace, path: `staging/Kafka/${name}`, body: { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', ...body } };
}

describe('strimziBrokerPools: the pools CAP-002 counts as the brokers of a Kafka', () => {
  it('adds the replicas of every broker pool of the cluster, and ignores controller-only pools', () => {
    expect(outcomeOf(CAP_002_BROKER_COUNT, kafka(), [nodePool('a', { replicas: 3 }), nodePool('b', { replicas: 3, roles: ['broker', 'controller'] }), nodePool('c', { replicas: 9, roles: ['controller'] })]))
      .toEqual({ status: 'compliant' });
    expect(findingsOf(CAP_002_BROKER_COUNT, kafka(), [nodePool('a', { replicas: 3 }), nodePool('b', { replicas: 2, roles: ['broker', 'controller'] }), nodePool('c', { replicas: 9, roles: ['controller'] })]))
      .toEqual([{ found: 'the broker node pools (a: 3, b: 2) have 5 brokers', expected: EXPECTED, fix: FIX }]);
  });

  it('does not count a pool without roles, with roles that are not a list, without spec, or without metadata (none is a broker pool of this cluster)', () => {
    const noRoles = rawPool('no-roles', { metadata: { name: 'no-roles', labels: { 'strimzi.io/cluster': 'main' } }, spec: { replicas: 6 } });
    // Strimzi's CRD declares roles as a list; the text 'broker' is not one (HA-001 reads it the same way, through rolesOf).
    const textRoles = rawPool('text-roles', { metadata: { name: 'text-roles', labels: { 'strimzi.io/cluster': 'main' } }, spec: { replicas: 6, roles: 'broker' } });
    const noSpec = rawPool('no-spec', { metadata: { name: 'no-spec', labels: { 'strimzi.io/cluster': 'main' } } });
    const noMetadata = rawPool('no-metadata', { spec: { replicas: 6, roles: ['broker'] } });
    expect(findingsOf(CAP_002_BROKER_COUNT, kafka(), [noRoles, textRoles, noSpec, noMetadata, nodePool('a', { replicas: 3 })]))
      .toEqual([{ found: 'the broker node pools (a: 3) have 3 brokers', expected: EXPECTED, fix: FIX }]);
  });

  it('counts only the pools of the same cluster and namespace; none found reads "none" and 0 brokers', () => {
    const otherCluster = nodePool('other', { replicas: 6 });
    const other = { ...otherCluster, body: { ...otherCluster.body, metadata: { ...otherCluster.body.metadata, labels: { 'strimzi.io/cluster': 'another' } } } };
    const elsewhere = { ...nodePool('elsewhere', { replicas: 6 }), namespace: 'other-namespace' };
    expect(findingsOf(CAP_002_BROKER_COUNT, kafka(), [other, elsewhere]))
      .toEqual([{ found: 'the broker node pools (none) have 0 brokers', expected: EXPECTED, fix: FIX }]);
  });

  it('matches a Kafka without namespace with the pools without namespace only', () => {
    const k = { ...kafka(), namespace: undefined };
    const pool = (name: string, namespace: string | undefined) => ({ ...nodePool(name, { replicas: 3 }), namespace });
    expect(findingsOf(CAP_002_BROKER_COUNT, k, [pool('a', undefined), pool('b', 'kafka')]))
      .toEqual([{ found: 'the broker node pools (a: 3) have 3 brokers', expected: EXPECTED, fix: FIX }]);
    expect(outcomeOf(CAP_002_BROKER_COUNT, k, [pool('a', undefined), pool('b', undefined)])).toEqual({ status: 'compliant' });
  });

  it('reads a broker pool without replicas as 0 brokers', () => {
    const noReplicas = rawPool('no-replicas', { metadata: { name: 'no-replicas', labels: { 'strimzi.io/cluster': 'main' } }, spec: { roles: ['broker'] } });
    expect(findingsOf(CAP_002_BROKER_COUNT, kafka(), [noReplicas, nodePool('a', { replicas: 5 })]))
      .toEqual([{ found: 'the broker node pools (no-replicas: 0, a: 5) have 5 brokers', expected: EXPECTED, fix: FIX }]);
  });
});
