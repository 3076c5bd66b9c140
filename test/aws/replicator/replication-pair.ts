import { Testing } from 'cdktf';
import { KafkaStack } from '../../../lib/aws/kafka-stack';
import { MskCluster, type MskClusterProps } from '../../../lib/aws/msk/msk-cluster';
import { KafkaNetwork } from '../../../lib/aws/network/kafka-network';
import { MskClusterReference } from '../../../lib/aws/replicator/msk-cluster-reference';
import { MskReplicationSource } from '../../../lib/aws/replicator/msk-replication-source';
import { MskReplicator, type MskReplicatorProps } from '../../../lib/aws/replicator/msk-replicator';
import { ClientAuthentication } from '../../../lib/core/client-authentication';
import { ClientNetwork } from '../../../lib/core/client-network';
import { Environment } from '../../../lib/core/environment';

/** What `replicationPair` builds on. */
export interface ReplicationPairOptions {
  readonly source?: Partial<MskClusterProps>;
  readonly target?: Partial<MskClusterProps>;
  /** Skip the MskReplicationSource (no cluster policy, no outputs). */
  readonly withoutSourcePolicy?: boolean;
  readonly replicator?: Partial<MskReplicatorProps>;
}

/** A network and a 3-broker SCRAM + IAM MskCluster in a stack of `environment`. */
function clusterStack(app: ReturnType<typeof Testing.app>, environment: Environment, cidr: string, props: Partial<MskClusterProps>) {
  const stack = new KafkaStack(app, environment.name, { environment });
  const network = new KafkaNetwork(stack, 'Network', {
    cidrBlock: cidr,
    availabilityZones: ['a', 'b', 'c'].map((z) => `${environment.region}${z}`),
    clientNetworks: [ClientNetwork.cidr('10.20.0.0/16', 'application VPC')],
  });
  const cluster = new MskCluster(stack, 'Kafka', {
    network,
    brokers: 3,
    authentication: [ClientAuthentication.scramSha512(), ClientAuthentication.iam()],
    ...props,
  });
  return { stack, network, cluster };
}

/**
 * Two stacks of one app: `production` (us-east-1) with an MskCluster that has multi-VPC IAM and an
 * MskReplicationSource, and its DR peer `dr` (us-west-2) with an MskCluster and an MskReplicator
 * whose source comes in through `referenceFrom` (variables named like production's outputs).
 */
export function replicationPair(options: ReplicationPairOptions = {}) {
  const app = Testing.app();
  const production = Environment.production({ name: 'production', region: 'us-east-1' });
  const dr = production.drPeer({ name: 'dr', region: 'us-west-2' });
  const primary = clusterStack(app, production, '10.40.0.0/16', { multiVpcConnectivity: { iam: true }, ...options.source });
  const source = options.withoutSourcePolicy ? undefined : new MskReplicationSource(primary.stack, 'ReplicationSource', { cluster: primary.cluster });
  const peer = clusterStack(app, dr, '10.41.0.0/16', options.target ?? {});
  return { app, production, dr, primary, peer, source };
}

/** `replicationPair` plus the replicator in the dr stack (topics orders and audit.events, group orders-service, RPO 300 s). */
export function replicatedPair(options: ReplicationPairOptions = {}) {
  const pair = replicationPair(options);
  const replicator = new MskReplicator(pair.peer.stack, 'Replicator', {
    source: pair.source!.referenceFrom(pair.peer.stack),
    target: MskClusterReference.fromCluster(pair.peer.cluster),
    topics: ['orders', 'audit.events'],
    consumerGroups: [{ name: 'orders-service' }],
    rpoSeconds: 300,
    ...options.replicator,
  });
  return { ...pair, replicator };
}

/** Synthesizes a stack with the rules on. */
export function synth(stack: KafkaStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack, true));
}

/** The message synthesis (with the rules) throws; fails when it does not throw. */
export function synthError(stack: KafkaStack): string {
  try {
    Testing.synth(stack, true);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail, but it passed');
}
