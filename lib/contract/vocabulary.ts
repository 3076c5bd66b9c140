/**
 * The one vocabulary that constructs write and rules read: every label, annotation, tag and
 * artefact kind of the synthesized output. Plain strings only; no file defines its own copy.
 */

/** Label naming the Strimzi cluster a KafkaUser or KafkaTopic belongs to. */
export const STRIMZI_CLUSTER_LABEL = 'strimzi.io/cluster';
/** Label with a principal's kind (`admin`, `application`, `mirror-maker-2`) on a KafkaUser; read by SEC-005. */
export const PRINCIPAL_KIND_LABEL = 'kafka-iac.dev/principal-kind';
/** Label on a ConfigMap of published client properties: the principal's name; read by HA-004. */
export const CLIENT_PROPERTIES_LABEL = 'kafka-iac.dev/client-properties';
/** Label on published client properties: `true` when the principal produces; read by HA-004. */
export const CLIENT_PRODUCER_LABEL = 'kafka-iac.dev/producer';
/** The data key of the client properties in their ConfigMap. */
export const CLIENT_PROPERTIES_KEY = 'client.properties';
/** Label on the ConfigMap that holds `acls.txt` and `topics.txt` for the StatefulSet admin Job; read by SEC-005. */
export const ACL_ARTEFACT_LABEL = 'kafka-iac.dev/acl-artefact';
/** The `input.kind` of the MSK terraform_data that holds the ACL and topic lines; read by SEC-005. */
export const KAFKA_ADMIN_ARTEFACT_KIND = 'kafka-iac/kafka-admin';
/** The `input.kind` of the MSK terraform_data that holds published client properties; read by HA-004. */
export const CLIENT_PROPERTIES_ARTEFACT_KIND = 'kafka-iac/client-properties';
/** IAM policy tag naming the principal. */
export const PRINCIPAL_TAG = 'kafka-iac:principal';
/** IAM policy tag with the principal's kind; read by SEC-005. */
export const PRINCIPAL_KIND_TAG = 'kafka-iac:principal-kind';
/**
 * The tag on an `aws_msk_cluster` that lists the admins its access model declares (names
 * separated by spaces; AWS tag values allow no commas). SEC-005 trusts a policy or ACL line
 * marked admin only for a principal listed here, as Strimzi's super users and the StatefulSet's
 * declared-admins annotation do on Kubernetes.
 */
export const DECLARED_ADMINS_TAG = 'kafka-iac:declared-admins';

/**
 * The label every Kubernetes object of a Kafka cluster carries with the cluster's name, next
 * to `kafka-iac.dev/target` (TARGET_LABEL). Alerts, PodMonitors and PVC selectors use it.
 */
export const KAFKA_CLUSTER_LABEL = 'kafka-iac.dev/cluster';

/** The zone label of Kubernetes nodes, used for rack awareness and zone spread (HA-006, HA-007). */
export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';

/** The host label of Kubernetes nodes, used for anti-affinity (HA-009). */
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

/** Label on every Kubernetes object of a Kafka cluster naming its target (`strimzi`, `statefulset`). */
export const TARGET_LABEL = 'kafka-iac.dev/target';
/** Label on PrometheusRules and PodMonitors naming the cluster they watch (the cluster label). */
export const MONITORED_CLUSTER_LABEL = KAFKA_CLUSTER_LABEL;
/** Label on a PrometheusRule naming the metrics backend its expressions read. */
export const METRICS_BACKEND_LABEL = 'kafka-iac.dev/metrics-backend';
/**
 * The container port name of every metrics endpoint: those the StatefulSet target writes (JMX
 * exporter agent, Kafka Exporter) and Strimzi's (Kafka pods, Kafka Exporter, MirrorMaker 2), which
 * the PodMonitors of `KafkaPrometheusMonitoring` scrape by default.
 */
export const METRICS_PORT_NAME = 'tcp-prometheus';
/** Label on a StatefulSet naming the KRaft roles of its nodes (`broker`, `controller`, `combined`). */
export const KAFKA_NODE_ROLE_LABEL = 'kafka-iac.dev/role';
/** Annotation on a Strimzi `Kafka` or a StatefulSet listing the admins its access model declares. */
export const DECLARED_ADMINS_ANNOTATION = 'kafka-iac.dev/declared-admins';
/** Annotation on a StorageClass with the KMS key that encrypts its volumes; read by SEC-006. */
export const STORAGE_KMS_KEY_ANNOTATION = 'kafka-iac.dev/storage-class-kms-key-id';
/** Annotation with the suppressions that cover a Kubernetes object, and their reasons. */
export const SUPPRESSIONS_ANNOTATION = 'kafka-iac.dev/suppressions';
/** Label on every object of a chart naming its environment. */
export const ENVIRONMENT_METADATA_LABEL = 'kafka-iac.dev/environment';
/** Annotation on a KafkaUser naming the Secret with the cluster CA certificate. */
export const CLUSTER_CA_SECRET_ANNOTATION = 'kafka-iac.dev/cluster-ca-secret';
/** Annotation on a KafkaUser naming the Secret with its credentials. */
export const CREDENTIALS_SECRET_ANNOTATION = 'kafka-iac.dev/credentials-secret';
/** Tag on a CloudWatch alarm naming the rule it implements (MON-001 ...). */
export const RULE_TAG = 'kafka-iac:rule';
/** Default tags of every AWS resource of a stack: the environment and its profile. */
export const ENVIRONMENT_TAG = 'kafka-iac:environment';
/** Default tag of every AWS resource of a stack: the environment's profile. */
export const PROFILE_TAG = 'kafka-iac:profile';

/** ScaledObject annotation: the consumer group whose lag drives the scaling (ConsumerAutoscaling, read by CAP-005). */
export const CONSUMER_GROUP_ANNOTATION = 'kafka-iac.dev/consumer-group';
/** ScaledObject annotation: JSON `{ topic: partitions }` of the group's topics, from the access model (CAP-005). */
export const GROUP_TOPIC_PARTITIONS_ANNOTATION = 'kafka-iac.dev/group-topic-partitions';
/** ScaledObject annotation: `true` when the group is covered by an SLO (CAP-005 asks for 2 replicas in production). */
export const SLO_COVERED_ANNOTATION = 'kafka-iac.dev/slo-covered';

/**
 * The label the Grafana sidecar finds dashboard ConfigMaps by: `sidecar.dashboards.label`
 * defaults to `grafana_dashboard` in the grafana/helm-charts chart (charts/grafana/README.md),
 * whose `labelValue` default `""` accepts any value; kube-prometheus-stack labels its own
 * dashboards with `"1"` (templates/grafana/configmap-dashboards.yaml), the value used here.
 */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
/** The value of GRAFANA_DASHBOARD_LABEL on a dashboard ConfigMap. */
export const GRAFANA_DASHBOARD_LABEL_VALUE = '1';
/** Label on a dashboard ConfigMap naming which dashboard it holds (`operational`, `slo`, `dr`, `overview`). */
export const DASHBOARD_KIND_LABEL = 'kafka-iac.dev/dashboard';
