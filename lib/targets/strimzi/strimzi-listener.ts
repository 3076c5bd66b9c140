import type { ClientAuthentication } from '../../model/client-authentication';
import type { ClientNetwork } from '../../model/client-network';

/** Where a client of a listener runs, for its bootstrap address. */
export enum ListenerReach {
  /** In the same Kubernetes cluster: `<cluster>-kafka-bootstrap.<namespace>.svc:<port>`. */
  KUBERNETES_CLUSTER = 'kubernetes-cluster',
  /** In another Kubernetes cluster of the cluster set: `<cluster>-kafka-bootstrap.<namespace>.svc.clusterset.local:<port>`. */
  CLUSTER_SET = 'cluster-set',
}

/** The DNS zone of the Multi-Cluster Services API (KEP-1645: "must be `clusterset.local`"). */
export const CLUSTER_SET_ZONE = 'clusterset.local';

/** How a Strimzi listener is exposed. */
export enum StrimziListenerType {
  /** Inside the Kubernetes cluster only, through headless and bootstrap Services (the default). */
  INTERNAL = 'internal',
  /** Inside the Kubernetes cluster, through one ClusterIP Service per broker. */
  CLUSTER_IP = 'cluster-ip',
  /** LoadBalancer Services. Reachable from outside the Kubernetes cluster: SEC-007 flags it. */
  LOAD_BALANCER = 'loadbalancer',
  /** NodePort Services. Reachable on every node: SEC-007 flags it. */
  NODE_PORT = 'nodeport',
}

/**
 * How a listener is reached from the other Kubernetes clusters of a cluster set, through the
 * Multi-Cluster Services API (KEP-1645): the bootstrap Service is exported as
 * `<cluster>-kafka-bootstrap.<namespace>.svc.clusterset.local`, and each broker pod of the
 * exported headless Service `<cluster>-kafka-brokers` as
 * `<pod>.<clusterId>.<cluster>-kafka-brokers.<namespace>.svc.clusterset.local`.
 * The listener advertises those names and adds them to the broker certificates, so a client in
 * another Kubernetes cluster (MirrorMaker 2 of a DR peer) connects with hostname verification.
 * Give cross-cluster clients a listener of their own: its advertised names resolve only where
 * the cluster set's DNS answers.
 * @see https://github.com/kubernetes/enhancements/blob/master/keps/sig-multicluster/1645-multi-cluster-services-api/specification.md
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-GenericKafkaListenerConfiguration-reference
 */
export interface StrimziClusterSetExposure {
  /**
   * This Kubernetes cluster's ID in the cluster set (the `id.k8s.io` ClusterProperty, KEP-2149):
   * a DNS label. It names the broker pods in the cluster set's DNS.
   */
  readonly clusterId: string;
}

/**
 * A client listener of a Strimzi cluster. Always TLS, always authenticated.
 * @see https://strimzi.io/docs/operators/latest/configuring.html#type-GenericKafkaListener-reference
 */
export interface StrimziListenerProps {
  /** The listener name: lower-case letters and digits, at most 11 characters. */
  readonly name: string;
  /** The port inside Kafka: 9092 or higher, not 9090/9091 (Strimzi's own) nor 9404/9999 (metrics, JMX). */
  readonly port: number;
  /**
   * How clients authenticate: SCRAM-SHA-512, mutual TLS, or OAuth bearer (a `custom`
   * authentication with `customListenerConfig`). IAM is MSK-only.
   * @see SEC-003
   */
  readonly authentication: ClientAuthentication;
  /**
   * How the listener is exposed.
   * @default StrimziListenerType.INTERNAL
   * @see SEC-007
   */
  readonly type?: StrimziListenerType;
  /**
   * TLS encryption. `false` is refused (SEC-001); the prop exists so that a configuration read
   * from a file that says `tls: false` fails with the rule's message instead of being ignored.
   * @default true
   * @see SEC-001
   */
  readonly tls?: boolean;
  /**
   * The workloads allowed to reach this listener (`networkPolicyPeers`).
   * @default - the cluster's `clientNetworks`
   * @see SEC-007
   */
  readonly clientNetworks?: ClientNetwork[];
  /**
   * The `listenerConfig` of a custom (OAuth bearer) authentication, such as
   * `sasl.enabled.mechanisms: OAUTHBEARER` and the JAAS/callback handler settings. Required
   * with `ClientAuthentication.oauthBearer()`, refused otherwise. No secret values: reference
   * them through a config provider.
   * @default - none
   * @see https://strimzi.io/docs/operators/latest/deploying.html#assembly-oauth-authentication_str
   */
  readonly customListenerConfig?: Readonly<Record<string, string>>;
  /**
   * Reach from the other Kubernetes clusters of a cluster set (Multi-Cluster Services): the
   * listener advertises the cluster set's names and its certificates carry them, and the
   * cluster exports its bootstrap and brokers Services (`ServiceExport`). Only for
   * `StrimziListenerType.INTERNAL`.
   * @default - reachable inside this Kubernetes cluster only
   */
  readonly clusterSet?: StrimziClusterSetExposure;
}
