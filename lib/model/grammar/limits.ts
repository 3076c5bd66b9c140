/**
 * The real limits of the systems kafka-iac configures, each with its source. Numbers checked
 * against them (`checkInteger`, `checkNumber` in `numbers.ts`) fail fast with the library's error
 * before any work that grows with them (one alarm per broker, one node per pod) runs.
 */

/**
 * Brokers in one MSK cluster: AWS's quota "Number of brokers per cluster" is 60 for a
 * KRaft-based cluster (30 for a ZooKeeper-based one); kafka-iac creates KRaft clusters only
 * (HA-005). The quota is adjustable through Service Quotas, so the error says so.
 * @see https://docs.aws.amazon.com/msk/latest/developerguide/limits.html ("Amazon MSK Standard broker quota")
 */
export const MSK_MAX_BROKERS_PER_CLUSTER = 60;

/**
 * Kafka nodes of one Kubernetes cluster: Kubernetes supports at most 5,000 nodes per cluster,
 * and HA-009 puts at most one Kafka node on a host (required anti-affinity on
 * `kubernetes.io/hostname`).
 * @see https://kubernetes.io/docs/setup/best-practices/cluster-large/ ("No more than 5,000 nodes")
 */
export const KUBERNETES_MAX_NODES = 5_000;

/**
 * The most brokers any target of kafka-iac can run: the larger of the MSK quota and the
 * Kubernetes node limit. Target-neutral code (the capacity planner, the alert model) uses it.
 */
export const MAX_BROKERS = Math.max(MSK_MAX_BROKERS_PER_CLUSTER, KUBERNETES_MAX_NODES);

/**
 * Partitions of one topic: at most the partitions a whole cluster should hold. KIP-578: "The
 * current generic recommendation to have no more than 4000 partitions per broker and no more
 * than 200000 partitions per cluster is not enforced by Kafka." kafka-iac enforces it for one
 * topic, so `partitions: 1e9` is refused instead of accepted.
 * @see https://cwiki.apache.org/confluence/display/KAFKA/KIP-578%3A+Add+configuration+to+limit+number+of+partitions
 */
export const KAFKA_MAX_PARTITIONS_PER_TOPIC = 200_000;

/**
 * The largest 32-bit signed integer: the type of Kafka's integer configurations
 * (`num.network.threads`, `replication.factor`, `min.insync.replicas`) and of a Kubernetes
 * `replicas` field.
 */
export const INT32_MAX = 2_147_483_647;

/** Replicas of a partition: at most the brokers there can be. */
export const KAFKA_MAX_REPLICATION_FACTOR = MAX_BROKERS;

/**
 * Retention in hours: Kafka stores `retention.ms` as a long (milliseconds); kafka-iac accepts
 * at most 100 years (876,000 hours), far below the long's limit, and `-1` for unlimited.
 */
export const MAX_RETENTION_HOURS = 876_000;

/**
 * Kafka broker thread pools (`num.network.threads`, `num.io.threads`, ...): at least 1 and, as
 * kafka-iac bounds them, at most 1,024 (far above the documents' 8 and 16, far below what a JVM
 * can start; a bigger number is a typo).
 */
export const MAX_BROKER_THREADS = 1_024;
