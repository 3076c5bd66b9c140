import type { Construct } from 'constructs';
import { ClientAuthentication } from '../lib/model/client-authentication';
import { CapacityPlan } from '../lib/model/capacity/capacity-planner';
import { ClientNetwork } from '../lib/model/client-network';
import { StrimziKafkaCluster } from '../lib/targets/strimzi/strimzi-kafka-cluster';
import type { StrimziListenerProps } from '../lib/targets/strimzi/strimzi-listener';

/** What differs between the shop's Strimzi clusters: staging and its DR peer. */
export interface ShopStrimziClusterOptions {
  readonly clusterName: string;
  /** The region; the pods spread over its zones a, b and c. */
  readonly region: string;
  /** The customer-managed KMS key of the encrypted StorageClass (in the region). */
  readonly kmsKeyId: string;
  /** Who may reach the listeners. */
  readonly clientNetworks: ClientNetwork[];
  /** Listeners beside the shop's `scram` (9093) and `mtls` (9094) ones. */
  readonly extraListeners?: StrimziListenerProps[];
}

/**
 * The shop's Strimzi cluster, production-like so every rule is in force: 3 KRaft controllers
 * and 3 brokers over 3 zones, one SCRAM-SHA-512 and one mutual-TLS listener, scraped by
 * Prometheus from the `monitoring` namespace, `kafka-admin` the only super user.
 */
export function shopStrimziCluster(scope: Construct, options: ShopStrimziClusterOptions): StrimziKafkaCluster {
  return new StrimziKafkaCluster(scope, 'Kafka', {
    clusterName: options.clusterName,
    zones: ['a', 'b', 'c'].map((zone) => `${options.region}${zone}`),
    controllers: { replicas: 3, memory: '2Gi', storageSize: '20Gi' },
    brokerPools: [{ name: 'broker', replicas: 3, memory: '8Gi', cpu: '2', storageSize: '200Gi' }],
    kmsKeyId: options.kmsKeyId,
    listeners: [
      { name: 'scram', port: 9093, authentication: ClientAuthentication.scramSha512() },
      { name: 'mtls', port: 9094, authentication: ClientAuthentication.mutualTls() },
      ...(options.extraListeners ?? []),
    ],
    clientNetworks: options.clientNetworks,
    prometheusNetworks: [
      ClientNetwork.kubernetesPeer({
        namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' },
        podLabels: { 'app.kubernetes.io/name': 'prometheus' },
        description: 'Prometheus',
      }),
    ],
    admins: ['kafka-admin'],
  });
}

/**
 * CAP-001..003 for staging and its DR copy: 200 msg/s of 1 KiB kept 7 days at RF 3 (a tenth of
 * production), read by production's consumers (500 msg/s each) with as many instances as
 * production wants (12), so that keys land on the same partitions as in production and consumer
 * scaling is tested at production's width.
 */
export function shopStagingPlan(name: string): CapacityPlan {
  return CapacityPlan.forWorkload({
    name, messagesPerSecond: 200, averageMessageBytes: 1_024, retentionSeconds: 7 * 24 * 3600,
    consumerMessagesPerSecond: 500, consumersWanted: 12,
  });
}
