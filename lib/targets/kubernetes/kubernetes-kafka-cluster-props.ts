import { checkZoneOfRegion } from '../../model/grammar/names';
import type { BrokerConfigProps } from '../../model/broker-config';
import type { Construct } from 'constructs';
import { ClientNetwork } from '../../model/client-network';
import { KafkaIacError } from '../../model/errors';
import type { KafkaVersion } from '../../model/kafka-version';
import { EncryptedStorageClass, type IEncryptedStorageClass } from './encrypted-storage-class';

/** The size, volume and container resources of one group of Kafka nodes on Kubernetes (a Strimzi node pool, a StatefulSet). */
export interface KubernetesNodeOptions {
  /**
   * The number of nodes (pods).
   * @default 3
   */
  readonly replicas?: number;
  /**
   * The persistent volume per node.
   * @default '100Gi' for brokers, '20Gi' for controllers
   */
  readonly storageSize?: string;
  /**
   * The container memory (request and limit). The heap is min(6 GiB, half of it) with -Xms = -Xmx.
   * @default '8Gi' for brokers, '2Gi' for controllers
   * @see PERF-001
   */
  readonly memory?: string;
  /**
   * The container CPU request and limit.
   * @default '2' for brokers, '1' for controllers
   */
  readonly cpu?: string;
}

/** The brokers when none are given: 3 nodes of 8Gi memory, 2 CPUs and a 100Gi volume (HA-001, PERF-001). */
export const DEFAULT_BROKER_NODES: Required<KubernetesNodeOptions> = { replicas: 3, storageSize: '100Gi', memory: '8Gi', cpu: '2' };
/** The KRaft controllers when none are given: 3 nodes of 2Gi memory, 1 CPU and a 20Gi volume (HA-005). */
export const DEFAULT_CONTROLLER_NODES: Required<KubernetesNodeOptions> = { replicas: 3, storageSize: '20Gi', memory: '2Gi', cpu: '1' };

/**
 * The level of Kafka's authorizer logger (`kafka.authorizer.logger`), written to stdout on both
 * Kubernetes targets (SEC-008).
 */
export enum AuthorizerLogLevel {
  /** Denied operations are logged. */
  INFO = 'INFO',
  /** Denied and allowed operations are logged (verbose: every authorized request). */
  DEBUG = 'DEBUG',
}

/** The props every Kafka cluster on Kubernetes shares, whatever runs it (Strimzi or plain StatefulSets). */
export interface KubernetesKafkaClusterProps {
  /**
   * The cluster name; the objects are named after it.
   * @default '<environment>-kafka'
   */
  readonly clusterName?: string;
  /**
   * A Kafka 4.x version (KRaft only) that the target runs, written out.
   * @default KafkaVersion.V4_3_1
   * @see HA-005
   */
  readonly kafkaVersion?: KafkaVersion;
  /**
   * Run one node with both roles (controller and broker). Development only: HA-001, HA-005
   * and HA-006 report it (as warnings in development, errors elsewhere).
   * @default false
   */
  readonly combinedNode?: boolean;
  /**
   * The zones the pods are pinned to (node affinity on `topology.kubernetes.io/zone`) and spread
   * over (topology spread, `DoNotSchedule`).
   * @default - `<region>a`, `<region>b`, `<region>c`
   * @see HA-006
   */
  readonly zones?: string[];
  /**
   * The workloads allowed to reach the client listeners, unless a listener sets its own.
   * @see SEC-007
   */
  readonly clientNetworks: ClientNetwork[];
  /**
   * The Prometheus workloads allowed to scrape the metrics ports.
   * @default - pods in the namespace labelled `kubernetes.io/metadata.name: monitoring`
   * @see SEC-007
   */
  readonly prometheusNetworks?: ClientNetwork[];
  /**
   * The encrypted StorageClass of the volumes.
   * @default - a new `EncryptedStorageClass` with `kmsKeyId`
   * @see SEC-006
   */
  readonly storageClass?: IEncryptedStorageClass;
  /**
   * The customer-managed KMS key of a StorageClass created here. Required unless `storageClass` is given.
   * @default - none
   * @see SEC-006
   */
  readonly kmsKeyId?: string;
  /**
   * Broker settings (replication, min ISR, threads, retention, extra properties). Keys that
   * the target owns (listeners, TLS, SASL, the authorizer, node ids) are refused.
   * @default - the HA and PERF defaults of RULES.md
   */
  readonly brokerConfig?: BrokerConfigProps;
  /**
   * The authorizer logger's level.
   * @default AuthorizerLogLevel.INFO
   * @see SEC-008
   */
  readonly authorizerLogLevel?: AuthorizerLogLevel;
}

/** The Prometheus workloads allowed to scrape the metrics ports (SEC-007): the given ones, or the pods of the namespace `monitoring`. */
export function prometheusNetworksOf(props: KubernetesKafkaClusterProps): ClientNetwork[] {
  return props.prometheusNetworks ?? [
    ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'monitoring' }, description: 'Prometheus in the monitoring namespace' }),
  ];
}

/** The zones of a Kubernetes Kafka cluster: the given ones, or `<region>a`, `<region>b`, `<region>c`; distinct and non-empty (HA-006). */
export function zonesOf(path: string, region: string, zones: readonly string[] | undefined): readonly string[] {
  const out = zones ?? ['a', 'b', 'c'].map((z) => `${region}${z}`);
  if (out.length === 0 || new Set(out).size !== out.length || out.some((z) => typeof z !== 'string' || z.length === 0)) {
    throw KafkaIacError.invalidProp({
      code: 'HA-006', path, prop: 'zones', found: out,
      expected: 'distinct zone names (3 in production)', fix: "Set zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'].",
    });
  }
  out.forEach((z, i) => checkZoneOfRegion(z, region, { code: 'HA-006', path, prop: `zones[${i}]` }));
  return out;
}

/** The StorageClass of a Kubernetes Kafka cluster's volumes (SEC-006): the given one, or a new EncryptedStorageClass with `kmsKeyId`. */
export function storageClassOf(scope: Construct, path: string, props: KubernetesKafkaClusterProps, storageClassName: string, labels: Readonly<Record<string, string>>): { storageClass: IEncryptedStorageClass; created?: EncryptedStorageClass } {
  if (props.storageClass) return { storageClass: props.storageClass };
  if (props.kmsKeyId === undefined) {
    throw KafkaIacError.invalidProp({
      code: 'SEC-006', path, prop: 'kmsKeyId', found: undefined,
      expected: 'a customer-managed KMS key for the StorageClass created here, or storageClass',
      fix: 'Set kmsKeyId to your KMS key ARN, or pass storageClass: EncryptedStorageClass.fromStorageClassAttributes({...}).',
    });
  }
  const created = new EncryptedStorageClass(scope, 'StorageClass', { kmsKeyId: props.kmsKeyId, storageClassName, labels });
  return { storageClass: created, created };
}

/** The declared client workloads of a Kubernetes Kafka cluster: at least one (SEC-007). */
export function requireClientNetworks(path: string, clientNetworks: readonly ClientNetwork[] | undefined): void {
  KafkaIacError.nonEmpty(clientNetworks, {
    code: 'SEC-007', path, prop: 'clientNetworks',
    expected: 'at least one declared client workload; an empty networkPolicyPeers list lets every pod connect',
    fix: "Set clientNetworks: [ClientNetwork.kubernetesPeer({ namespaceLabels: { 'kubernetes.io/metadata.name': 'orders' } })].",
  });
}
