import type { ClientAuthentication } from '../../model/client-authentication';
import type { ClientNetwork } from '../../model/client-network';

/**
 * The security protocol of a Kafka listener (`listener.security.protocol.map`). Only the two
 * encrypted protocols exist here: PLAINTEXT and SASL_PLAINTEXT are refused (SEC-001).
 */
export enum KafkaListenerProtocol {
  /** TLS; authentication by client certificate (`ssl.client.auth=required`). */
  SSL = 'SSL',
  /** SASL over TLS (SCRAM-SHA-512 here). */
  SASL_SSL = 'SASL_SSL',
}

/**
 * A client listener of a `KafkaStatefulSetCluster`: always TLS, always authenticated.
 * @see https://kafka.apache.org/documentation/#listener_configuration
 */
export interface StatefulSetListenerProps {
  /**
   * The listener name: lower-case letters and digits, at most 11 characters. Written upper-case
   * in `listeners` (`SCRAM://:9093`). `controller` and `replication` are taken by the cluster.
   */
  readonly name: string;
  /** The port: 9092 or higher, not 9090/9091 (controller, replication) nor 9404/9308 (metrics). */
  readonly port: number;
  /**
   * How clients authenticate: SCRAM-SHA-512 (SASL_SSL) or mutual TLS (SSL with
   * `ssl.client.auth=required`). IAM is MSK-only; OAuth bearer is offered on Strimzi.
   * @see SEC-003
   */
  readonly authentication: ClientAuthentication;
  /**
   * TLS encryption. `false` is refused (SEC-001); the prop exists so that a configuration read
   * from a file that says `tls: false` fails with the rule's message instead of being ignored.
   * @default true
   * @see SEC-001
   */
  readonly tls?: boolean;
  /**
   * The workloads allowed to reach this listener (NetworkPolicy peers).
   * @default - the cluster's `clientNetworks`
   * @see SEC-007
   */
  readonly clientNetworks?: ClientNetwork[];
}
