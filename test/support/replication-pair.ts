import { Testing } from 'cdktf';
import { MskCloudWatchAlarms } from '../../lib/targets/msk/msk-cloudwatch-alarms';
import { MskPrometheusMonitoring } from '../../lib/targets/msk/msk-prometheus-monitoring';
import { MskReplicatorAlarms } from '../../lib/targets/msk/msk-replicator-alarms';
import { KafkaStack } from '../../lib/app/kafka-stack';
import { MskCluster, type MskClusterProps } from '../../lib/targets/msk/msk-cluster';
import { KafkaNetwork } from '../../lib/targets/msk/kafka-network';
import { MskClusterReference } from '../../lib/targets/msk/msk-cluster-reference';
import { MskReplicationSource } from '../../lib/targets/msk/msk-replication-source';
import { MskReplicator, type MskReplicatorProps } from '../../lib/targets/msk/msk-replicator';
import { ClientAuthentication } from '../../lib/model/client-authentication';
import { ClientNetwork } from '../../lib/model/client-network';
import { Environment } from '../../lib/model/environment';
import { DrDuration } from '../../lib/model/dr/dr-duration';
import { DrPairing, type DrPairingProps } from '../../lib/model/dr/dr-pairing';
import { declareShopAccess } from '../../stacks/access/shop-access';
import { SCRATCH_APP } from './scratch';

/** What `replicationPair` builds on. */
export interface ReplicationPairOptions {
  readonly source?: Partial<MskClusterProps>;
  readonly target?: Partial<MskClusterProps>;
  /** Skip the MskReplicationSource (no cluster policy, no outputs). */
  readonly withoutSourcePolicy?: boolean;
  /** Changes to the DR pairing (shop access model, RPO 5 min, RTO 30 min). */
  readonly pairing?: Partial<DrPairingProps>;
  /** Changes to the replicator props (not the ones the pairing declares). */
  readonly replicator?: Partial<MskReplicatorProps>;
  /** Leave the replicator's MON-010 alarms out. */
  readonly withoutReplicatorAlarms?: boolean;
}

/** A network, a 3-broker SCRAM + IAM MskCluster and its CloudWatch alarms in a stack of `environment`. */
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
  const alarms = new MskCloudWatchAlarms(stack, 'Alarms', { clusterName: cluster.clusterName, brokers: cluster.brokers });
  new MskPrometheusMonitoring(stack, 'Monitoring', { clusterName: cluster.clusterName, brokers: cluster.brokers });
  return { stack, network, cluster, alarms };
}

/**
 * Two stacks of one app: `production` (us-east-1) with an MskCluster that has multi-VPC IAM and an
 * MskReplicationSource, and its DR peer `dr` (us-west-2) with an MskCluster and an MskReplicator
 * whose source comes in through `referenceFrom` (variables named like production's outputs).
 */
export function replicationPair(options: ReplicationPairOptions = {}) {
  const app = Testing.app(SCRATCH_APP);
  const production = Environment.production({ name: 'production', region: 'us-east-1' });
  const dr = production.drPeer({ name: 'dr', region: 'us-west-2' });
  const primary = clusterStack(app, production, '10.40.0.0/16', { multiVpcConnectivity: { iam: true }, ...options.source });
  const source = options.withoutSourcePolicy ? undefined : new MskReplicationSource(primary.stack, 'ReplicationSource', { cluster: primary.cluster });
  const peer = clusterStack(app, dr, '10.41.0.0/16', options.target ?? {});
  return { app, production, dr, primary, peer, source };
}

/**
 * `replicationPair` plus what the DR rules expect in the dr stack: a DrPairing of the shop access
 * model (topics orders, payments, audit.events, order-state; groups payments, billing,
 * audit-sink; RPO 5 min, RTO 30 min), the MskReplicator built from it, and its MON-010 alarms
 * (2,000 msg/s) on the dr cluster's alarm topic.
 */
export function replicatedPair(options: ReplicationPairOptions = {}) {
  const pair = replicationPair(options);
  const access = declareShopAccess(pair.production, { iamApplications: true });
  const pairing = new DrPairing({ primary: pair.production, peer: pair.dr, access, rpo: DrDuration.minutes(5), rto: DrDuration.minutes(30), ...options.pairing });
  const replicator = new MskReplicator(pair.peer.stack, 'Replicator', {
    pairing,
    source: pair.source!.referenceFrom(pair.peer.stack),
    target: MskClusterReference.fromCluster(pair.peer.cluster),
    ...options.replicator,
  });
  const replicatorAlarms = options.withoutReplicatorAlarms ? undefined : new MskReplicatorAlarms(pair.peer.stack, 'ReplicatorAlarms', {
    replicatorName: replicator.replicatorName, rpoSeconds: replicator.rpoSeconds, messagesPerSecond: 2_000, alarmTopicArn: pair.peer.alarms.topic.arn,
  });
  return { ...pair, access, pairing, replicator, replicatorAlarms };
}

/** The Terraform JSON of a stack rendered without running the rules: for assertions on rendering only. */
export function render(stack: KafkaStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack));
}

/** Synthesis with the rules on, and the error it throws: the same helpers as every MSK test. */
export { synthJson as synth, synthError } from './msk-stack';
