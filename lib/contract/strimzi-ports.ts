/**
 * The ports Strimzi itself uses in the Kafka pods: the Strimzi target keeps listeners off them,
 * its NetworkPolicies admit the metrics port, and SEC-007 reads both.
 */

/** Strimzi's control-plane listener of the Kafka pods (KRaft controllers), mutual TLS only. */
export const STRIMZI_CONTROL_PLANE_PORT = 9090;
/** Strimzi's replication listener of the Kafka pods (broker to broker), mutual TLS only. */
export const STRIMZI_REPLICATION_PORT = 9091;
/**
 * The metrics port of the Kafka pods and of Kafka Exporter on Strimzi, named `tcp-prometheus`
 * (strimzi-kafka-operator `MetricsModel.METRICS_PORT`; `ListenersValidator` forbids it, and 9999, as a listener port).
 */
export const STRIMZI_METRICS_PORT = 9404;
/** The JMX port Strimzi opens with `jmxOptions` (strimzi-kafka-operator `JmxModel.JMX_PORT`). */
export const STRIMZI_JMX_PORT = 9999;

/** The ports a Strimzi listener may not take: Strimzi's own listeners, metrics and JMX. */
export const STRIMZI_RESERVED_PORTS: readonly number[] = [STRIMZI_CONTROL_PLANE_PORT, STRIMZI_REPLICATION_PORT, STRIMZI_METRICS_PORT, STRIMZI_JMX_PORT];
