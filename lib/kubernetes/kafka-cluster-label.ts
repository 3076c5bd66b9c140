/**
 * The label every Kubernetes object of a Kafka cluster carries with the cluster's name, next
 * to `kafka-iac.dev/target` (TARGET_LABEL). Alerts, PodMonitors and PVC selectors use it.
 */
export const KAFKA_CLUSTER_LABEL = 'kafka-iac.dev/cluster';

/** The zone label of Kubernetes nodes, used for rack awareness and zone spread (HA-006, HA-007). */
export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';

/** The host label of Kubernetes nodes, used for anti-affinity (HA-009). */
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';
