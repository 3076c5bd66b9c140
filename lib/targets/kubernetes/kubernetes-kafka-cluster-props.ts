import type { BrokerConfigProps } from '../../model/broker-config';
import type { ClientNetwork } from '../../model/client-network';
import type { KafkaVersion } from '../../model/kafka-version';
import type { IEncryptedStorageClass } from './encrypted-storage-class';

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
}
