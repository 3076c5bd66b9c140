import type { ClientAuthentication } from '../../model/client-authentication';
import type { ClientNetwork } from '../../model/client-network';

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
}
